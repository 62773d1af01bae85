import type { Knex } from '@mikro-orm/knex';
import type { RequestContext } from '../../graphql/context';
import { NotFoundError } from '../../graphql/errors';
import { runMutation } from '../../graphql/mutation';
import { UserError, UserErrors } from '../../graphql/payload';
import { foldForSearch } from '../../shared/text';
import { assertCanWrite } from '../access/authorization';
import { recordAudit } from '../access/audit';
import { decodeId } from '../convention/convention.service';
import { Organization } from './organization.entity';
import { OrganizationKind } from './organization.enums';
import { ChangeCoverageInput, UpdateOrganizationInput } from './organization.inputs.write';

/** Writes on organizations and coverage: scope on the stored row, version, audit, one transaction each. */
export class OrganizationWriteService {
  constructor(private readonly ctx: RequestContext) {}

  private load(id: number | null) {
    return id === null ? null : this.ctx.em.findOne(Organization, id, { refresh: true });
  }

  private async current(trx: Knex, id: number, globalId: string, version: number) {
    const before = await trx('organization').where('id', id).first();
    await assertCanWrite(trx, this.ctx, before ? [id] : [], 'this organization');
    if (!before) throw new NotFoundError('Organization', globalId);
    if (Number(before.version) !== version) throw UserErrors.of('CONFLICT', `The organization changed since you read it (version ${before.version}): read it again`, 'version');
    return before;
  }

  async update(input: UpdateOrganizationInput): Promise<{ organization: Organization | null; userErrors: UserError[] }> {
    const id = decodeId(input.id, Organization.typename, 'input.id');
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      const before = await this.current(trx, id, input.id, input.version);
      const renamed = input.name !== undefined && input.name.trim() !== before.name;
      if (renamed && !input.renamedOn) throw UserErrors.of('RENAMED_ON_REQUIRED', 'Say from which day the new name applies (renamedOn)', 'renamedOn');
      const changes: Record<string, unknown> = {
        ...(renamed ? { name: input.name!.trim(), search_name: foldForSearch(`${input.name} ${input.shortName ?? before.short_name ?? ''}`) } : {}),
        ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
        ...(input.legalForm !== undefined ? { legal_form: input.legalForm } : {}),
        ...(input.website !== undefined ? { website: input.website } : {}),
        ...(input.officePhone !== undefined ? { office_phone: input.officePhone } : {}),
        ...(input.officeEmail !== undefined ? { office_email: input.officeEmail } : {}),
        ...(input.officeAddress !== undefined ? { office_address: input.officeAddress } : {}),
        version: input.version + 1,
      };
      if (renamed) {
        const previous = await trx('organization_name').where('organization_id', id).max({ last: 'valid_until' }).first();
        await trx('organization_name').insert({ organization_id: id, name: before.name, valid_from: previous?.last ?? before.founded_on ?? null, valid_until: input.renamedOn });
      }
      const updated = await trx('organization').where({ id, version: input.version }).update(changes);
      if (Number(updated) !== 1) throw UserErrors.of('CONFLICT', 'The organization changed while you were saving: read it again', 'version');
      await recordAudit(trx, this.ctx, { operation: 'updateOrganization', entityType: 'Organization', entityId: id, before, after: { ...before, ...changes } });
      return id;
    });
    return { organization: await this.load(result), userErrors };
  }

  /** Adds and removes communes from a Mission Locale's coverage on a date; rows that stop are ended, never deleted. */
  async changeCoverage(input: ChangeCoverageInput): Promise<{ organization: Organization | null; userErrors: UserError[] }> {
    const id = decodeId(input.organizationId, Organization.typename, 'input.organizationId');
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      const before = await this.current(trx, id, input.organizationId, input.version);
      const errors: UserError[] = [];
      if (before.kind !== OrganizationKind.MISSION_LOCALE) errors.push({ code: 'NOT_A_MISSION_LOCALE', field: ['input', 'organizationId'], message: 'Only Missions Locales cover communes' });
      if (before.dissolved_on) errors.push({ code: 'ORGANIZATION_DISSOLVED', field: ['input', 'organizationId'], message: `Dissolved on ${before.dissolved_on}` });
      const both = input.add.filter((c) => input.remove.includes(c));
      if (both.length) errors.push({ code: 'ADDED_AND_REMOVED', field: ['input', 'add'], message: `Communes both added and removed: ${both.join(', ')}` });
      const known = new Map((await trx('commune').whereIn('code', input.add).select('code', 'coverable')).map((c: { code: string; coverable: unknown }) => [c.code, Boolean(c.coverable)]));
      input.add.forEach((code, i) => {
        if (!known.has(code)) errors.push({ code: 'UNKNOWN_COMMUNE', field: ['input', 'add', String(i)], message: `No commune has the INSEE code ${code}` });
        else if (!known.get(code)) errors.push({ code: 'COMMUNE_NOT_COVERABLE', field: ['input', 'add', String(i)], message: `${code} is not a unit Missions Locales cover (outside the network's regions, or split in arrondissements)` });
      });
      const active = (q: Knex.QueryBuilder) => q.where('start_date', '<=', input.date).where((w) => w.whereNull('end_date').orWhere('end_date', '>', input.date));
      const covered = new Set((await active(trx('commune_coverage').where('organization_id', id)).pluck('commune_code')) as string[]);
      input.add.forEach((code, i) => covered.has(code) && errors.push({ code: 'ALREADY_COVERED', field: ['input', 'add', String(i)], message: `${code} is already covered on ${input.date}` }));
      input.remove.forEach((code, i) => !covered.has(code) && errors.push({ code: 'NOT_COVERED', field: ['input', 'remove', String(i)], message: `${code} is not covered on ${input.date}` }));
      if (errors.length) throw new UserErrors(errors);
      if (input.remove.length) await active(trx('commune_coverage').where('organization_id', id).whereIn('commune_code', input.remove)).update({ end_date: input.date });
      if (input.add.length) {
        await trx('commune_coverage').insert(input.add.map((code) => ({
          organization_id: id, commune_code: code, start_date: input.date, end_date: null, provenance_status: 'OFFICIAL', provenance_source: 'registry API',
        })));
      }
      await trx('organization').where({ id, version: input.version }).update({ version: input.version + 1 });
      await recordAudit(trx, this.ctx, { operation: 'changeCoverage', entityType: 'Organization', entityId: id, before: { coverage: [...covered].sort() }, after: { date: input.date, added: input.add, removed: input.remove } });
      return id;
    });
    return { organization: await this.load(result), userErrors };
  }
}
