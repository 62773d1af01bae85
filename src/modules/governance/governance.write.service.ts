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
import { EndMandateInput, OpenMandateInput } from './governance.inputs.write';
import { checkGovernance } from './governance.rules';
import { loadGovernanceSnapshot } from './governance.snapshot';
import { announce } from '../events/publish';

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

/** Writes on mandates: opened and ended, never overwritten; every governance rule checked before commit. */
export class MandateWriteService {
  constructor(private readonly ctx: RequestContext) {}

  private load(id: number | null) {
    return id === null ? null : this.ctx.em.findOne(Mandate, id, { refresh: true, populate: ['post', 'term'] });
  }

  async open(input: OpenMandateInput): Promise<{ mandate: Mandate | null; userErrors: UserError[] }> {
    const postId = decodeId(input.postId, Post.typename, 'input.postId');
    const personId = input.personId ? decodeId(input.personId, Person.typename, 'input.personId') : null;
    const holderId = input.holderOrganizationId ? decodeId(input.holderOrganizationId, Organization.typename, 'input.holderOrganizationId') : null;
    const onBehalfOfId = input.onBehalfOfId ? decodeId(input.onBehalfOfId, Organization.typename, 'input.onBehalfOfId') : null;
    if ((personId === null) === (holderId === null)) throw new BadInputError('Give exactly one of personId (a person) and holderOrganizationId (a member by right)', 'input.personId');
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      const post = await postContext(trx, postId);
      await assertCanWrite(trx, this.ctx, post ? [Number(post.organization_id)] : [], 'this body');
      if (!post) throw new NotFoundError('Post', input.postId);
      const previous = await previousCreation(trx, this.ctx, input.idempotencyKey, 'openMandate');
      if (previous) return { id: Number(previous), bodyId: Number(post.body_id), organizationId: Number(post.organization_id) };
      if (personId !== null) await mustExist(trx, 'person', personId, 'Person', input.personId!);
      if (holderId !== null) await mustExist(trx, 'organization', holderId, 'Organization', input.holderOrganizationId!);
      if (onBehalfOfId !== null) await mustExist(trx, 'organization', onBehalfOfId, 'Organization', input.onBehalfOfId!);
      const term = await trx('body_term').where('body_id', post.body_id).where('start_date', '<=', input.startDate)
        .where((w) => w.whereNull('end_date').orWhere('end_date', '>', input.startDate)).first();
      if (!term) throw UserErrors.of('NO_TERM_ON_DATE', `The body has no term running on ${input.startDate}`, 'startDate');
      let collegeId: number | null = null;
      if (input.collegeNumber !== undefined) {
        const college = await trx('college').where({ organization_id: post.organization_id, number: input.collegeNumber }).first();
        if (!college) throw UserErrors.of('UNKNOWN_COLLEGE', `The organization has no collège ${input.collegeNumber}`, 'collegeNumber');
        collegeId = Number(college.id);
      }
      const row = {
        post_id: postId, term_id: Number(term.id), person_id: personId, holder_organization_id: holderId, college_id: collegeId,
        on_behalf_of_id: onBehalfOfId, role: input.role, start_date: input.startDate, end_date: null, end_reason: null,
        legal_basis: input.legalBasis ?? null, corrected_by_id: null, provenance_status: 'OFFICIAL', provenance_source: 'registry API', version: 1,
      };
      const [inserted] = await trx('mandate').insert(row).returning('id');
      const id = Number(typeof inserted === 'object' ? inserted.id : inserted);
      const broken = await rulesBrokenBy(trx, id, input.startDate);
      if (broken.length) throw new UserErrors(broken);
      await recordAudit(trx, this.ctx, { operation: 'openMandate', entityType: 'Mandate', entityId: id, before: null, after: { id, ...row } });
      await rememberCreation(trx, this.ctx, input.idempotencyKey, 'openMandate', 'Mandate', id);
      return { id, bodyId: Number(post.body_id), organizationId: Number(post.organization_id) };
    });
    if (result) await this.announce('openMandate', result);
    return { mandate: await this.load(result?.id ?? null), userErrors };
  }

  /** After commit: subscribers learn that a mandate and its body's composition changed. */
  private async announce(operation: string, r: { id: number; bodyId: number; organizationId: number }): Promise<void> {
    await announce(this.ctx, ['MANDATE_CHANGED'], operation, r.id, [r.organizationId]);
    await announce(this.ctx, ['BODY_COMPOSITION_CHANGED'], operation, r.bodyId, [r.organizationId]);
  }

  async end(input: EndMandateInput): Promise<{ mandate: Mandate | null; userErrors: UserError[] }> {
    const id = decodeId(input.id, Mandate.typename, 'input.id');
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      const before = await trx('mandate').where('id', id).first();
      const post = before ? await postContext(trx, Number(before.post_id)) : null;
      await assertCanWrite(trx, this.ctx, post ? [Number(post.organization_id)] : [], 'this body');
      if (!before || !post) throw new NotFoundError('Mandate', input.id);
      if (Number(before.version) !== input.version) throw UserErrors.of('CONFLICT', `The mandate changed since you read it (version ${before.version}): read it again`, 'version');
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
