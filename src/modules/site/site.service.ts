import type { Knex } from '@mikro-orm/knex';
import type { RequestContext } from '../../graphql/context';
import { NotFoundError } from '../../graphql/errors';
import { runMutation } from '../../graphql/mutation';
import { UserError, UserErrors } from '../../graphql/payload';
import { assertCanWrite } from '../access/authorization';
import { recordAudit } from '../access/audit';
import { previousCreation, rememberCreation } from '../access/idempotency';
import { decodeId } from '../convention/convention.service';
import { Organization } from '../organization/organization.entity';
import { OrganizationKind } from '../organization/organization.enums';
import { Site, SiteKind } from './site.entity';
import { CreateSiteInput, UpdateSiteInput } from './site.inputs';
import { insertRow } from '../../db/insert-row';

type SiteRow = Record<string, unknown> & { id: number; organization_id: number; kind: string; version: number };

/** The rules a site obeys whatever the write: it belongs to a living Mission Locale, in a known commune, one head office each. */
async function checkSite(trx: Knex, site: { id?: number; organization_id: number; kind: string; commune_code: string }): Promise<void> {
  const errors: UserError[] = [];
  const org = await trx('organization').select('kind', 'dissolved_on').where('id', site.organization_id).first();
  if (org.kind !== OrganizationKind.MISSION_LOCALE) errors.push({ code: 'NOT_A_MISSION_LOCALE', field: ['input', 'organizationId'], message: 'Reception sites belong to Missions Locales' });
  if (org.dissolved_on) errors.push({ code: 'ORGANIZATION_DISSOLVED', field: ['input', 'organizationId'], message: `This Mission Locale was dissolved on ${org.dissolved_on}` });
  if (!(await trx('commune').where('code', site.commune_code).first())) errors.push({ code: 'UNKNOWN_COMMUNE', field: ['input', 'communeCode'], message: `No commune has the INSEE code ${site.commune_code}` });
  if (site.kind === SiteKind.HEAD_OFFICE) {
    const other = await trx('site').where({ organization_id: site.organization_id, kind: SiteKind.HEAD_OFFICE }).whereNot('id', site.id ?? 0).first();
    if (other) errors.push({ code: 'HEAD_OFFICE_EXISTS', field: ['input', 'kind'], message: `This Mission Locale already has a head office (site ${other.name}); make it an antenna first` });
  }
  if (errors.length) throw new UserErrors(errors);
}

async function organizationExists(trx: Knex, id: number): Promise<void> {
  if (!(await trx('organization').where('id', id).first())) throw new NotFoundError('Organization', String(id));
}

/** Writes on reception sites: authorized on the rows read, validated, audited, one transaction each. */
export class SiteWriteService {
  constructor(private readonly ctx: RequestContext) {}

  async create(input: CreateSiteInput): Promise<{ site: Site | null; userErrors: UserError[] }> {
    const organizationId = decodeId(input.organizationId, Organization.typename, 'input.organizationId');
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      await assertCanWrite(trx, this.ctx, [organizationId], 'this Mission Locale');
      const previous = await previousCreation(trx, this.ctx, input.idempotencyKey, 'createSite');
      if (previous) return Number(previous);
      await organizationExists(trx, organizationId);
      const row = {
        organization_id: organizationId, kind: input.kind, name: input.name.trim(), address: input.address ?? null, postal_code: input.postalCode ?? null,
        commune_code: input.communeCode, latitude: input.latitude ?? null, longitude: input.longitude ?? null, siret: input.siret ?? null,
        provenance_status: 'OFFICIAL', provenance_source: 'registry API', version: 1,
      };
      await checkSite(trx, row);
      const id = await insertRow(trx, 'site', row);
      await recordAudit(trx, this.ctx, { operation: 'createSite', entityType: 'Site', entityId: id, before: null, after: { id, ...row } });
      await rememberCreation(trx, this.ctx, input.idempotencyKey, 'createSite', 'Site', id);
      return id;
    });
    return { site: result === null ? null : await this.ctx.em.findOne(Site, result, { refresh: true }), userErrors };
  }

  async update(input: UpdateSiteInput): Promise<{ site: Site | null; userErrors: UserError[] }> {
    const id = decodeId(input.id, Site.typename, 'input.id');
    const movedTo = input.organizationId ? decodeId(input.organizationId, Organization.typename, 'input.organizationId') : undefined;
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      const before = (await trx('site').where('id', id).first()) as SiteRow | undefined;
      if (!before) {
        // Someone with no right on any site learns nothing about which ids exist.
        await assertCanWrite(trx, this.ctx, [], 'this site');
        throw new NotFoundError('Site', input.id);
      }
      await assertCanWrite(trx, this.ctx, [Number(before.organization_id), ...(movedTo ? [movedTo] : [])], movedTo ? 'both Missions Locales' : "this site's Mission Locale");
      if (movedTo) await organizationExists(trx, movedTo);
      if (Number(before.version) !== input.version) throw UserErrors.of('CONFLICT', `The site changed since you read it (version ${before.version}, you sent ${input.version}): read it again`, 'version');
      const changes = {
        ...(movedTo ? { organization_id: movedTo } : {}),
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.address !== undefined ? { address: input.address } : {}),
        ...(input.postalCode !== undefined ? { postal_code: input.postalCode } : {}),
        ...(input.communeCode !== undefined ? { commune_code: input.communeCode } : {}),
        ...(input.latitude !== undefined ? { latitude: input.latitude } : {}),
        ...(input.longitude !== undefined ? { longitude: input.longitude } : {}),
        ...(input.siret !== undefined ? { siret: input.siret } : {}),
      };
      const after = { ...before, ...changes, version: Number(before.version) + 1 };
      await checkSite(trx, { id, organization_id: Number(after.organization_id), kind: String(after.kind), commune_code: String(after.commune_code) });
      const updated = await trx('site').where({ id, version: input.version }).update({ ...changes, version: after.version });
      if (Number(updated) !== 1) throw UserErrors.of('CONFLICT', 'The site changed while you were saving it: read it again', 'version');
      await recordAudit(trx, this.ctx, { operation: 'updateSite', entityType: 'Site', entityId: id, before, after });
      return id;
    });
    return { site: result === null ? null : await this.ctx.em.findOne(Site, result, { refresh: true }), userErrors };
  }
}
