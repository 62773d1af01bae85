import type { Knex } from '@mikro-orm/knex';
import type { RequestContext } from '../../graphql/context';
import { NotFoundError } from '../../graphql/errors';
import { runMutation } from '../../graphql/mutation';
import { UserError, UserErrors } from '../../graphql/payload';
import { assertCanWrite } from '../access/authorization';
import { recordAudit } from '../access/audit';
import { decodeId } from '../convention/convention.service';
import { MandateEndReason } from '../governance/governance.enums';
import { Organization } from '../organization/organization.entity';
import { OrganizationKind } from '../organization/organization.enums';
import { ChangeEvent, ChangeEventKind, ChangeEventRole } from './change-event.entity';
import { MergeMissionsLocalesInput } from './merge.inputs';

const API = { provenance_status: 'OFFICIAL', provenance_source: 'registry API' };
const openOn = (q: Knex.QueryBuilder, date: string) => q.where((w) => w.whereNull('end_date').orWhere('end_date', '>', date));

/**
 * Merges a Mission Locale into another, end to end and in one transaction. Nothing is overwritten:
 * coverage, memberships and mandates that stop get an end date and successors are new rows; sites
 * move (the audit line keeps where they were); the absorbed one is dissolved and a MERGER event
 * links both to the result.
 */
export class MergeService {
  constructor(private readonly ctx: RequestContext) {}

  async merge(input: MergeMissionsLocalesInput): Promise<{ event: ChangeEvent | null; userErrors: UserError[] }> {
    const absorbedId = decodeId(input.absorbedId, Organization.typename, 'input.absorbedId');
    const intoId = decodeId(input.intoId, Organization.typename, 'input.intoId');
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      await assertCanWrite(trx, this.ctx, [absorbedId, intoId], 'both Missions Locales');
      const absorbed = await trx('organization').where('id', absorbedId).first();
      const into = await trx('organization').where('id', intoId).first();
      if (!absorbed) throw new NotFoundError('Organization', input.absorbedId);
      if (!into) throw new NotFoundError('Organization', input.intoId);
      this.check(input, absorbed, into);
      const date = input.date;

      // Coverage: the absorbed one's communes move, unless the result already covers them.
      const covered = new Set((await openOn(trx('commune_coverage').where('organization_id', intoId), date).select('commune_code')).map((r: { commune_code: string }) => r.commune_code));
      const moving = await openOn(trx('commune_coverage').where('organization_id', absorbedId).where('start_date', '<=', date), date).select('id', 'commune_code');
      await trx('commune_coverage').whereIn('id', moving.map((r: { id: number }) => r.id)).update({ end_date: date });
      const added = moving.filter((r: { commune_code: string }) => !covered.has(r.commune_code));
      if (added.length) await trx('commune_coverage').insert(added.map((r: { commune_code: string }) => ({ organization_id: intoId, commune_code: r.commune_code, start_date: date, end_date: null, ...API })));

      // Sites move; the result keeps its own head office.
      const sites = await trx('site').where('organization_id', absorbedId).select('id', 'kind', 'version');
      for (const s of sites) await trx('site').where('id', s.id).update({ organization_id: intoId, kind: 'ANTENNA', version: Number(s.version) + 1 });

      // Seats held by or on behalf of the absorbed one pass to the result; mandates in its own bodies end with them.
      const representation = await openOn(trx('mandate').whereNull('corrected_by_id').where((w) => w.where('on_behalf_of_id', absorbedId).orWhere('holder_organization_id', absorbedId)), date);
      for (const m of representation) {
        await trx('mandate').where('id', m.id).update({ end_date: date, end_reason: MandateEndReason.REPLACED, version: Number(m.version) + 1 });
        const { id: _id, ...rest } = m;
        await trx('mandate').insert({
          ...rest, start_date: date, end_date: null, end_reason: null, version: 1, ...API,
          on_behalf_of_id: m.on_behalf_of_id === absorbedId ? intoId : m.on_behalf_of_id,
          holder_organization_id: m.holder_organization_id === absorbedId ? intoId : m.holder_organization_id,
          legal_basis: `Fusion du ${date}`,
        });
      }
      const ownBodies = trx('body_term as t').join('governing_body as b', 'b.id', 't.body_id').where('b.organization_id', absorbedId).select('t.id');
      const ended = await openOn(trx('mandate').whereIn('term_id', ownBodies).whereNull('corrected_by_id'), date).update({ end_date: date, end_reason: MandateEndReason.TERM_ENDED });

      await openOn(trx('organization_link').where('member_id', absorbedId), date).update({ end_date: date });
      await trx('organization').where({ id: absorbedId, version: input.absorbedVersion }).update({ dissolved_on: date, version: input.absorbedVersion + 1 });
      const bumped = await trx('organization').where({ id: intoId, version: input.intoVersion }).update({ version: input.intoVersion + 1 });
      if (Number(bumped) !== 1) throw UserErrors.of('CONFLICT', 'The remaining Mission Locale changed while you were saving: read it again', 'intoVersion');

      const [event] = await trx('change_event').insert({
        kind: ChangeEventKind.MERGER, date, description: input.description ?? `${absorbed.name} fusionne dans ${into.name}`, ...API,
      }).returning('id');
      const eventId = Number(typeof event === 'object' ? event.id : event);
      await trx('change_event_participant').insert([
        { event_id: eventId, organization_id: absorbedId, role: ChangeEventRole.ORIGIN },
        { event_id: eventId, organization_id: intoId, role: ChangeEventRole.ORIGIN },
        { event_id: eventId, organization_id: intoId, role: ChangeEventRole.RESULT },
      ]);
      await recordAudit(trx, this.ctx, {
        operation: 'mergeMissionsLocales', entityType: 'Organization', entityId: absorbedId,
        before: { absorbed, into, sites, coverage: moving.map((r: { commune_code: string }) => r.commune_code), representation },
        after: { dissolvedOn: date, into: intoId, changeEvent: eventId, communesAdded: added.length, sitesMoved: sites.length, mandatesMoved: representation.length, mandatesEnded: Number(ended) },
      });
      return eventId;
    });
    return { event: result === null ? null : await this.ctx.em.findOne(ChangeEvent, result), userErrors };
  }

  private check(input: MergeMissionsLocalesInput, absorbed: Record<string, unknown>, into: Record<string, unknown>): void {
    const errors: UserError[] = [];
    if (absorbed.id === into.id) errors.push({ code: 'SAME_ORGANIZATION', field: ['input', 'intoId'], message: 'A Mission Locale cannot merge into itself' });
    for (const [org, field] of [[absorbed, 'absorbedId'], [into, 'intoId']] as const) {
      if (org.kind !== OrganizationKind.MISSION_LOCALE) errors.push({ code: 'NOT_A_MISSION_LOCALE', field: ['input', field], message: `${org.name} is not a Mission Locale` });
      if (org.dissolved_on) errors.push({ code: 'ORGANIZATION_DISSOLVED', field: ['input', field], message: `${org.name} was dissolved on ${org.dissolved_on}` });
      if (org.founded_on && String(org.founded_on) >= input.date) errors.push({ code: 'BEFORE_FOUNDING', field: ['input', 'date'], message: `${org.name} was founded on ${org.founded_on}` });
    }
    if (Number(absorbed.version) !== input.absorbedVersion) errors.push({ code: 'CONFLICT', field: ['input', 'absorbedVersion'], message: `${absorbed.name} changed since you read it (version ${absorbed.version})` });
    if (Number(into.version) !== input.intoVersion) errors.push({ code: 'CONFLICT', field: ['input', 'intoVersion'], message: `${into.name} changed since you read it (version ${into.version})` });
    if (errors.length) throw new UserErrors(errors);
  }
}
