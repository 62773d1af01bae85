import type { Knex } from '@mikro-orm/knex';
import type { RequestContext } from '../../graphql/context';
import { BadInputError, NotFoundError } from '../../graphql/errors';
import { runMutation } from '../../graphql/mutation';
import { UserError, UserErrors } from '../../graphql/payload';
import { assertCanWrite } from '../access/authorization';
import { recordAudit } from '../access/audit';
import { previousCreation, rememberCreation } from '../access/idempotency';
import { decodeId } from '../convention/convention.service';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { Mandate, Post } from './governance.entity';
import { CorrectMandateInput, EndMandateInput, MandateHolderInput, OpenMandateInput, ReplaceMandateInput } from './governance.inputs.write';
import { MandateEndReason, MandateRole } from './governance.enums';
import { checkGovernance } from './governance.rules';
import { loadGovernanceSnapshot } from './governance.snapshot';
import { announce } from '../events/publish';
import { insertRow } from '../../db/insert-row';

/** The body and organization a post belongs to, read from the database. */
async function postContext(trx: Knex, postId: number) {
  return trx('post as p').join('governing_body as b', 'b.id', 'p.body_id').select('p.id', 'p.body_id', 'b.organization_id').where('p.id', postId).first();
}

async function mustExist(trx: Knex, table: string, id: number, what: string, globalId: string): Promise<void> {
  if (!(await trx(table).where('id', id).first())) throw new NotFoundError(what, globalId);
}

/** Governance rules broken by one mandate on a date, as user errors (the rest of the network is not this write's business). */
async function rulesBrokenBy(trx: Knex, mandateId: number, asOf: string): Promise<UserError[]> {
  const issues = checkGovernance(await loadGovernanceSnapshot(trx, asOf));
  return issues.filter((i) => i.mandateIds.includes(mandateId)).map((i) => ({ field: ['input'], code: i.rule, message: i.message }));
}

/** Who holds a new mandate and how, decoded from an input. */
interface MandateSpec {
  personId: number | null;
  holderId: number | null;
  onBehalfOfId: number | null;
  collegeNumber: number | null;
  role: MandateRole;
  startDate: string;
  endDate: string | null;
  legalBasis: string | null;
}

function specOf(input: MandateHolderInput, startDate: string): MandateSpec {
  const personId = input.personId ? decodeId(input.personId, Person.typename, 'input.personId') : null;
  const holderId = input.holderOrganizationId ? decodeId(input.holderOrganizationId, Organization.typename, 'input.holderOrganizationId') : null;
  if ((personId === null) === (holderId === null)) throw new BadInputError('Give exactly one of personId (a person) and holderOrganizationId (a member by right)', 'input.personId');
  return {
    personId, holderId,
    onBehalfOfId: input.onBehalfOfId ? decodeId(input.onBehalfOfId, Organization.typename, 'input.onBehalfOfId') : null,
    collegeNumber: input.collegeNumber ?? null, role: input.role, startDate, endDate: null, legalBasis: input.legalBasis ?? null,
  };
}

/** Writes on mandates: opened and ended, never overwritten; every governance rule checked before commit. */
export class MandateWriteService {
  constructor(private readonly ctx: RequestContext) {}

  private load(id: number | null) {
    return id === null ? null : this.ctx.em.findOne(Mandate, id, { refresh: true, populate: ['post', 'term'] });
  }

  /**
   * Inserts a mandate on a post after checking what it points to; the governance rules are checked
   * by the caller once every row of the change is in place (a correction first retires what it corrects).
   */
  private async insertMandate(trx: Knex, post: { body_id: number; organization_id: number }, postId: number, spec: MandateSpec): Promise<{ id: number; row: Record<string, unknown> }> {
    if (spec.personId !== null) await mustExist(trx, 'person', spec.personId, 'Person', String(spec.personId));
    if (spec.holderId !== null) await mustExist(trx, 'organization', spec.holderId, 'Organization', String(spec.holderId));
    if (spec.onBehalfOfId !== null) await mustExist(trx, 'organization', spec.onBehalfOfId, 'Organization', String(spec.onBehalfOfId));
    const term = await trx('body_term').where('body_id', post.body_id).where('start_date', '<=', spec.startDate)
      .where((w) => w.whereNull('end_date').orWhere('end_date', '>', spec.startDate)).first();
    if (!term) throw UserErrors.of('NO_TERM_ON_DATE', `The body has no term running on ${spec.startDate}`, 'startDate');
    let collegeId: number | null = null;
    if (spec.collegeNumber !== null) {
      const college = await trx('college').where({ organization_id: post.organization_id, number: spec.collegeNumber }).first();
      if (!college) throw UserErrors.of('UNKNOWN_COLLEGE', `The organization has no collège ${spec.collegeNumber}`, 'collegeNumber');
      collegeId = Number(college.id);
    }
    const row = {
      post_id: postId, term_id: Number(term.id), person_id: spec.personId, holder_organization_id: spec.holderId, college_id: collegeId,
      on_behalf_of_id: spec.onBehalfOfId, role: spec.role, start_date: spec.startDate, end_date: spec.endDate, end_reason: null,
      legal_basis: spec.legalBasis, corrected_by_id: null, provenance_status: 'OFFICIAL', provenance_source: 'registry API', version: 1,
    };
    return { id: await insertRow(trx, 'mandate', row), row };
  }

  /** Refuses the change when the mandate breaks a governance rule on its start date. */
  private async checkRules(trx: Knex, id: number, startDate: string): Promise<void> {
    const broken = await rulesBrokenBy(trx, id, startDate);
    if (broken.length) throw new UserErrors(broken);
  }

  async open(input: OpenMandateInput): Promise<{ mandate: Mandate | null; userErrors: UserError[] }> {
    const postId = decodeId(input.postId, Post.typename, 'input.postId');
    const spec = specOf(input, input.startDate);
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      const post = await postContext(trx, postId);
      await assertCanWrite(trx, this.ctx, post ? [Number(post.organization_id)] : [], 'this body');
      if (!post) throw new NotFoundError('Post', input.postId);
      const scope = { bodyId: Number(post.body_id), organizationId: Number(post.organization_id) };
      const previous = await previousCreation(trx, this.ctx, input.idempotencyKey, 'openMandate');
      if (previous) return { id: Number(previous), ...scope };
      const { id, row } = await this.insertMandate(trx, post, postId, spec);
      await this.checkRules(trx, id, spec.startDate);
      await recordAudit(trx, this.ctx, { operation: 'openMandate', entityType: 'Mandate', entityId: id, before: null, after: { id, ...row } });
      await rememberCreation(trx, this.ctx, input.idempotencyKey, 'openMandate', 'Mandate', id);
      return { id, ...scope };
    });
    if (result) await this.announce('openMandate', result);
    return { mandate: await this.load(result?.id ?? null), userErrors };
  }

  /** Ends a mandate and opens its successor on the same post the same day, in one transaction. */
  async replace(input: ReplaceMandateInput): Promise<{ mandate: Mandate | null; userErrors: UserError[] }> {
    const id = decodeId(input.id, Mandate.typename, 'input.id');
    const spec = specOf(input.successor, input.date);
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      const { before, post } = await this.current(trx, id, input.id, input.version);
      if (before.end_date && before.end_date <= input.date) throw UserErrors.of('ALREADY_ENDED', `The mandate already ended on ${before.end_date}`, 'date');
      if (input.date <= before.start_date) throw UserErrors.of('END_BEFORE_START', `A mandate that started on ${before.start_date} cannot be replaced on ${input.date}`, 'date');
      await trx('mandate').where({ id, version: input.version }).update({ end_date: input.date, end_reason: MandateEndReason.REPLACED, version: input.version + 1 });
      const successor = await this.insertMandate(trx, post, Number(before.post_id), spec);
      await this.checkRules(trx, successor.id, spec.startDate);
      await recordAudit(trx, this.ctx, { operation: 'replaceMandate', entityType: 'Mandate', entityId: id, before, after: { ...before, end_date: input.date, end_reason: MandateEndReason.REPLACED, successor: { id: successor.id, ...successor.row } } });
      return { id: successor.id, bodyId: Number(post.body_id), organizationId: Number(post.organization_id) };
    });
    if (result) await this.announce('replaceMandate', result);
    return { mandate: await this.load(result?.id ?? null), userErrors };
  }

  /** Records a correction: a new mandate with the right facts, the wrong one pointing to it (and no longer counted). */
  async correct(input: CorrectMandateInput): Promise<{ mandate: Mandate | null; userErrors: UserError[] }> {
    const id = decodeId(input.id, Mandate.typename, 'input.id');
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      const { before, post } = await this.current(trx, id, input.id, input.version);
      if (before.corrected_by_id) throw UserErrors.of('ALREADY_CORRECTED', 'This mandate was already corrected: correct the correction', 'id');
      const pick = <T>(given: T | undefined, stored: T) => (given === undefined ? stored : given);
      const spec: MandateSpec = {
        personId: input.personId ? decodeId(input.personId, Person.typename, 'input.personId') : before.person_id,
        holderId: input.holderOrganizationId ? decodeId(input.holderOrganizationId, Organization.typename, 'input.holderOrganizationId') : before.holder_organization_id,
        onBehalfOfId: input.onBehalfOfId ? decodeId(input.onBehalfOfId, Organization.typename, 'input.onBehalfOfId') : before.on_behalf_of_id,
        collegeNumber: pick(input.collegeNumber, before.college_id ? Number((await trx('college').where('id', before.college_id).first()).number) : null),
        role: pick(input.role, before.role), startDate: pick(input.startDate, before.start_date), endDate: pick(input.endDate, before.end_date),
        legalBasis: pick(input.legalBasis, before.legal_basis),
      };
      if (input.personId && input.holderOrganizationId) throw new BadInputError('Give at most one of personId and holderOrganizationId', 'input.personId');
      if (input.personId) spec.holderId = null;
      if (input.holderOrganizationId) spec.personId = null;
      if (spec.endDate && spec.endDate <= spec.startDate) throw UserErrors.of('END_BEFORE_START', `A mandate cannot end (${spec.endDate}) before it starts (${spec.startDate})`, 'endDate');
      const correction = await this.insertMandate(trx, post, Number(before.post_id), spec);
      await trx('mandate').where({ id, version: input.version }).update({ corrected_by_id: correction.id, end_reason: MandateEndReason.CORRECTED, version: input.version + 1 });
      await this.checkRules(trx, correction.id, spec.startDate);
      await recordAudit(trx, this.ctx, { operation: 'correctMandate', entityType: 'Mandate', entityId: id, before, after: { correctedBy: { id: correction.id, ...correction.row } } });
      return { id: correction.id, bodyId: Number(post.body_id), organizationId: Number(post.organization_id) };
    });
    if (result) await this.announce('correctMandate', result);
    return { mandate: await this.load(result?.id ?? null), userErrors };
  }

  /** After commit: subscribers learn that a mandate and its body's composition changed. */
  private async announce(operation: string, r: { id: number; bodyId: number; organizationId: number }): Promise<void> {
    await announce(this.ctx, ['MANDATE_CHANGED'], operation, r.id, [r.organizationId]);
    await announce(this.ctx, ['BODY_COMPOSITION_CHANGED'], operation, r.bodyId, [r.organizationId]);
  }

  /** The stored mandate, after the caller's scope and the version they read are checked. */
  private async current(trx: Knex, id: number, globalId: string, version: number) {
    const before = await trx('mandate').where('id', id).first();
    const post = before ? await postContext(trx, Number(before.post_id)) : null;
    await assertCanWrite(trx, this.ctx, post ? [Number(post.organization_id)] : [], 'this body');
    if (!before || !post) throw new NotFoundError('Mandate', globalId);
    if (Number(before.version) !== version) throw UserErrors.of('CONFLICT', `The mandate changed since you read it (version ${before.version}): read it again`, 'version');
    return { before, post };
  }

  async end(input: EndMandateInput): Promise<{ mandate: Mandate | null; userErrors: UserError[] }> {
    const id = decodeId(input.id, Mandate.typename, 'input.id');
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      const { before, post } = await this.current(trx, id, input.id, input.version);
      if (before.end_date) throw UserErrors.of('ALREADY_ENDED', `The mandate already ended on ${before.end_date}`, 'endDate');
      if (input.endDate <= before.start_date) throw UserErrors.of('END_BEFORE_START', `A mandate that started on ${before.start_date} cannot end on ${input.endDate}`, 'endDate');
      const term = await trx('body_term').where('id', before.term_id).first();
      if (term.end_date && input.endDate > term.end_date) throw UserErrors.of('MANDATE_OUTSIDE_TERM', `The term ends on ${term.end_date}`, 'endDate');
      const changes = { end_date: input.endDate, end_reason: input.endReason, version: Number(before.version) + 1 };
      const updated = await trx('mandate').where({ id, version: input.version }).update(changes);
      if (Number(updated) !== 1) throw UserErrors.of('CONFLICT', 'The mandate changed while you were saving it: read it again', 'version');
      await recordAudit(trx, this.ctx, { operation: 'endMandate', entityType: 'Mandate', entityId: id, before, after: { ...before, ...changes } });
      return { id, bodyId: Number(post.body_id), organizationId: Number(post.organization_id) };
    });
    if (result) await this.announce('endMandate', result);
    return { mandate: await this.load(result?.id ?? null), userErrors };
  }
}
