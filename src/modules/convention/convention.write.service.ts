import type { Knex } from '@mikro-orm/knex';
import type { RequestContext } from '../../graphql/context';
import { NotFoundError } from '../../graphql/errors';
import { runMutation } from '../../graphql/mutation';
import { UserError, UserErrors } from '../../graphql/payload';
import { foldForSearch } from '../../shared/text';
import { ForbiddenError, UnauthenticatedError } from '../access/authorization';
import { recordAudit } from '../access/audit';
import { AccessRole } from '../access/caller';
import { previousCreation, rememberCreation } from '../access/idempotency';
import { Organization } from '../organization/organization.entity';
import { Convention } from './convention.entity';
import { ConventionKind, ConventionStatus, PartyRole } from './convention.enums';
import {
  AddConventionDocumentInput, AddConventionPartyInput, AddFundingLineInput, ChangeConventionStatusInput, CreateConventionInput,
} from './convention.inputs.write';
import { checkConvention, ConventionDraft } from './convention.rules';
import { decodeId } from './convention.service';
import { announce } from '../events/publish';
import { insertRow } from '../../db/insert-row';

/** National secretariat: every convention; an ARML: those it is a party to; nobody else. */
function assertCanWriteConvention(ctx: RequestContext, partyIds: number[]): void {
  const caller = ctx.caller;
  if (caller.kind === 'anonymous') throw new UnauthenticatedError();
  if (caller.role === AccessRole.NATIONAL) return;
  if (caller.role === AccessRole.ARML && caller.organizationId !== null && partyIds.includes(caller.organizationId)) return;
  throw new ForbiddenError('this convention (an ARML may change only the conventions it is a party to)');
}

/** The convention as stored, in the shape the rules read. */
async function draftOf(trx: Knex, id: number): Promise<{ row: Record<string, unknown>; draft: ConventionDraft }> {
  const row = await trx('convention').where('id', id).first();
  if (!row) throw new NotFoundError('Convention', String(id));
  // One after the other: a transaction is one connection, which runs one statement at a time.
  const parties = await trx('convention_party').where('convention_id', id).orderBy('id');
  const history = await trx('convention_status_change').where('convention_id', id).orderBy(['date', 'id']);
  const funding = await trx('funding_line').where('convention_id', id).select('amount_cents');
  const national = row.national_convention_id ? await trx('convention').where('id', row.national_convention_id).select('kind').first() : null;
  return {
    row,
    draft: {
      kind: row.kind, startDate: row.start_date, endDate: row.end_date, signedOn: row.signed_on, durationException: row.duration_exception,
      nationalConventionKind: national?.kind ?? null,
      parties: parties.map((p: Record<string, unknown>) => ({ organizationId: Number(p.organization_id), role: p.role as PartyRole })),
      statusHistory: history.map((s: Record<string, unknown>) => ({ status: s.status as ConventionStatus, date: String(s.date) })),
      fundingCents: funding.map((f: Record<string, unknown>) => BigInt(String(f.amount_cents))),
    },
  };
}

/** Rules broken by a convention, as user errors on the input. */
function violations(draft: ConventionDraft): UserError[] {
  return checkConvention(draft).map((v) => ({ code: v.rule, message: v.message, field: ['input', ...v.field.split('.')] }));
}

async function organizationsExist(trx: Knex, ids: number[]): Promise<void> {
  const found = new Set((await trx('organization').whereIn('id', ids).select('id')).map((r: { id: number }) => Number(r.id)));
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw new NotFoundError('Organization', String(missing));
}

/** Writes on conventions: validated against the convention rules before commit, audited, one transaction each. */
export class ConventionWriteService {
  constructor(private readonly ctx: RequestContext) {}

  private load(id: number | null) {
    return id === null ? null : this.ctx.em.findOne(Convention, id, { refresh: true });
  }

  async create(input: CreateConventionInput) {
    const parties = input.parties.map((p, i) => ({ organizationId: decodeId(p.organizationId, Organization.typename, `input.parties.${i}.organizationId`), role: p.role }));
    const renewsId = input.renewsId ? decodeId(input.renewsId, Convention.typename, 'input.renewsId') : null;
    const nationalId = input.nationalConventionId ? decodeId(input.nationalConventionId, Convention.typename, 'input.nationalConventionId') : null;
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      assertCanWriteConvention(this.ctx, parties.map((p) => p.organizationId));
      const previous = await previousCreation(trx, this.ctx, input.idempotencyKey, 'createConvention');
      if (previous) return Number(previous);
      await organizationsExist(trx, parties.map((p) => p.organizationId));
      const national = nationalId === null ? null : await trx('convention').where('id', nationalId).select('kind').first();
      if (nationalId !== null && !national) throw new NotFoundError('Convention', input.nationalConventionId!);
      if (renewsId !== null && !(await trx('convention').where('id', renewsId).first())) throw new NotFoundError('Convention', input.renewsId!);
      if (input.reference && (await trx('convention').where('reference', input.reference).first())) {
        throw UserErrors.of('DUPLICATE_REFERENCE', `Another convention already has the reference ${input.reference}`, 'reference');
      }
      const draft: ConventionDraft = {
        kind: input.kind, startDate: input.startDate, endDate: input.endDate, durationException: input.durationException ?? null,
        nationalConventionKind: (national?.kind as ConventionKind | undefined) ?? null, parties,
        statusHistory: [{ status: ConventionStatus.DRAFT, date: input.draftedOn }], fundingCents: [],
      };
      const broken = violations(draft);
      if (broken.length) throw new UserErrors(broken);
      const row = {
        kind: input.kind, title: input.title.trim(), search_text: foldForSearch(`${input.title} ${input.reference ?? ''}`), reference: input.reference ?? null,
        status: ConventionStatus.DRAFT, start_date: input.startDate, end_date: input.endDate, signed_on: null,
        duration_exception: input.durationException ?? null, renews_id: renewsId, national_convention_id: nationalId, theme: input.theme ?? null,
        provenance_status: 'OFFICIAL', provenance_source: 'registry API', version: 1,
      };
      const id = await insertRow(trx, 'convention', row);
      await trx('convention_party').insert(parties.map((p) => ({ convention_id: id, organization_id: p.organizationId, role: p.role })));
      await trx('convention_status_change').insert({ convention_id: id, status: ConventionStatus.DRAFT, date: input.draftedOn, note: null });
      await recordAudit(trx, this.ctx, { operation: 'createConvention', entityType: 'Convention', entityId: id, before: null, after: { id, ...row, parties } });
      await rememberCreation(trx, this.ctx, input.idempotencyKey, 'createConvention', 'Convention', id);
      return id;
    });
    return { convention: await this.load(result), userErrors };
  }

  /** Shared frame of every change to an existing convention: scope, version, rules, version bump, audit. */
  private async change(
    globalId: string, version: number, operation: string,
    apply: (trx: Knex, id: number, draft: ConventionDraft) => Promise<{ draft: ConventionDraft; write: () => Promise<unknown>; columns?: Record<string, unknown> }>,
  ) {
    const id = decodeId(globalId, Convention.typename, 'input.id');
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      const { row, draft } = await draftOf(trx, id);
      assertCanWriteConvention(this.ctx, draft.parties.map((p) => p.organizationId));
      if (Number(row.version) !== version) throw UserErrors.of('CONFLICT', `The convention changed since you read it (version ${row.version}): read it again`, 'version');
      const next = await apply(trx, id, draft);
      const broken = violations(next.draft);
      if (broken.length) throw new UserErrors(broken);
      await next.write();
      const updated = await trx('convention').where({ id, version }).update({ ...(next.columns ?? {}), version: version + 1 });
      if (Number(updated) !== 1) throw UserErrors.of('CONFLICT', 'The convention changed while you were saving it: read it again', 'version');
      await recordAudit(trx, this.ctx, { operation, entityType: 'Convention', entityId: id, before: { ...row, ...draft, fundingCents: draft.fundingCents.map(String) }, after: { ...next.columns, ...next.draft, fundingCents: next.draft.fundingCents.map(String), version: version + 1 } });
      return id;
    });
    return { convention: await this.load(result), userErrors };
  }

  async changeStatus(input: ChangeConventionStatusInput) {
    let parties: number[] = [];
    const outcome = await this.change(input.id, input.version, 'changeConventionStatus', async (trx, id, draft) => {
      parties = draft.parties.map((p) => p.organizationId);
      return {
      draft: { ...draft, signedOn: input.signedOn ?? draft.signedOn, statusHistory: [...draft.statusHistory, { status: input.status, date: input.date }] },
      columns: { status: input.status, ...(input.signedOn ? { signed_on: input.signedOn } : {}) },
      write: () => trx('convention_status_change').insert({ convention_id: id, status: input.status, date: input.date, note: input.note ?? null }),
      };
    });
    if (outcome.convention) await announce(this.ctx, ['CONVENTION_STATUS_CHANGED'], 'changeConventionStatus', outcome.convention.id, [...new Set(parties)]);
    return outcome;
  }

  addParty(input: AddConventionPartyInput) {
    return this.change(input.conventionId, input.version, 'addConventionParty', async (trx, id, draft) => {
      const organizationId = decodeId(input.organizationId, Organization.typename, 'input.organizationId');
      await organizationsExist(trx, [organizationId]);
      return {
        draft: { ...draft, parties: [...draft.parties, { organizationId, role: input.role }] },
        write: () => trx('convention_party').insert({ convention_id: id, organization_id: organizationId, role: input.role }),
      };
    });
  }

  addFundingLine(input: AddFundingLineInput) {
    return this.change(input.conventionId, input.version, 'addFundingLine', async (trx, id, draft) => {
      const financerId = decodeId(input.financerId, Organization.typename, 'input.financerId');
      if (!draft.parties.some((p) => p.organizationId === financerId && p.role === PartyRole.FINANCER)) {
        throw UserErrors.of('FINANCER_NOT_PARTY', 'The financer must be a FINANCER party of the convention: add it first', 'financerId');
      }
      return {
        draft: { ...draft, fundingCents: [...draft.fundingCents, input.amount] },
        write: () => trx('funding_line').insert({
          convention_id: id, financer_id: financerId, year: input.year, axis: input.axis ?? null, amount_cents: input.amount.toString(),
          provenance_status: 'OFFICIAL', provenance_source: 'registry API',
        }),
      };
    });
  }

  addDocument(input: AddConventionDocumentInput) {
    return this.change(input.conventionId, input.version, 'addConventionDocument', async (trx, id, draft) => ({
      draft,
      write: () => trx('convention_document').insert({ convention_id: id, title: input.title.trim(), reference: input.reference ?? null, url: input.url ?? null }),
    }));
  }
}
