import type { Knex } from '@mikro-orm/knex';
import type { RequestContext } from '../../graphql/context';
import { NotFoundError } from '../../graphql/errors';
import { runMutation } from '../../graphql/mutation';
import { UserError, UserErrors } from '../../graphql/payload';
import { assertCanWrite } from '../access/authorization';
import { recordAudit } from '../access/audit';
import { previousCreation, rememberCreation } from '../access/idempotency';
import { Organization } from '../organization/organization.entity';
import { OrganizationKind } from '../organization/organization.enums';
import { Convention } from './convention.entity';
import { decodeId } from './convention.service';
import { Partnership } from './partnership.entity';
import { CreatePartnershipInput, EndPartnershipInput, UpdatePartnershipInput } from './partnership.inputs.write';
import { insertRow } from '../../db/insert-row';

const NETWORK_KINDS: string[] = [OrganizationKind.UNML, OrganizationKind.ARML, OrganizationKind.MISSION_LOCALE];

type PartnershipRow = Record<string, unknown> & { id: number; network_organization_id: number; start_date: string; end_date: string | null; version: number };

async function organization(trx: Knex, id: number, globalId: string) {
  const row = await trx('organization').where('id', id).select('id', 'name', 'kind', 'dissolved_on').first();
  if (!row) throw new NotFoundError('Organization', globalId);
  return row as { id: number; name: string; kind: string; dissolved_on: string | null };
}

/** Linked conventions must exist (else NOT_FOUND) and have the network structure as a party (else CONVENTION_NOT_OF_PARTY). */
async function conventionErrors(trx: Knex, networkOrganizationId: number, ids: number[], globalIds: string[]): Promise<UserError[]> {
  if (!ids.length) return [];
  const found = new Set((await trx('convention').whereIn('id', ids).pluck('id')).map(Number));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new NotFoundError('Convention', globalIds[missing]);
  const ofParty = new Set((await trx('convention_party').whereIn('convention_id', ids).where('organization_id', networkOrganizationId).pluck('convention_id')).map(Number));
  return ids.flatMap((id, i) => (ofParty.has(id) ? [] : [{
    code: 'CONVENTION_NOT_OF_PARTY', field: ['input', 'conventionIds', String(i)], message: 'The structure of the network is not a party to this convention',
  }]));
}

function endErrors(startDate: string, endDate: string | null | undefined): UserError[] {
  return endDate && endDate <= startDate
    ? [{ code: 'END_BEFORE_START', field: ['input', 'endDate'], message: `The partnership starts on ${startDate}: it must end after that day` }]
    : [];
}

/** Writes on partnerships: authorized on the network structure as stored, versioned, audited, one transaction each. */
export class PartnershipWriteService {
  constructor(private readonly ctx: RequestContext) {}

  private load(id: number | null) {
    return id === null ? null : this.ctx.em.findOne(Partnership, id, { refresh: true });
  }

  private conventionIds(ids: string[]): number[] {
    return ids.map((id, i) => decodeId(id, Convention.typename, `input.conventionIds.${i}`));
  }

  async create(input: CreatePartnershipInput): Promise<{ partnership: Partnership | null; userErrors: UserError[] }> {
    const networkId = decodeId(input.networkOrganizationId, Organization.typename, 'input.networkOrganizationId');
    const partnerId = decodeId(input.partnerId, Organization.typename, 'input.partnerId');
    const conventionIds = this.conventionIds(input.conventionIds ?? []);
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      await assertCanWrite(trx, this.ctx, [networkId], 'this structure of the network');
      const previous = await previousCreation(trx, this.ctx, input.idempotencyKey, 'createPartnership');
      if (previous) return Number(previous);
      const network = await organization(trx, networkId, input.networkOrganizationId);
      const partner = await organization(trx, partnerId, input.partnerId);
      const errors: UserError[] = [];
      if (!NETWORK_KINDS.includes(network.kind)) {
        errors.push({ code: 'WRONG_ORGANIZATION_KIND', field: ['input', 'networkOrganizationId'], message: `${network.name} is ${network.kind}: the network side is UNML, an ARML or a Mission Locale` });
      }
      if (partner.kind !== OrganizationKind.PARTNER) {
        errors.push({ code: 'WRONG_ORGANIZATION_KIND', field: ['input', 'partnerId'], message: `${partner.name} is ${partner.kind}: the partner side is an organization of kind PARTNER` });
      }
      for (const [org, field] of [[network, 'networkOrganizationId'], [partner, 'partnerId']] as const) {
        if (org.dissolved_on && String(org.dissolved_on) <= input.startDate) errors.push({ code: 'ORGANIZATION_DISSOLVED', field: ['input', field], message: `${org.name} was dissolved on ${org.dissolved_on}` });
      }
      errors.push(...endErrors(input.startDate, input.endDate), ...(await conventionErrors(trx, networkId, conventionIds, input.conventionIds ?? [])));
      if (errors.length) throw new UserErrors(errors);
      const row = {
        network_organization_id: networkId, partner_id: partnerId, theme: input.theme, scope: input.scope, description: input.description?.trim() ?? null,
        start_date: input.startDate, end_date: input.endDate ?? null, provenance_status: 'OFFICIAL', provenance_source: 'registry API', version: 1,
      };
      const id = await insertRow(trx, 'partnership', row);
      if (conventionIds.length) await trx('partnership_convention').insert(conventionIds.map((c) => ({ partnership_id: id, convention_id: c })));
      await recordAudit(trx, this.ctx, { operation: 'createPartnership', entityType: Partnership.typename, entityId: id, before: null, after: { id, ...row, conventionIds } });
      await rememberCreation(trx, this.ctx, input.idempotencyKey, 'createPartnership', Partnership.typename, id);
      return id;
    });
    return { partnership: await this.load(result), userErrors };
  }

  /** Shared frame of the changes to a stored partnership: scope on its network structure, version, version bump, audit. */
  private async change(
    globalId: string, version: number, operation: string,
    apply: (trx: Knex, row: PartnershipRow, conventions: number[]) => Promise<{ columns: Record<string, unknown>; conventions?: number[] }>,
  ) {
    const id = decodeId(globalId, Partnership.typename, 'input.id');
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      const row = (await trx('partnership').where('id', id).first()) as PartnershipRow | undefined;
      if (!row) {
        // Partnerships are public reads: a missing one is NOT_FOUND, once the caller is known.
        await assertCanWrite(trx, this.ctx, [], 'this partnership');
        throw new NotFoundError('Partnership', globalId);
      }
      await assertCanWrite(trx, this.ctx, [Number(row.network_organization_id)], "this partnership's structure of the network");
      if (Number(row.version) !== version) throw UserErrors.of('CONFLICT', `The partnership changed since you read it (version ${row.version}, you sent ${version}): read it again`, 'version');
      const conventions = (await trx('partnership_convention').where('partnership_id', id).orderBy('convention_id').pluck('convention_id')).map(Number);
      const next = await apply(trx, row, conventions);
      const updated = await trx('partnership').where({ id, version }).update({ ...next.columns, version: version + 1 });
      if (Number(updated) !== 1) throw UserErrors.of('CONFLICT', 'The partnership changed while you were saving it: read it again', 'version');
      if (next.conventions) {
        const removed = conventions.filter((c) => !next.conventions!.includes(c));
        const added = next.conventions.filter((c) => !conventions.includes(c));
        if (removed.length) await trx('partnership_convention').where('partnership_id', id).whereIn('convention_id', removed).delete();
        if (added.length) await trx('partnership_convention').insert(added.map((c) => ({ partnership_id: id, convention_id: c })));
      }
      await recordAudit(trx, this.ctx, {
        operation, entityType: Partnership.typename, entityId: id,
        before: { ...row, conventionIds: conventions }, after: { ...row, ...next.columns, version: version + 1, conventionIds: next.conventions ?? conventions },
      });
      return id;
    });
    return { partnership: await this.load(result), userErrors };
  }

  update(input: UpdatePartnershipInput) {
    const conventionIds = input.conventionIds ? this.conventionIds(input.conventionIds) : undefined;
    return this.change(input.id, input.version, 'updatePartnership', async (trx, row) => {
      const errors = [
        ...endErrors(String(row.start_date), input.endDate),
        ...(conventionIds ? await conventionErrors(trx, Number(row.network_organization_id), conventionIds, input.conventionIds!) : []),
      ];
      if (errors.length) throw new UserErrors(errors);
      return {
        columns: {
          ...(input.theme != null ? { theme: input.theme } : {}),
          ...(input.scope != null ? { scope: input.scope } : {}),
          ...(input.description != null ? { description: input.description.trim() } : {}),
          ...(input.endDate != null ? { end_date: input.endDate } : {}),
        },
        conventions: conventionIds,
      };
    });
  }

  end(input: EndPartnershipInput) {
    return this.change(input.id, input.version, 'endPartnership', async (_trx, row) => {
      if (row.end_date && String(row.end_date) <= input.endDate) {
        throw UserErrors.of('ALREADY_ENDED', `This partnership already ends on ${row.end_date} (to change a planned end, use updatePartnership)`, 'endDate');
      }
      const errors = endErrors(String(row.start_date), input.endDate);
      if (errors.length) throw new UserErrors(errors);
      return { columns: { end_date: input.endDate } };
    });
  }
}
