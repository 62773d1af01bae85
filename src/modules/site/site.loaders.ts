import type { Knex } from '@mikro-orm/knex';
import { whereIdIn } from '../../db/select-rows';
import { byKeys, groupByKeys, RequestContext } from '../../graphql/context';
import { Site } from './site.entity';

/** Batched reads of reception sites. */
export const siteLoaders = {
  /** Sites of organizations, head office first, then by name. */
  ofOrganization: (ctx: RequestContext) =>
    ctx.loaders.get('site.ofOrganization', async (ids: readonly number[]) =>
      groupByKeys(ids, await ctx.em.find(Site, { organization: { $in: [...ids] } }, { orderBy: { kind: 'DESC', name: 'ASC', id: 'ASC' } }),
        (s) => s.organization.id)),

  count: (ctx: RequestContext) =>
    ctx.loaders.get('site.count', async (ids: readonly number[]) => {
      const rows: { organization_id: number; n: number | string }[] = await whereIdIn(ctx.em.getKnex()('site')
        .select('organization_id').count({ n: '*' }), 'organization_id', ids).groupBy('organization_id');
      return byKeys(ids, rows.map((r) => ({ id: Number(r.organization_id), n: Number(r.n) })), (r) => r.id, { id: 0, n: 0 }).map((r) => r.n);
    }),
};

/** The number of sites of the organization whose id is in `organizationId` (a column). */
export function siteCountOf(knex: Knex, organizationId: string): Knex.Raw {
  return knex.raw('(select count(*) from site as s where s.organization_id = ??)', [organizationId]);
}
