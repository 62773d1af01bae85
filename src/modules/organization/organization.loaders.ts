import { byKeys, groupByKeys, RequestContext } from '../../graphql/context';
import type { Page } from '../../graphql/pagination';
import type { Organization } from './organization.entity';
import type { OrganizationKind } from './organization.enums';
import { siteLoaders } from '../site/site.loaders';
import { territoryLoaders } from '../territory/territory.loaders';
import { armlRegionsOf, MemberCounts, missionsLocalesIn, OrganizationRepository } from './organization.repository';

/** Batched reads of organizations and what hangs off them, one SQL statement per batch. */
export const organizationLoaders = {
  byId: (ctx: RequestContext) =>
    ctx.loaders.get('organization.byId', async (ids: readonly number[]) =>
      byKeys(ids, await new OrganizationRepository(ctx.em).findByIds(ids), (o) => o.id, null)),

  /** Every link (current and ended) where the organization is the member. */
  linksAsMember: (ctx: RequestContext) =>
    ctx.loaders.get('organization.linksAsMember', async (ids: readonly number[]) =>
      groupByKeys(ids, await new OrganizationRepository(ctx.em).linksAsMember(ids), (l) => l.member.id)),

  /** The members of organizations with the dates of their links (every link, current and ended); `byId` remembers them. */
  members: (ctx: RequestContext) =>
    ctx.loaders.get('organization.members', async (ids: readonly number[]) => {
      const rows = await new OrganizationRepository(ctx.em).membersOf(ids);
      const byId = organizationLoaders.byId(ctx);
      for (const r of rows) byId.remember(r.member.id, r.member);
      return groupByKeys(ids, rows, (r) => r.parentId);
    }),

  identifiers: (ctx: RequestContext) =>
    ctx.loaders.get('organization.identifiers', async (ids: readonly number[]) =>
      groupByKeys(ids, await new OrganizationRepository(ctx.em).identifiersOf(ids), (i) => i.organization.id)),

  formerNames: (ctx: RequestContext) =>
    ctx.loaders.get('organization.formerNames', async (ids: readonly number[]) =>
      groupByKeys(ids, await new OrganizationRepository(ctx.em).formerNamesOf(ids), (n) => n.organization.id)),

  regions: (ctx: RequestContext) =>
    ctx.loaders.get('organization.regions', async (ids: readonly number[]) =>
      groupByKeys(ids, await new OrganizationRepository(ctx.em).regionsOf(ids), (r) => r.organization.id)),
};

/**
 * The same page (`offset`, `limit`) of the members on `asOf` of organizations (only `kinds`, when given), by
 * name, with each one's number of members; `organizationLoaders.byId` remembers the members read, and the
 * coverage and site count loaders the counts read with them (`counts`).
 */
export const memberPagesLoader = (ctx: RequestContext, asOf: string, kinds: readonly OrganizationKind[], offset: number, limit: number, counts: MemberCounts) =>
  ctx.loaders.get(`organization.memberPages:${asOf}:${kinds.join(',')}:${offset}:${limit}:${counts.communes}:${counts.sites}`, async (ids: readonly number[]): Promise<Page<Organization>[]> => {
    const repo = new OrganizationRepository(ctx.em);
    const rows = await repo.memberPages(ids, asOf, kinds, offset, limit, counts);
    const byId = organizationLoaders.byId(ctx);
    const communes = territoryLoaders.coverageCount(ctx, asOf);
    const sites = siteLoaders.count(ctx);
    for (const r of rows) {
      byId.remember(r.member.id, r.member);
      if (r.communes !== undefined) communes.remember(r.member.id, r.communes);
      if (r.sites !== undefined) sites.remember(r.member.id, r.sites);
    }
    const pages = groupByKeys(ids, rows, (r) => r.parentId);
    // A page past the end has no row to carry the total: those parents are counted apart.
    const emptyPastStart = offset > 0 ? ids.filter((_, i) => pages[i].length === 0) : [];
    const totals = emptyPastStart.length ? await repo.memberCounts(emptyPastStart, asOf, kinds) : new Map<number, number>();
    return pages.map((page, i) => {
      const totalCount = page.length ? page[0].total : totals.get(ids[i]) ?? 0;
      return { items: page.map((r) => r.member), offset: Math.min(offset, totalCount), totalCount };
    });
  });

/** Missions Locales of regions or départements on a date, by name. */
export const missionsLocalesLoader = (ctx: RequestContext, column: 'regionCode' | 'departementCode', asOf: string) =>
  ctx.loaders.get(`organization.missionsLocales:${column}:${asOf}`, async (codes: readonly string[]) =>
    groupByKeys(codes, await missionsLocalesIn(ctx.em, column, codes, asOf), (o) => o[column] as string));

/** The ARML coverage rows (all dates) of regions. */
export const armlOfRegionLoader = (ctx: RequestContext) =>
  ctx.loaders.get('organization.armlOfRegion', async (codes: readonly string[]) =>
    groupByKeys(codes, await armlRegionsOf(ctx.em, codes), (r) => r.regionCode));
