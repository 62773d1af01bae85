import type { Knex } from '@mikro-orm/knex';
import type { RequestContext } from '../../graphql/context';
import { NotFoundError } from '../../graphql/errors';
import { today } from '../../shared/dates';
import { runMutation } from '../../graphql/mutation';
import { UserError, UserErrors } from '../../graphql/payload';
import { foldForSearch } from '../../shared/text';
import { AccessRole } from '../access/caller';
import { assertCanWrite, ForbiddenError, UnauthenticatedError } from '../access/authorization';
import { previousCreation, rememberCreation } from '../access/idempotency';
import { recordAudit } from '../access/audit';
import { decodeId } from '../convention/convention.service';
import { Organization } from './organization.entity';
import { identifierProblem, normalizeIdentifier } from './identifier.rules';
import { LinkKind, OrganizationKind } from './organization.enums';
import { ChangeCoverageInput, CreateOrganizationInput, UpdateOrganizationInput } from './organization.inputs.write';
import { insertRow } from '../../db/insert-row';

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

  /**
   * A new Mission Locale (the national secretariat, or the ARML covering its département's region,
   * which it joins from its founding day), ARML (joins UNML as a member by right and covers the
   * regions given) or partner organization (the national secretariat).
   */
  async create(input: CreateOrganizationInput): Promise<{ organization: Organization | null; userErrors: UserError[] }> {
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      const caller = this.ctx.caller;
      if (caller.kind === 'anonymous') throw new UnauthenticatedError();
      const active = (q: Knex.QueryBuilder) => q.where('start_date', '<=', today()).where((w) => w.whereNull('end_date').orWhere('end_date', '>', today()));
      const errors: UserError[] = [];
      const at = (field: string, code: string, message: string) => errors.push({ field: ['input', field], code, message });
      let parent: { id: number; kind: LinkKind } | null = null;
      let regionCode: string | null = null;
      if (input.kind === OrganizationKind.MISSION_LOCALE) {
        const departement = input.departementCode ? await trx('departement').where('code', input.departementCode).first() : null;
        if (!departement) throw UserErrors.of('UNKNOWN_DEPARTEMENT', `No département has the code ${input.departementCode ?? '(none given)'}: a Mission Locale needs one`, 'departementCode');
        regionCode = String(departement.region_code);
        const arml = await active(trx('organization_region as r').join('organization as o', 'o.id', 'r.organization_id'))
          .where('r.region_code', regionCode).where('o.kind', OrganizationKind.ARML).whereNull('o.dissolved_on').select('o.id').first();
        if (!arml) throw UserErrors.of('NO_ARML_FOR_REGION', `No ARML covers region ${regionCode} today`, 'departementCode');
        // The scope is the ARML the Mission Locale joins, read from the database.
        await assertCanWrite(trx, this.ctx, [Number(arml.id)], 'the ARML this Mission Locale would join');
        parent = { id: Number(arml.id), kind: LinkKind.MEMBER };
      } else if (caller.role !== AccessRole.NATIONAL) {
        throw new ForbiddenError('creating an ARML or a partner organization (the national secretariat does)');
      }
      const previous = await previousCreation(trx, this.ctx, input.idempotencyKey, 'createOrganization');
      if (previous) return Number(previous);
      if (input.kind === OrganizationKind.PARTNER && !input.partnerCategory) at('partnerCategory', 'PARTNER_CATEGORY_REQUIRED', 'A partner organization needs its category');
      if (input.kind !== OrganizationKind.PARTNER && input.partnerCategory) at('partnerCategory', 'PARTNER_CATEGORY_ONLY_FOR_PARTNERS', 'Only partner organizations have a category');
      if (input.kind === OrganizationKind.ARML) {
        const codes = [...new Set(input.regionCodes ?? [])];
        if (!codes.length) at('regionCodes', 'REGIONS_REQUIRED', 'An ARML covers at least one region');
        const known = new Set(await trx('region').whereIn('code', codes).pluck('code'));
        const covered = new Set(await active(trx('organization_region as r').join('organization as o', 'o.id', 'r.organization_id'))
          .whereIn('r.region_code', codes).whereNull('o.dissolved_on').pluck('r.region_code'));
        codes.forEach((code, i) => {
          if (!known.has(code)) at('regionCodes', 'UNKNOWN_REGION', `No region has the code ${code} (item ${i})`);
          else if (covered.has(code)) at('regionCodes', 'REGION_ALREADY_COVERED', `Region ${code} is covered by another ARML today: record a change event for a merger or a split`);
        });
        const unml = await trx('organization').where('kind', OrganizationKind.UNML).whereNull('dissolved_on').first();
        if (unml) parent = { id: Number(unml.id), kind: LinkKind.MEMBER_BY_RIGHT };
        regionCode = codes[0] ?? null;
      } else if (input.regionCodes?.length) at('regionCodes', 'REGIONS_ONLY_FOR_ARML', 'Only an ARML covers regions');
      const identifiers = (input.identifiers ?? []).map((i) => ({ scheme: i.scheme, value: normalizeIdentifier(i.value) }));
      for (const [i, ident] of identifiers.entries()) {
        const problem = identifierProblem(ident.scheme, ident.value);
        if (problem) at('identifiers', 'INVALID_IDENTIFIER', `Item ${i}: ${problem}`);
        else if (await trx('organization_identifier').where(ident).first()) at('identifiers', 'IDENTIFIER_TAKEN', `Item ${i}: ${ident.scheme} ${ident.value} already identifies another organization`);
      }
      if (errors.length) throw new UserErrors(errors);

      const row = {
        kind: input.kind, partner_category: input.partnerCategory ?? null, name: input.name.trim(), short_name: input.shortName ?? null,
        search_name: foldForSearch(`${input.name} ${input.shortName ?? ''}`), description: null, legal_form: input.legalForm,
        founded_on: input.foundedOn, dissolved_on: null, departement_code: input.departementCode ?? null, region_code: regionCode,
        office_phone: input.officePhone ?? null, office_email: input.officeEmail ?? null, office_address: input.officeAddress ?? null,
        website: input.website ?? null, provenance_status: 'OFFICIAL', provenance_source: 'registry API', version: 1,
      };
      const id = await insertRow(trx, 'organization', row);
      if (identifiers.length) await trx('organization_identifier').insert(identifiers.map((i) => ({ organization_id: id, ...i })));
      if (input.kind === OrganizationKind.ARML) {
        await trx('organization_region').insert([...new Set(input.regionCodes)].map((code) => ({ organization_id: id, region_code: code, start_date: input.foundedOn, end_date: null })));
      }
      if (parent) {
        await trx('organization_link').insert({
          member_id: id, parent_id: parent.id, kind: parent.kind, start_date: input.foundedOn, end_date: null, provenance_status: 'OFFICIAL', provenance_source: 'registry API',
        });
      }
      await recordAudit(trx, this.ctx, { operation: 'createOrganization', entityType: 'Organization', entityId: id, before: null, after: { ...row, identifiers, regionCodes: input.regionCodes ?? [], parentId: parent?.id ?? null } });
      await rememberCreation(trx, this.ctx, input.idempotencyKey, 'createOrganization', 'Organization', id);
      return id;
    });
    return { organization: await this.load(result), userErrors };
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
