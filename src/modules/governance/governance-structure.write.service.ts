import type { Knex } from '@mikro-orm/knex';
import type { RequestContext } from '../../graphql/context';
import { BadInputError, NotFoundError } from '../../graphql/errors';
import { runMutation } from '../../graphql/mutation';
import { UserError, UserErrors } from '../../graphql/payload';
import { today } from '../../shared/dates';
import { assertCanWrite } from '../access/authorization';
import { recordAudit } from '../access/audit';
import { previousCreation, rememberCreation } from '../access/idempotency';
import { decodeId } from '../convention/convention.service';
import { Organization } from '../organization/organization.entity';
import { BodyTerm, College, GoverningBody, Post } from './governance.entity';
import { BodyKind, MandateRole } from './governance.enums';
import {
  CreateCollegeInput, CreateGoverningBodyInput, CreatePostInput, OpenBodyTermInput, UpdateGoverningBodyInput, UpdatePostInput,
} from './governance-structure.inputs';
import { insertRow } from '../../db/insert-row';

type Row = Record<string, any>;

/** Bodies an organization has at most one of: its presidency is read from "the" board. */
const ONE_PER_ORGANIZATION = new Set<string>([BodyKind.GENERAL_ASSEMBLY, BodyKind.BOARD, BodyKind.BUREAU]);
const FROM_API = { provenance_status: 'OFFICIAL', provenance_source: 'registry API' };

const trimmed = (s: string | null | undefined) => (s === undefined ? undefined : s === null ? null : s.trim());

/** A unique index refused the row (PostgreSQL 23505, SQLite "UNIQUE constraint failed"): a concurrent writer got there first. */
function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return e?.code === '23505' || /UNIQUE constraint failed/i.test(e?.message ?? '');
}

/** Two [start, end) periods share a day; a null end is open. */
function overlaps(a: { start: string; end: string | null }, b: { start: string; end: string | null }): boolean {
  return (b.end === null || a.start < b.end) && (a.end === null || b.start < a.end);
}

async function mustExist(trx: Knex, table: string, id: number, what: string, globalId: string): Promise<void> {
  if (!(await trx(table).where('id', id).first())) throw new NotFoundError(what, globalId);
}

/**
 * The most titulaires a post has at once from `day` on (in effect that day, or scheduled to start
 * later): its seats may not go below it. Corrected mandates do not count.
 */
async function titulairesFrom(trx: Knex, postId: number, day: string): Promise<number> {
  const rows: Row[] = await trx('mandate').select('start_date', 'end_date')
    .where({ post_id: postId, role: MandateRole.TITULAIRE }).whereNull('corrected_by_id')
    .where((w) => w.whereNull('end_date').orWhere('end_date', '>', day));
  const dates = [day, ...rows.map((r) => String(r.start_date)).filter((d) => d > day)];
  const heldOn = (d: string) => rows.filter((r) => r.start_date <= d && (r.end_date === null || r.end_date > d)).length;
  return Math.max(0, ...dates.map(heldOn));
}

/**
 * Writes on the structure of governance: bodies, their terms, collèges and posts. Each is authorized
 * on the organization read from the database (the body's, for terms and posts), audited, and run
 * in one transaction; creations are idempotent, updates carry the version read.
 */
export class GovernanceStructureWriteService {
  constructor(private readonly ctx: RequestContext) {}

  /** The body, locked for the transaction, after the caller's scope on its organization is checked. */
  private async body(trx: Knex, id: number, globalId: string): Promise<Row> {
    const body: Row | undefined = await trx('governing_body').where('id', id).forUpdate().first();
    // Without a token, nothing is said about the body; with one, an unknown body is not found (reads are public).
    await assertCanWrite(trx, this.ctx, body ? [Number(body.organization_id)] : [], "this body's organization");
    if (!body) throw new NotFoundError('GoverningBody', globalId);
    return body;
  }

  async createBody(input: CreateGoverningBodyInput): Promise<{ body: GoverningBody | null; userErrors: UserError[] }> {
    const organizationId = decodeId(input.organizationId, Organization.typename, 'input.organizationId');
    const secretariatId = input.secretariatOrganizationId ? decodeId(input.secretariatOrganizationId, Organization.typename, 'input.secretariatOrganizationId') : null;
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      await assertCanWrite(trx, this.ctx, [organizationId], 'this organization');
      const previous = await previousCreation(trx, this.ctx, input.idempotencyKey, 'createGoverningBody');
      if (previous) return Number(previous);
      // Locked: two boards created at once for one organization cannot both pass the check below.
      if (!(await trx('organization').where('id', organizationId).forUpdate().first())) throw new NotFoundError('Organization', input.organizationId);
      if (secretariatId !== null) await mustExist(trx, 'organization', secretariatId, 'Organization', input.secretariatOrganizationId!);
      if (ONE_PER_ORGANIZATION.has(input.kind)) {
        const other = await trx('governing_body').where({ organization_id: organizationId, kind: input.kind }).first();
        if (other) throw UserErrors.of('BODY_KIND_TAKEN', `The organization already has a body of kind ${input.kind} (${other.name}): change it instead`, 'kind');
      }
      const row = {
        organization_id: organizationId, kind: input.kind, name: input.name.trim(), description: trimmed(input.description) ?? null,
        meeting_frequency: trimmed(input.meetingFrequency) ?? null, secretariat_id: secretariatId, term_years: input.termYears ?? null, ...FROM_API, version: 1,
      };
      const id = await insertRow(trx, 'governing_body', row);
      await recordAudit(trx, this.ctx, { operation: 'createGoverningBody', entityType: GoverningBody.typename, entityId: id, before: null, after: { id, ...row } });
      await rememberCreation(trx, this.ctx, input.idempotencyKey, 'createGoverningBody', GoverningBody.typename, id);
      return id;
    });
    return { body: result === null ? null : await this.ctx.em.findOne(GoverningBody, result, { refresh: true }), userErrors };
  }

  /** Changes a body; naming another organization as secretariat needs rights on the body's organization only. */
  async updateBody(input: UpdateGoverningBodyInput): Promise<{ body: GoverningBody | null; userErrors: UserError[] }> {
    const id = decodeId(input.id, GoverningBody.typename, 'input.id');
    if (input.name === null) throw new BadInputError('A body keeps its name: name cannot be null', 'input.name');
    const secretariatId = input.secretariatOrganizationId ? decodeId(input.secretariatOrganizationId, Organization.typename, 'input.secretariatOrganizationId') : input.secretariatOrganizationId;
    const changes = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.description !== undefined ? { description: trimmed(input.description) } : {}),
      ...(input.meetingFrequency !== undefined ? { meeting_frequency: trimmed(input.meetingFrequency) } : {}),
      ...(secretariatId !== undefined ? { secretariat_id: secretariatId } : {}),
    };
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      const before = await this.body(trx, id, input.id);
      if (Number(before.version) !== input.version) throw UserErrors.of('CONFLICT', `The body changed since you read it (version ${before.version}, you sent ${input.version}): read it again`, 'version');
      if (typeof secretariatId === 'number') await mustExist(trx, 'organization', secretariatId, 'Organization', input.secretariatOrganizationId!);
      const after = { ...before, ...changes, version: input.version + 1 };
      const updated = await trx('governing_body').where({ id, version: input.version }).update({ ...changes, version: after.version });
      if (Number(updated) !== 1) throw UserErrors.of('CONFLICT', 'The body changed while you were saving it: read it again', 'version');
      await recordAudit(trx, this.ctx, { operation: 'updateGoverningBody', entityType: GoverningBody.typename, entityId: id, before, after });
      return id;
    });
    return { body: result === null ? null : await this.ctx.em.findOne(GoverningBody, result, { refresh: true }), userErrors };
  }

  /**
   * Opens a term of a body. Terms of a body never overlap; the one exception is handled here: when
   * the running term is open and started earlier, it ends the day the new one starts, provided none
   * of its mandates goes on past that day (they would lie outside their term).
   */
  async openTerm(input: OpenBodyTermInput): Promise<{ term: BodyTerm | null; userErrors: UserError[] }> {
    const bodyId = decodeId(input.bodyId, GoverningBody.typename, 'input.bodyId');
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      await this.body(trx, bodyId, input.bodyId); // locked: two terms opened at once cannot both pass the overlap check
      const previous = await previousCreation(trx, this.ctx, input.idempotencyKey, 'openBodyTerm');
      if (previous) return Number(previous);
      const wanted = { start: input.startDate, end: input.endDate ?? null };
      if (wanted.end !== null && wanted.end <= wanted.start) throw UserErrors.of('END_BEFORE_START', `A term cannot end (${wanted.end}) on or before its start (${wanted.start})`, 'endDate');
      const terms: Row[] = await trx('body_term').where('body_id', bodyId).orderBy('start_date');
      const running = terms.find((t) => t.end_date === null && t.start_date < wanted.start);
      const clash = terms.find((t) => t !== running && overlaps({ start: t.start_date, end: t.end_date }, wanted));
      if (clash) throw UserErrors.of('TERM_OVERLAP', `The body already has a term from ${clash.start_date} to ${clash.end_date ?? 'open'}`, 'startDate');
      if (running) {
        const outlasting = await trx('mandate').where('term_id', running.id).whereNull('corrected_by_id')
          .where((w) => w.whereNull('end_date').orWhere('end_date', '>', wanted.start)).pluck('id');
        if (outlasting.length) {
          throw UserErrors.of('MANDATE_OUTSIDE_TERM', `${outlasting.length} mandate(s) of the running term (since ${running.start_date}) go on after ${wanted.start}: end them first`, 'startDate');
        }
        await trx('body_term').where({ id: running.id }).whereNull('end_date').update({ end_date: wanted.start });
        await recordAudit(trx, this.ctx, { operation: 'openBodyTerm', entityType: BodyTerm.typename, entityId: Number(running.id), before: running, after: { ...running, end_date: wanted.start } });
      }
      const row = { body_id: bodyId, start_date: wanted.start, end_date: wanted.end, label: trimmed(input.label) ?? null };
      const id = await insertRow(trx, 'body_term', row);
      await recordAudit(trx, this.ctx, { operation: 'openBodyTerm', entityType: BodyTerm.typename, entityId: id, before: null, after: { id, ...row } });
      await rememberCreation(trx, this.ctx, input.idempotencyKey, 'openBodyTerm', BodyTerm.typename, id);
      return id;
    });
    return { term: result === null ? null : await this.ctx.em.findOne(BodyTerm, result, { refresh: true }), userErrors };
  }

  async createCollege(input: CreateCollegeInput): Promise<{ college: College | null; userErrors: UserError[] }> {
    const organizationId = decodeId(input.organizationId, Organization.typename, 'input.organizationId');
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      await assertCanWrite(trx, this.ctx, [organizationId], 'this organization');
      const previous = await previousCreation(trx, this.ctx, input.idempotencyKey, 'createCollege');
      if (previous) return Number(previous);
      await mustExist(trx, 'organization', organizationId, 'Organization', input.organizationId);
      const taken = () => UserErrors.of('COLLEGE_NUMBER_TAKEN', `The organization already has a collège ${input.number}`, 'number');
      if (await trx('college').where({ organization_id: organizationId, number: input.number }).first()) throw taken();
      const row = { organization_id: organizationId, number: input.number, name: input.name.trim(), description: trimmed(input.description) ?? null };
      const id = await insertRow(trx, 'college', row).catch((err) => {
        throw isUniqueViolation(err) ? taken() : err;
      });
      await recordAudit(trx, this.ctx, { operation: 'createCollege', entityType: College.typename, entityId: id, before: null, after: { id, ...row } });
      await rememberCreation(trx, this.ctx, input.idempotencyKey, 'createCollege', College.typename, id);
      return id;
    });
    return { college: result === null ? null : await this.ctx.em.findOne(College, result, { refresh: true }), userErrors };
  }

  async createPost(input: CreatePostInput): Promise<{ post: Post | null; userErrors: UserError[] }> {
    const bodyId = decodeId(input.bodyId, GoverningBody.typename, 'input.bodyId');
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      const body = await this.body(trx, bodyId, input.bodyId);
      const previous = await previousCreation(trx, this.ctx, input.idempotencyKey, 'createPost');
      if (previous) return Number(previous);
      let collegeId: number | null = null;
      if (input.collegeNumber !== undefined && input.collegeNumber !== null) {
        // Looked up among the body's organization's collèges: a post cannot reserve seats to another's.
        const college = await trx('college').where({ organization_id: body.organization_id, number: input.collegeNumber }).first();
        if (!college) throw UserErrors.of('UNKNOWN_COLLEGE', `The body's organization has no collège ${input.collegeNumber}`, 'collegeNumber');
        collegeId = Number(college.id);
      }
      const row = { body_id: bodyId, kind: input.kind, label: input.label.trim(), seats: input.seats, college_id: collegeId, version: 1 };
      const id = await insertRow(trx, 'post', row);
      await recordAudit(trx, this.ctx, { operation: 'createPost', entityType: Post.typename, entityId: id, before: null, after: { id, ...row } });
      await rememberCreation(trx, this.ctx, input.idempotencyKey, 'createPost', Post.typename, id);
      return id;
    });
    return { post: result === null ? null : await this.ctx.em.findOne(Post, result, { refresh: true }), userErrors };
  }

  /** Changes a post; its seats never go below the titulaires holding it today or scheduled later. */
  async updatePost(input: UpdatePostInput): Promise<{ post: Post | null; userErrors: UserError[] }> {
    const id = decodeId(input.id, Post.typename, 'input.id');
    if (input.label === null) throw new BadInputError('A post keeps its label: label cannot be null', 'input.label');
    if (input.seats === null) throw new BadInputError('A post keeps a number of seats: seats cannot be null', 'input.seats');
    const { seats } = input;
    const changes = {
      ...(input.label !== undefined ? { label: input.label.trim() } : {}),
      ...(seats !== undefined ? { seats } : {}),
    };
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      const before: Row | undefined = await trx('post').where('id', id).forUpdate().first();
      const body: Row | undefined = before ? await trx('governing_body').select('organization_id').where('id', before.body_id).first() : undefined;
      await assertCanWrite(trx, this.ctx, body ? [Number(body.organization_id)] : [], "this post's body");
      if (!before) throw new NotFoundError('Post', input.id);
      if (Number(before.version) !== input.version) throw UserErrors.of('CONFLICT', `The post changed since you read it (version ${before.version}, you sent ${input.version}): read it again`, 'version');
      if (seats !== undefined && seats < Number(before.seats)) {
        const held = await titulairesFrom(trx, id, today());
        if (seats < held) throw UserErrors.of('SEATS_BELOW_HOLDERS', `${held} titulaire(s) hold this post at once from today on: end mandates before lowering its seats to ${seats}`, 'seats');
      }
      const after = { ...before, ...changes, version: input.version + 1 };
      const updated = await trx('post').where({ id, version: input.version }).update({ ...changes, version: after.version });
      if (Number(updated) !== 1) throw UserErrors.of('CONFLICT', 'The post changed while you were saving it: read it again', 'version');
      await recordAudit(trx, this.ctx, { operation: 'updatePost', entityType: Post.typename, entityId: id, before, after });
      return id;
    });
    return { post: result === null ? null : await this.ctx.em.findOne(Post, result, { refresh: true }), userErrors };
  }
}
