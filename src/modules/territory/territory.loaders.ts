import type { EntityManager } from '@mikro-orm/knex';
import { byKeys, groupByKeys, RequestContext } from '../../graphql/context';
import { organizationLoaders } from '../organization/organization.loaders';
import type { Departement, Region } from './territory.entity';
import { TerritoryRepository } from './territory.repository';

interface ReferenceTables {
  regions?: Promise<Region[]>;
  departements?: Promise<Departement[]>;
}
type ReferenceRow<K extends keyof ReferenceTables> = Awaited<NonNullable<ReferenceTables[K]>>[number];
const referenceTables = new WeakMap<EntityManager, ReferenceTables>();
/** The tables already read, by code. */
const referenceIndexes = new WeakMap<EntityManager, { [K in keyof ReferenceTables]?: Map<string, ReferenceRow<K>> }>();

/**
 * Regions (26) and départements (~110) are written only when the registry is seeded: they are
 * read once per database, through an entity manager of their own, and shared by every request.
 */
export function referenceTable<K extends keyof ReferenceTables>(ctx: RequestContext, name: K): NonNullable<ReferenceTables[K]> {
  const tables = referenceTables.get(ctx.rootEm) ?? referenceTables.set(ctx.rootEm, {}).get(ctx.rootEm)!;
  if (!tables[name]) {
    const repo = new TerritoryRepository(ctx.rootEm.fork());
    const read = (name === 'regions' ? repo.allRegions() : repo.allDepartements()) as NonNullable<ReferenceTables[K]>;
    tables[name] = read;
    read.then((rows: ReferenceRow<K>[]) => {
      const indexes = referenceIndexes.get(ctx.rootEm) ?? referenceIndexes.set(ctx.rootEm, {}).get(ctx.rootEm)!;
      indexes[name] = new Map(rows.map((r) => [r.code, r])) as (typeof indexes)[K];
    }, () => { delete tables[name]; });
  }
  return tables[name]!;
}

/**
 * A region or département by code, without a loader: the value itself once its table has been
 * read (a map of 437 Missions Locales asks for 874 of them), a promise before that.
 */
function referenceLookup<K extends keyof ReferenceTables>(ctx: RequestContext, name: K) {
  const index = () => referenceIndexes.get(ctx.rootEm)?.[name] as Map<string, ReferenceRow<K>> | undefined;
  const load = (code: string): ReferenceRow<K> | null | Promise<ReferenceRow<K> | null> => {
    const known = index();
    return known ? known.get(code) ?? null : referenceTable(ctx, name).then(() => index()?.get(code) ?? null);
  };
  return { load, loadMany: (codes: readonly string[]) => Promise.all(codes.map(load)) };
}

/** Batched reads of the geography and of coverage, one SQL statement per batch. */
export const territoryLoaders = {
  region: (ctx: RequestContext) => referenceLookup(ctx, 'regions'),

  departement: (ctx: RequestContext) => referenceLookup(ctx, 'departements'),

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

  /** Coverage rows (all dates) of communes, a split commune through its arrondissements, with their Missions Locales (remembered by `organizationLoaders.byId`). */
  coverageOfCommune: (ctx: RequestContext) =>
    ctx.loaders.get('territory.coverageOfCommune', async (codes: readonly string[]) => {
      const rows = await new TerritoryRepository(ctx.em).coverageOfCommunes(codes);
      const byId = organizationLoaders.byId(ctx);
      for (const r of rows) byId.remember(r.organization_id, r.organization);
      return groupByKeys(codes, rows, (r) => r.key);
    }),

  /** Number of communes covered by Missions Locales on a date. */
  coverageCount: (ctx: RequestContext, asOf: string) =>
    ctx.loaders.get(`territory.coverageCount:${asOf}`, async (ids: readonly number[]) =>
      byKeys(ids, (await new TerritoryRepository(ctx.em).coverageCounts(ids, asOf))
        .map((r) => ({ organization_id: Number(r.organization_id), communes: Number(r.communes) })),
      (r) => r.organization_id, { organization_id: 0, communes: 0 }).map((r) => r.communes)),

  /** Communes and population covered by Missions Locales on a date. */
  coverageStats: (ctx: RequestContext, asOf: string) =>
    ctx.loaders.get(`territory.coverageStats:${asOf}`, async (ids: readonly number[]) =>
      byKeys(ids, (await new TerritoryRepository(ctx.em).coverageStats(ids, asOf))
        .map((r) => ({ organization_id: Number(r.organization_id), communes: Number(r.communes), population: Number(r.population) })),
      (r) => r.organization_id, { organization_id: 0, communes: 0, population: 0 })),
};
