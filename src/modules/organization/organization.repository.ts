import type { EntityManager, Knex } from '@mikro-orm/knex';
import { pageOfRows } from '../../db/paging';
import { Columns, columnSets, columnsOf, selectRows, whereIdIn } from '../../db/select-rows';
import type { Page, PageArgs } from '../../graphql/pagination';
import { foldForSearch } from '../../shared/text';
import { today } from '../../shared/dates';
import { Organization, OrganizationIdentifier, OrganizationName } from './organization.entity';
import { OrganizationLink } from './organization-link.entity';
import { OrganizationRegion } from './organization-region.entity';
import { IdentifierScheme, LegalForm, OrganizationKind, PartnerCategory } from './organization.enums';
import { readOnlyRecord } from '../../db/read-only-record';
import { siteCountOf } from '../site/site.loaders';
import { coverageCountOf } from '../territory/territory.repository';
import { Provenance, ProvenanceStatus } from '../../shared/provenance';
import { OrganizationFilter, OrganizationOrder, OrganizationOrderField, SortDirection } from './organization.inputs';

/** A row of the `organization` table. */
export interface OrganizationRow {
  id: number; kind: OrganizationKind; partner_category: PartnerCategory | null; name: string; search_name: string; short_name: string | null;
  description: string | null; legal_form: LegalForm; founded_on: string | null; dissolved_on: string | null;
  departement_code: string | null; region_code: string | null; office_phone: string | null; office_email: string | null;
  office_address: string | null; website: string | null; provenance_status: ProvenanceStatus; provenance_source: string; version: number;
}

/** What a page of members is read with, beside each member: the communes it covers on the page's date, its number of sites. */
export interface MemberCounts {
  communes: boolean;
  sites: boolean;
}

/** A member on a page of members (`OrganizationRepository.memberPages`). */
export interface MemberOfPage {
  parentId: number;
  member: Organization;
  /** How many members its parent has in all. */
  total: number;
  communes?: number;
  sites?: number;
}

/** Every column of `organization` (a test checks the list against the table). */
export const ORGANIZATION_COLUMNS = [
  'id', 'kind', 'partner_category', 'name', 'search_name', 'short_name', 'description', 'legal_form', 'founded_on', 'dissolved_on',
  'departement_code', 'region_code', 'office_phone', 'office_email', 'office_address', 'website', 'provenance_status', 'provenance_source', 'version',
] as const satisfies readonly (keyof OrganizationRow)[];

/** The columns of an `OrganizationRow`, from the `organization` table aliased `alias`. */
export const organizationColumns = (alias: string): Columns => columnsOf(alias, ORGANIZATION_COLUMNS);
/** A member organization (`o`) with its link (`l`), as `membersOf` reads it. */
const MEMBER_COLUMNS = columnSets(organizationColumns('o'), { link_parent_id: 'l.parent_id', link_start_date: 'l.start_date', link_end_date: 'l.end_date' });
/** A member organization (`o`) with its rank (`r`), as `memberPages` reads it. */
const MEMBER_OF_PAGE_COLUMNS = columnSets(organizationColumns('o'), { link_parent_id: 'r.parent_id', page_total: 'r.page_total' });

/** An organization read for display (see `readOnlyRecord`). */
export function readOnlyOrganization(r: OrganizationRow): Organization {
  return readOnlyRecord(Organization, {
    id: Number(r.id), kind: r.kind, partnerCategory: r.partner_category, name: r.name, searchName: r.search_name, shortName: r.short_name,
    description: r.description, legalForm: r.legal_form, foundedOn: r.founded_on, dissolvedOn: r.dissolved_on,
    departementCode: r.departement_code, regionCode: r.region_code, officePhone: r.office_phone, officeEmail: r.office_email,
    officeAddress: r.office_address, website: r.website, provenance: new Provenance(r.provenance_status, r.provenance_source), version: Number(r.version),
  });
}

/** Query shapes for organizations and their links; no business rules here. */
export class OrganizationRepository {
  constructor(private readonly em: EntityManager) {}

  /** Organizations by id, as read-only records (see `readOnlyRecord`). */
  async findByIds(ids: readonly number[]): Promise<Organization[]> {
    const rows = await selectRows<OrganizationRow>(this.em.getKnex()('organization as o').whereIn('o.id', [...ids]), organizationColumns('o'));
    return rows.map(readOnlyOrganization);
  }

  /** The first organization of `kind` not dissolved (UNML), as a read-only record. */
  async findOneByKind(kind: OrganizationKind): Promise<Organization | null> {
    const q = this.em.getKnex()('organization as o').where('o.kind', kind).whereNull('o.dissolved_on').orderBy('o.id').limit(1);
    const [row] = await selectRows<OrganizationRow>(q, organizationColumns('o'));
    return row ? readOnlyOrganization(row) : null;
  }

  async findByIdentifier(scheme: IdentifierScheme, value: string): Promise<Organization | null> {
    const found = await this.em.findOne(OrganizationIdentifier, { scheme, value }, { populate: ['organization'] });
    return found?.organization ?? null;
  }

  /** Links whose member is one of `ids`, with the parent loaded in the same query. */
  linksAsMember(ids: readonly number[]): Promise<OrganizationLink[]> {
    return this.em.find(OrganizationLink, { member: { $in: [...ids] } }, { populate: ['parent'] });
  }

  /** Every link (current and ended) where one of `ids` is the parent, each with its member organization (read-only), in one joined statement. */
  async membersOf(ids: readonly number[]): Promise<{ parentId: number; member: Organization; startDate: string; endDate: string | null }[]> {
    const rows = await selectRows<OrganizationRow & { link_parent_id: number; link_start_date: string; link_end_date: string | null }>(
      this.em.getKnex()('organization_link as l').join('organization as o', 'o.id', 'l.member_id').whereIn('l.parent_id', [...ids]),
      MEMBER_COLUMNS);
    const organizations = new Map<number, Organization>();
    return rows.map((r) => {
      let member = organizations.get(Number(r.id));
      if (!member) {
        member = readOnlyOrganization(r);
        organizations.set(member.id, member);
      }
      return { parentId: Number(r.link_parent_id), member, startDate: r.link_start_date, endDate: r.link_end_date };
    });
  }

  /**
   * One page of the members on `asOf` of each of `parentIds` (only `kinds`, when given), by name then id:
   * the members ranked `offset + 1` to `offset + limit` of each parent, each with how many members that
   * parent has in all, in one statement. A map of a network ten times the bundled one shows 100 of the
   * ~290 Missions Locales of each ARML: the rest are neither read nor sent to JavaScript. With `counts`,
   * each member comes with the counts a map shows of it, in the same statement.
   */
  async memberPages(parentIds: readonly number[], asOf: string, kinds: readonly OrganizationKind[], offset: number, limit: number, counts: MemberCounts):
  Promise<MemberOfPage[]> {
    const knex = this.em.getKnex();
    // Names compare byte by byte, as JavaScript compares them (PostgreSQL would otherwise use the database's locale).
    const byteOrder = knex.client.dialect === 'postgresql' ? ' collate "C"' : '';
    // Ranked narrow (ids and names only), then the page's rows joined whole: SQLite sorts less that way.
    const ranked = whereIdIn(this.membersOn(asOf, kinds), 'l.parent_id', parentIds).select(
      'l.member_id', 'l.parent_id',
      knex.raw(`row_number() over (partition by l.parent_id order by o.search_name${byteOrder}, o.id) as page_rank`),
      knex.raw('count(*) over (partition by l.parent_id) as page_total'));
    const page = knex.from(ranked.as('r')).join('organization as o', 'o.id', 'r.member_id')
      .where('r.page_rank', '>', offset).where('r.page_rank', '<=', offset + limit)
      .orderBy([{ column: 'r.parent_id' }, { column: 'r.page_rank' }]);
    const rows = await selectRows<OrganizationRow & { link_parent_id: number; page_total: number | string; communes?: number | string; sites?: number | string }>(page, columnSets(
      MEMBER_OF_PAGE_COLUMNS,
      counts.communes && { communes: coverageCountOf(knex, 'o.id', asOf) },
      counts.sites && { sites: siteCountOf(knex, 'o.id') },
    ));
    return rows.map((r) => ({
      parentId: Number(r.link_parent_id), member: readOnlyOrganization(r), total: Number(r.page_total),
      communes: r.communes === undefined ? undefined : Number(r.communes), sites: r.sites === undefined ? undefined : Number(r.sites),
    }));
  }

  /** How many members on `asOf` (only `kinds`, when given) each of `parentIds` has; parents without any are absent. */
  async memberCounts(parentIds: readonly number[], asOf: string, kinds: readonly OrganizationKind[]): Promise<Map<number, number>> {
    const rows: { parent_id: number; n: number | string }[] = await whereIdIn(this.membersOn(asOf, kinds), 'l.parent_id', parentIds)
      .select('l.parent_id').count({ n: '*' }).groupBy('l.parent_id');
    return new Map(rows.map((r) => [Number(r.parent_id), Number(r.n)]));
  }

  /** Links in effect on `asOf` joined with their member organizations (only `kinds`, when given). */
  private membersOn(asOf: string, kinds: readonly OrganizationKind[]): Knex.QueryBuilder {
    const q = this.em.getKnex()('organization_link as l').join('organization as o', 'o.id', 'l.member_id')
      .where('l.start_date', '<=', asOf).where((w) => w.whereNull('l.end_date').orWhere('l.end_date', '>', asOf));
    return kinds.length ? q.whereIn('o.kind', [...kinds]) : q;
  }

  /** Identifiers of organizations, as read-only records. */
  async identifiersOf(ids: readonly number[]): Promise<OrganizationIdentifier[]> {
    const rows: { id: number; organization_id: number; scheme: IdentifierScheme; value: string }[] = await this.em.getKnex()('organization_identifier')
      .whereIn('organization_id', [...ids]).orderBy([{ column: 'scheme' }, { column: 'value' }]);
    return rows.map((r) => readOnlyRecord(OrganizationIdentifier, {
      id: Number(r.id), organization: { id: Number(r.organization_id) } as Organization, scheme: r.scheme, value: r.value,
    }));
  }

  formerNamesOf(ids: readonly number[]): Promise<OrganizationName[]> {
    return this.em.find(OrganizationName, { organization: { $in: [...ids] } }, { orderBy: { validUntil: 'ASC' } });
  }

  /** Regions covered by organizations (ARML), all dates, as read-only records. */
  async regionsOf(ids: readonly number[]): Promise<OrganizationRegion[]> {
    const rows: { id: number; organization_id: number; region_code: string; start_date: string; end_date: string | null }[] = await this.em.getKnex()('organization_region')
      .whereIn('organization_id', [...ids]).orderBy([{ column: 'start_date' }, { column: 'region_code' }]);
    return rows.map((r) => readOnlyRecord(OrganizationRegion, {
      id: Number(r.id), organization: { id: Number(r.organization_id) } as Organization, regionCode: r.region_code, startDate: r.start_date, endDate: r.end_date,
    }));
  }

  /** One page of the filtered, ordered list (read-only records), and the size of the whole list. */
  findPage(filter: OrganizationFilter, order: OrganizationOrder | undefined, page: PageArgs): Promise<Page<Organization>> {
    return pageOfRows(this.filtered(filter), organizationColumns('o'), (q) => this.ordered(q, order), page, (rows: OrganizationRow[]) => rows.map(readOnlyOrganization));
  }

  private filtered(filter: OrganizationFilter): Knex.QueryBuilder {
    const knex = this.em.getKnex();
    const q = knex('organization as o');
    if (filter.kinds?.length) q.whereIn('o.kind', filter.kinds);
    if (filter.legalForms?.length) q.whereIn('o.legal_form', filter.legalForms);
    if (filter.departementCode) q.where('o.departement_code', filter.departementCode);
    if (filter.regionCode) {
      const code = filter.regionCode;
      q.where((w) => w.where('o.region_code', code)
        .orWhereIn('o.id', knex('organization_region').select('organization_id').where('region_code', code)));
    }
    for (const word of foldForSearch(filter.search ?? '').split(' ').filter(Boolean)) {
      q.where('o.search_name', 'like', `%${word}%`);
    }
    if (filter.activeOn || !filter.includeDissolved) {
      const day = filter.activeOn ?? today();
      q.where((w) => w.whereNull('o.founded_on').orWhere('o.founded_on', '<=', day));
      q.where((w) => w.whereNull('o.dissolved_on').orWhere('o.dissolved_on', '>', day));
    }
    return q;
  }

  private ordered(q: Knex.QueryBuilder, order?: OrganizationOrder): Knex.QueryBuilder {
    const dir = order?.direction === SortDirection.DESC ? 'desc' : 'asc';
    switch (order?.field) {
      case OrganizationOrderField.DEPARTEMENT:
        q.orderByRaw(`case when o.departement_code is null then 1 else 0 end, o.departement_code ${dir}`);
        break;
      case OrganizationOrderField.FOUNDED_ON:
        q.orderByRaw(`case when o.founded_on is null then 1 else 0 end, o.founded_on ${dir}`);
        break;
      default:
        return q.orderBy([{ column: 'o.search_name', order: dir }, { column: 'o.id', order: dir }]);
    }
    return q.orderBy([{ column: 'o.search_name', order: 'asc' }, { column: 'o.id', order: 'asc' }]);
  }
}

/** Missions Locales active on `asOf` whose region or main département is one of `codes`. */
export function missionsLocalesIn(em: EntityManager, column: 'regionCode' | 'departementCode', codes: readonly string[], asOf: string): Promise<Organization[]> {
  return em.find(Organization, {
    kind: OrganizationKind.MISSION_LOCALE,
    [column]: { $in: [...codes] },
    $and: [
      { $or: [{ foundedOn: null }, { foundedOn: { $lte: asOf } }] },
      { $or: [{ dissolvedOn: null }, { dissolvedOn: { $gt: asOf } }] },
    ],
  }, { orderBy: { searchName: 'ASC', id: 'ASC' } });
}

/** ARML covering some regions, with the dates of each coverage. */
export function armlRegionsOf(em: EntityManager, regionCodes: readonly string[]): Promise<OrganizationRegion[]> {
  return em.find(OrganizationRegion, { regionCode: { $in: [...regionCodes] } }, { populate: ['organization'] });
}
