import { RequestContext } from '../../graphql/context';
import { Page, PageArgs } from '../../graphql/pagination';
import { isActiveOn } from '../../shared/dates';
import { Organization } from '../organization/organization.entity';
import { organizationLoaders } from '../organization/organization.loaders';
import { Commune, Departement, Region } from './territory.entity';
import { referenceTable, territoryLoaders } from './territory.loaders';
import { CommuneCriteria, TerritoryRepository } from './territory.repository';

/** Reads of the geography and of which Mission Locale covers which commune. */
export class TerritoryService {
  constructor(private readonly ctx: RequestContext) {}

  region(code: string): Region | null | Promise<Region | null> {
    return territoryLoaders.region(this.ctx).load(code);
  }

  regions(): Promise<Region[]> {
    return referenceTable(this.ctx, 'regions');
  }

  departement(code: string): Departement | null | Promise<Departement | null> {
    return territoryLoaders.departement(this.ctx).load(code);
  }

  departementsOf(region: Region): Promise<Departement[]> {
    return territoryLoaders.departementsOfRegion(this.ctx).load(region.code);
  }

  commune(code: string): Promise<Commune | null> {
    return territoryLoaders.commune(this.ctx).load(code);
  }

  postalCodes(commune: Commune): Promise<string[]> {
    return territoryLoaders.postalCodes(this.ctx).load(commune.code);
  }

  communes(criteria: CommuneCriteria, page: PageArgs): Promise<Page<Commune>> {
    return new TerritoryRepository(this.ctx.em).findCommunePage(criteria, page);
  }

  /** Missions Locales covering the commune on `asOf` (through its arrondissements for Paris, Lyon, Marseille), by name. */
  async missionsLocalesOf(commune: Commune, asOf: string): Promise<Organization[]> {
    const rows = await territoryLoaders.coverageOfCommune(this.ctx).load(commune.code);
    const ids = [...new Set(rows.filter((r) => isActiveOn(asOf, r.start_date, r.end_date)).map((r) => r.organization_id))];
    const orgs = await organizationLoaders.byId(this.ctx).loadMany(ids);
    return (orgs.filter((o) => o instanceof Organization) as Organization[])
      .sort((a, b) => (a.searchName < b.searchName ? -1 : a.searchName > b.searchName ? 1 : a.id - b.id));
  }

  /** INSEE codes of the communes a Mission Locale covers on `asOf`, in code order. */
  async coveredCommuneCodes(org: Organization, asOf: string): Promise<string[]> {
    const rows = await territoryLoaders.coverageOfOrganization(this.ctx).load(org.id);
    return rows.filter((r) => isActiveOn(asOf, r.start_date, r.end_date)).map((r) => r.commune_code);
  }

  /** Number of communes a Mission Locale covers on `asOf` (as it is when read along with the organization). */
  coveredCommuneCount(org: Organization, asOf: string): number | Promise<number> {
    return territoryLoaders.coverageCount(this.ctx, asOf).loadKnown(org.id);
  }

  /** Number of communes a Mission Locale covers on `asOf`, and their population. */
  coverageStats(org: Organization, asOf: string): Promise<{ communes: number; population: number }> {
    return territoryLoaders.coverageStats(this.ctx, asOf).load(org.id);
  }

  async communesByCodes(codes: string[]): Promise<Commune[]> {
    const found = await territoryLoaders.commune(this.ctx).loadMany(codes);
    return found.filter((c) => c instanceof Commune) as Commune[];
  }
}
