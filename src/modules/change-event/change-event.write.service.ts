import type { EntityManager, Knex } from '@mikro-orm/knex';
import type { RequestContext } from '../../graphql/context';
import { NotFoundError } from '../../graphql/errors';
import { runMutation } from '../../graphql/mutation';
import { UserError, UserErrors } from '../../graphql/payload';
import { assertCanWrite } from '../access/authorization';
import { recordAudit } from '../access/audit';
import { previousCreation, rememberCreation } from '../access/idempotency';
import { decodeId } from '../convention/convention.service';
import { Organization } from '../organization/organization.entity';
import { OrganizationWriteService } from '../organization/organization.write.service';
import { ChangeEvent, ChangeEventKind, ChangeEventRole } from './change-event.entity';
import { RecordChangeEventInput } from './change-event.inputs.write';
import { insertRow } from '../../db/insert-row';

type OrganizationRow = Record<string, unknown> & { id: number; name: string; version: number; founded_on: string | null; dissolved_on: string | null };

/** How many origins and results each kind takes, and what the message says when the count is wrong. */
const SHAPES: Record<string, { origins: (n: number) => boolean; results: (n: number) => boolean; origin: string; result: string }> = {
  [ChangeEventKind.CREATION]: { origins: (n) => n === 0, results: (n) => n === 1, origin: 'A creation has no origin', result: 'A creation has exactly one result: the new structure' },
  [ChangeEventKind.SPLIT]: { origins: (n) => n === 1, results: (n) => n >= 2, origin: 'A split has exactly one origin', result: 'A split has at least two results' },
  [ChangeEventKind.RENAMING]: { origins: (n) => n === 1, results: (n) => n === 1, origin: 'A renaming has exactly one origin', result: 'A renaming has exactly one result: the same structure' },
  [ChangeEventKind.DISSOLUTION]: {
    origins: (n) => n >= 1, results: (n) => n === 0,
    origin: 'A dissolution has at least one origin', result: 'A dissolution has no result (with successors it is a SPLIT, or a merger: mergeMissionsLocales)',
  },
};

/** Shape and state rules of an event, on the stored organizations; every broken one is reported. */
function check(input: RecordChangeEventInput, origins: OrganizationRow[], results: OrganizationRow[], dissolving: OrganizationRow[]): UserError[] {
  const errors: UserError[] = [];
  const shape = SHAPES[input.kind];
  if (!shape.origins(origins.length)) errors.push({ code: 'WRONG_ORIGIN_COUNT', field: ['input', 'originIds'], message: shape.origin });
  if (!shape.results(results.length)) errors.push({ code: 'WRONG_RESULT_COUNT', field: ['input', 'resultIds'], message: shape.result });
  if (input.kind === ChangeEventKind.RENAMING && origins.length === 1 && results.length === 1) {
    if (origins[0].id !== results[0].id) errors.push({ code: 'RENAMING_NOT_SAME_ORGANIZATION', field: ['input', 'resultIds'], message: 'A renaming keeps the same structure: its result is its origin' });
    else if (input.newName != null && input.newName.trim() === origins[0].name) {
      errors.push({ code: 'NAME_UNCHANGED', field: ['input', 'newName'], message: `${origins[0].name} already has this name` });
    }
  }
  if (input.newName != null && input.kind !== ChangeEventKind.RENAMING) {
    errors.push({ code: 'NEW_NAME_ONLY_FOR_RENAMING', field: ['input', 'newName'], message: 'A new name is given only with a RENAMING' });
  }
  const seen = new Set<number>();
  for (const [rows, field] of [[origins, 'originIds'], [results, 'resultIds']] as const) {
    rows.forEach((org, i) => {
      const at = ['input', field, String(i)];
      if (field === 'originIds' && org.founded_on && String(org.founded_on) > input.date) errors.push({ code: 'BEFORE_FOUNDING', field: at, message: `${org.name} was founded on ${org.founded_on}` });
      if (seen.has(org.id)) return;
      seen.add(org.id);
      const dissolvedBy = org.dissolved_on && (dissolving.includes(org) || String(org.dissolved_on) <= input.date);
      if (dissolvedBy) errors.push({ code: 'ORGANIZATION_DISSOLVED', field: at, message: `${org.name} was dissolved on ${org.dissolved_on}` });
    });
  }
  return errors;
}

/**
 * Records creations, splits, renamings and dissolutions with their participants. Consequences are
 * few and explicit: a dissolved structure (the origins of a DISSOLUTION, the origin of a SPLIT that is
 * not one of its results) gets `dissolvedOn` and its open memberships end on the date; a RENAMING with
 * `newName` renames as updateOrganization does. Coverage, sites and mandates are left to their own mutations.
 */
export class ChangeEventWriteService {
  constructor(private readonly ctx: RequestContext) {}

  async record(input: RecordChangeEventInput): Promise<{ event: ChangeEvent | null; userErrors: UserError[] }> {
    const originGlobalIds = input.originIds ?? [];
    const resultGlobalIds = input.resultIds ?? [];
    const originIds = originGlobalIds.map((id, i) => decodeId(id, Organization.typename, `input.originIds.${i}`));
    const resultIds = resultGlobalIds.map((id, i) => decodeId(id, Organization.typename, `input.resultIds.${i}`));
    const { result, userErrors } = await runMutation(this.ctx, async (trx, em) => {
      await assertCanWrite(trx, this.ctx, [...originIds, ...resultIds], 'every organization involved');
      const previous = await previousCreation(trx, this.ctx, input.idempotencyKey, 'recordChangeEvent');
      if (previous) return Number(previous);
      const stored = new Map((await trx('organization').whereIn('id', [...originIds, ...resultIds])).map((o: OrganizationRow) => [Number(o.id), o]));
      const rowsOf = (ids: number[], globalIds: string[]) => ids.map((id, i) => {
        const row = stored.get(id);
        if (!row) throw new NotFoundError('Organization', globalIds[i]);
        return row;
      });
      const origins = rowsOf(originIds, originGlobalIds);
      const results = rowsOf(resultIds, resultGlobalIds);
      const dissolving = input.kind === ChangeEventKind.DISSOLUTION ? origins
        : input.kind === ChangeEventKind.SPLIT ? origins.filter((o) => !resultIds.includes(Number(o.id))) : [];
      const errors = check(input, origins, results, dissolving);
      if (errors.length) throw new UserErrors(errors);

      const dissolved: { organizationId: number; membershipsEnded: number[] }[] = [];
      for (const org of dissolving) dissolved.push(await this.dissolve(trx, org, input.date));
      const renamed = input.kind === ChangeEventKind.RENAMING && input.newName != null ? await this.rename(em, origins[0], originGlobalIds[0], input) : null;

      const eventId = await insertRow(trx, 'change_event', {
        kind: input.kind, date: input.date, description: input.description.trim(), provenance_status: 'OFFICIAL', provenance_source: 'registry API',
      });
      await trx('change_event_participant').insert([
        ...originIds.map((id) => ({ event_id: eventId, organization_id: id, role: ChangeEventRole.ORIGIN })),
        ...resultIds.map((id) => ({ event_id: eventId, organization_id: id, role: ChangeEventRole.RESULT })),
      ]);
      await recordAudit(trx, this.ctx, {
        operation: 'recordChangeEvent', entityType: ChangeEvent.typename, entityId: eventId,
        before: { organizations: [...stored.values()] },
        after: { id: eventId, kind: input.kind, date: input.date, description: input.description.trim(), originIds, resultIds, dissolved, renamedTo: renamed },
      });
      await rememberCreation(trx, this.ctx, input.idempotencyKey, 'recordChangeEvent', ChangeEvent.typename, eventId);
      return eventId;
    });
    return { event: result === null ? null : await this.ctx.em.findOne(ChangeEvent, result, { refresh: true }), userErrors };
  }

  /** Dissolves one organization on `date` and ends its open memberships then; audited on the organization too. */
  private async dissolve(trx: Knex, org: OrganizationRow, date: string) {
    const version = Number(org.version);
    const updated = await trx('organization').where({ id: org.id, version }).whereNull('dissolved_on').update({ dissolved_on: date, version: version + 1 });
    if (Number(updated) !== 1) {
      // Someone else wrote it meanwhile: say why, the same way whichever database serialised the two.
      const now = await trx('organization').where('id', org.id).select('dissolved_on').first();
      if (now?.dissolved_on) throw UserErrors.of('ORGANIZATION_DISSOLVED', `${org.name} was dissolved on ${now.dissolved_on} while you were saving`, 'originIds');
      throw UserErrors.of('CONFLICT', `${org.name} changed while you were saving: read it again`, 'originIds');
    }
    const open = trx('organization_link').where('member_id', org.id).where('start_date', '<', date).where((w) => w.whereNull('end_date').orWhere('end_date', '>', date));
    const membershipsEnded = (await open.clone().orderBy('id').pluck('id')).map(Number);
    if (membershipsEnded.length) await trx('organization_link').whereIn('id', membershipsEnded).update({ end_date: date });
    await recordAudit(trx, this.ctx, {
      operation: 'recordChangeEvent', entityType: Organization.typename, entityId: org.id,
      before: org, after: { ...org, dissolved_on: date, version: version + 1, membershipsEnded },
    });
    return { organizationId: Number(org.id), membershipsEnded };
  }

  /**
   * Renames exactly as updateOrganization does (former name kept, search name, version, its own audit
   * line), in this transaction: the organization service runs on this transaction's entity manager, so
   * its work is a savepoint of ours and a refusal there rolls the whole event back.
   */
  private async rename(em: EntityManager, org: OrganizationRow, globalId: string, input: RecordChangeEventInput): Promise<string> {
    const { userErrors } = await new OrganizationWriteService({ ...this.ctx, em }).update({
      id: globalId, version: Number(org.version), name: input.newName!, renamedOn: input.date,
    });
    if (userErrors.length) throw new UserErrors(userErrors);
    return input.newName!.trim();
  }
}
