import { byKeys, groupByKeys, RequestContext } from '../../graphql/context';
import { Person, PublicRole } from './person.entity';

/** Batched reads of persons and their public roles. */
export const personLoaders = {
  byId: (ctx: RequestContext) =>
    ctx.loaders.get('person.byId', async (ids: readonly number[]) =>
      byKeys(ids, await ctx.em.find(Person, { id: { $in: [...ids] } }), (p) => p.id, null)),

  /** Public roles (all dates) of some persons, most recent first. */
  publicRoles: (ctx: RequestContext) =>
    ctx.loaders.get('person.publicRoles', async (ids: readonly number[]) =>
      groupByKeys(ids, await ctx.em.find(PublicRole, { person: { $in: [...ids] } }, { orderBy: { startDate: 'DESC', id: 'ASC' } }), (r) => r.person.id)),
};
