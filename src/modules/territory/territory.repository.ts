import type { EntityManager, Knex } from '@mikro-orm/knex';
import { pageOfRows } from '../../db/paging';
import { columnSets, columnsOf, selectRows } from '../../db/select-rows';
import type { Page, PageArgs } from '../../graphql/pagination';
import { foldForSearch } from '../../shared/text';
import { readOnlyRecord } from '../../db/read-only-record';
import { Commune, CommuneKind, Departement, Region } from './territory.entity';
import type { Organization } from '../organization/organization.entity';
import { organizationColumns, OrganizationRow, readOnlyOrganization } from '../organization/organization.repository';

export interface CoverageRow {
  organization_id: number;
  commune_code: string;
  start_date: string;
  end_date: string | null;
}

/** A row of the `commune` table. */
interface CommuneRow {
  code: string; name: string; search_name: string; kind: CommuneKind; departement_code: string; region_code: string;
  parent_code: string | null; epci_code: string | null; population: number | null; coverable: boolean | number;
}

/** Every column of `commune` (a test checks the list against the table). */
export const COMMUNE_COLUMNS = [
  'code', 'name', 'search_name', 'kind', 'departement_code', 'region_code', 'parent_code', 'epci_code', 'population', 'coverable',
] as const satisfies readonly (keyof CommuneRow)[];

/** A commune read for display (see `readOnlyRecord`). */
function readOnlyCommune(r: CommuneRow): Commune {
  return readOnlyRecord(Commune, {
    code: r.code, name: r.name, searchName: r.search_name, kind: r.kind, departementCode: r.departement_code, regionCode: r.region_code,
    parentCode: r.parent_code, epciCode: r.epci_code, population: r.population === null ? null : Number(r.population), coverable: Boolean(r.coverable),
  });
}

/** Filters of the commune list. */
export interface CommuneCriteria {
  postalCode?: string;
  search?: string;
  departementCode?: string;
  regionCode?: string;
  parentCode?: string;
}

/** Query shapes for the geography and the coverage of Missions Locales. */
export class TerritoryRepository {
  constructor(private readonly em: EntityManager) {}

  private get knex(): Knex {
    return this.em.getKnex();
  }

  allRegions(): Promise<Region[]> {
    return this.em.find(Region, {}, { orderBy: { code: 'ASC' } });
  }

  allDepartements(): Promise<Departement[]> {
    return this.em.find(Departement, {}, { orderBy: { code: 'ASC' } });
  }

  departementsOfRegions(regionCodes: readonly string[]): Promise<Departement[]> {
    return this.em.find(Departement, { regionCode: { $in: [...regionCodes] } }, { orderBy: { code: 'ASC' } });
  }

  /** Communes by INSEE code, as read-only records (see `readOnlyRecord`). */
  async communesByCodes(codes: readonly string[]): Promise<Commune[]> {
    const rows: CommuneRow[] = await this.knex('commune').whereIn('code', [...codes]);
    return rows.map(readOnlyCommune);
  }

  postalCodesOf(codes: readonly string[]): Promise<{ commune_code: string; postal_code: string }[]> {
    return this.knex('commune_postal_code').select('commune_code', 'postal_code')
      .whereIn('commune_code', [...codes]).orderBy(['commune_code', 'postal_code']);
  }

  /** Coverage rows (current and ended) of some Missions Locales. */
  coverageOfOrganizations(ids: readonly number[]): Promise<CoverageRow[]> {
    return this.knex('commune_coverage').select('organization_id', 'commune_code', 'start_date', 'end_date')
      .whereIn('organization_id', [...ids]).orderBy(['organization_id', 'commune_code']);
  }

  /**
   * Coverage rows of some communes, each with its Mission Locale (read-only, one object per
   * organization), in one joined statement; a commune split in arrondissements is covered through them.
   */
  async coverageOfCommunes(codes: readonly string[]): Promise<(CoverageRow & { key: string; organization: Organization })[]> {
    const rows = await selectRows<OrganizationRow & { cc_start_date: string; cc_end_date: string | null; commune_code: string; parent: string; own: string }>(
      this.knex('commune_coverage as cc')
        .join('commune as c', 'c.code', 'cc.commune_code')
        .join('organization as o', 'o.id', 'cc.organization_id')
        .where((w) => w.whereIn('c.code', [...codes]).orWhereIn('c.parent_code', [...codes])),
      columnSets(organizationColumns('o'), {
        commune_code: 'cc.commune_code', cc_start_date: 'cc.start_date', cc_end_date: 'cc.end_date',
        parent: this.knex.raw('coalesce(c.parent_code, c.code)'), own: 'c.code',
      }));
    const organizations = new Map<number, Organization>();
    const covered: (CoverageRow & { key: string; organization: Organization })[] = [];
    for (const r of rows) {
      let organization = organizations.get(Number(r.id));
      if (!organization) organizations.set(Number(r.id), organization = readOnlyOrganization(r));
      for (const key of r.parent !== r.own ? [r.own, r.parent] : [r.own]) {
        covered.push({ organization_id: organization.id, commune_code: r.commune_code, start_date: r.cc_start_date, end_date: r.cc_end_date, organization, key });
      }
    }
    return covered;
  }

  /** Communes covered and population covered per Mission Locale on `asOf`. */
  coverageStats(ids: readonly number[], asOf: string): Promise<{ organization_id: number; communes: number; population: number }[]> {
    return this.activeCoverage(asOf).whereIn('cc.organization_id', [...ids])
      .groupBy('cc.organization_id')
      .select('cc.organization_id', this.knex.raw('count(*) as communes'), this.knex.raw('coalesce(sum(c.population), 0) as population'));
  }

  /**
   * Communes covered by each Mission Locale on `asOf`: one count per id, each answered from the
   * covering index alone, the ids passed as one parameter (a JSON list on SQLite, an array on
   * PostgreSQL). For the 437 of a network map: 4.7 CPU ms on SQLite and 7.5 ms on PostgreSQL, against
   * 7.4 and 14 for one grouped count over an IN list of 437 parameters.
   */
  coverageCounts(ids: readonly number[], asOf: string): Promise<{ organization_id: number; communes: number }[]> {
    const ofIds = this.knex.client.dialect === 'sqlite3'
      ? this.knex.raw('json_each(?) as j', [JSON.stringify(ids)])
      : this.knex.raw('unnest(?::int[]) as j(value)', [[...ids]]);
    return this.knex.select('j.value as organization_id', this.knex.raw('? as communes', [coverageCountOf(this.knex, 'j.value', asOf)])).from(ofIds);
  }

  /** Communes covered and population covered per region of the commune, on `asOf`. */
  coverageStatsByRegion(asOf: string): Promise<{ region_code: string; communes: number; population: number }[]> {
    return this.activeCoverage(asOf)
      .groupBy('c.region_code')
      .select('c.region_code', this.knex.raw('count(distinct c.code) as communes'), this.knex.raw('coalesce(sum(c.population), 0) as population'));
  }

  private activeCoverage(asOf: string): Knex.QueryBuilder {
    return this.knex('commune_coverage as cc')
      .join('commune as c', 'c.code', 'cc.commune_code')
      .where('cc.start_date', '<=', asOf)
      .where((w) => w.whereNull('cc.end_date').orWhere('cc.end_date', '>', asOf));
  }

  /** One page of communes matching the criteria, by INSEE code. */
  findCommunePage(criteria: CommuneCriteria, page: PageArgs): Promise<Page<Commune>> {
    const q = this.knex('commune as c');
    if (criteria.postalCode) q.whereIn('c.code', this.knex('commune_postal_code').select('commune_code').where('postal_code', criteria.postalCode));
    if (criteria.departementCode) q.where('c.departement_code', criteria.departementCode);
    if (criteria.regionCode) q.where('c.region_code', criteria.regionCode);
    if (criteria.parentCode) q.where('c.parent_code', criteria.parentCode);
    for (const word of foldForSearch(criteria.search ?? '').split(' ').filter(Boolean)) q.where('c.search_name', 'like', `%${word}%`);
    return pageOfRows(q, columnsOf('c', COMMUNE_COLUMNS), (x) => x.orderBy('c.code'), page, (rows: CommuneRow[]) => rows.map(readOnlyCommune));
  }
}

/** The number of communes the Mission Locale whose id is in `organizationId` (a column) covers on `asOf`: a count answered from the covering index. */
export function coverageCountOf(knex: Knex, organizationId: string, asOf: string): Knex.Raw {
  return knex.raw('(select count(*) from commune_coverage as cc where cc.organization_id = ?? and cc.start_date <= ? and (cc.end_date is null or cc.end_date > ?))',
    [organizationId, asOf, asOf]);
}
