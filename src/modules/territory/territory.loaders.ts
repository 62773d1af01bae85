import { byKeys, groupByKeys, memoize, RequestContext } from '../../graphql/context';
import { TerritoryRepository } from './territory.repository';

/** Batched reads of the geography and of coverage, one SQL statement per batch. */
export const territoryLoaders = {
  // Regions (26) and départements (~110) are small reference tables: the first batch reads them whole,
  // so a request touching them in several waves still costs one statement each.
  region: (ctx: RequestContext) =>
    ctx.loaders.get('territory.region', async (codes: readonly string[]) =>
      byKeys(codes, await memoize(ctx, 'territory.allRegions', () => new TerritoryRepository(ctx.em).allRegions()), (r) => r.code, null)),

  departement: (ctx: RequestContext) =>
    ctx.loaders.get('territory.departement', async (codes: readonly string[]) =>
      byKeys(codes, await memoize(ctx, 'territory.allDepartements', () => new TerritoryRepository(ctx.em).allDepartements()), (d) => d.code, null)),

  departementsOfRegion: (ctx: RequestContext) =>
    ctx.loaders.get('territory.departementsOfRegion', async (codes: readonly string[]) =>
      groupByKeys(codes, await new TerritoryRepository(ctx.em).departementsOfRegions(codes), (d) => d.regionCode)),

  commune: (ctx: RequestContext) =>
    ctx.loaders.get('territory.commune', async (codes: readonly string[]) =>
      byKeys(codes, await new TerritoryRepository(ctx.em).communesByCodes(codes), (c) => c.code, null)),

  postalCodes: (ctx: RequestContext) =>
    ctx.loaders.get('territory.postalCodes', async (codes: readonly string[]) =>
      groupByKeys(codes, await new TerritoryRepository(ctx.em).postalCodesOf(codes), (r) => r.commune_code)
        .map((rows) => rows.map((r) => r.postal_code))),

  /** Coverage rows (all dates) of Missions Locales. */
  coverageOfOrganization: (ctx: RequestContext) =>
    ctx.loaders.get('territory.coverageOfOrganization', async (ids: readonly number[]) =>
      groupByKeys(ids, await new TerritoryRepository(ctx.em).coverageOfOrganizations(ids), (r) => r.organization_id)),

  /** Coverage rows (all dates) of communes, a split commune through its arrondissements. */
  coverageOfCommune: (ctx: RequestContext) =>
    ctx.loaders.get('territory.coverageOfCommune', async (codes: readonly string[]) =>
      groupByKeys(codes, await new TerritoryRepository(ctx.em).coverageOfCommunes(codes), (r) => r.key)),

  /** Communes and population covered by Missions Locales on a date. */
  coverageStats: (ctx: RequestContext, asOf: string) =>
    ctx.loaders.get(`territory.coverageStats:${asOf}`, async (ids: readonly number[]) =>
      byKeys(ids, (await new TerritoryRepository(ctx.em).coverageStats(ids, asOf))
        .map((r) => ({ organization_id: Number(r.organization_id), communes: Number(r.communes), population: Number(r.population) })),
      (r) => r.organization_id, { organization_id: 0, communes: 0, population: 0 })),
};
