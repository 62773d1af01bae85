import { byKeys, groupByKeys, RequestContext } from '../../graphql/context';
import { BodyTerm, College, GoverningBody, Mandate, Post } from './governance.entity';

/** Mandates come with their post and term (one joined statement): every rule and composition needs both. */
const MANDATE_POPULATE = ['post', 'term'] as const;

/** Batched reads of governance records, one SQL statement per batch. */
export const governanceLoaders = {
  bodyById: (ctx: RequestContext) =>
    ctx.loaders.get('governance.bodyById', async (ids: readonly number[]) =>
      byKeys(ids, await ctx.em.find(GoverningBody, { id: { $in: [...ids] } }), (b) => b.id, null)),

  bodiesOfOrganization: (ctx: RequestContext) =>
    ctx.loaders.get('governance.bodiesOfOrganization', async (ids: readonly number[]) =>
      groupByKeys(ids, await ctx.em.find(GoverningBody, { organization: { $in: [...ids] } }, { orderBy: { id: 'ASC' } }), (b) => b.organization.id)),

  termsOfBody: (ctx: RequestContext) =>
    ctx.loaders.get('governance.termsOfBody', async (ids: readonly number[]) =>
      groupByKeys(ids, await ctx.em.find(BodyTerm, { body: { $in: [...ids] } }, { orderBy: { startDate: 'ASC', id: 'ASC' } }), (t) => t.body.id)),

  postsOfBody: (ctx: RequestContext) =>
    ctx.loaders.get('governance.postsOfBody', async (ids: readonly number[]) =>
      groupByKeys(ids, await ctx.em.find(Post, { body: { $in: [...ids] } }, { orderBy: { id: 'ASC' } }), (p) => p.body.id)),

  postById: (ctx: RequestContext) =>
    ctx.loaders.get('governance.postById', async (ids: readonly number[]) =>
      byKeys(ids, await ctx.em.find(Post, { id: { $in: [...ids] } }), (p) => p.id, null)),

  termById: (ctx: RequestContext) =>
    ctx.loaders.get('governance.termById', async (ids: readonly number[]) =>
      byKeys(ids, await ctx.em.find(BodyTerm, { id: { $in: [...ids] } }), (t) => t.id, null)),

  collegeById: (ctx: RequestContext) =>
    ctx.loaders.get('governance.collegeById', async (ids: readonly number[]) =>
      byKeys(ids, await ctx.em.find(College, { id: { $in: [...ids] } }), (c) => c.id, null)),

  collegesOfOrganization: (ctx: RequestContext) =>
    ctx.loaders.get('governance.collegesOfOrganization', async (ids: readonly number[]) =>
      groupByKeys(ids, await ctx.em.find(College, { organization: { $in: [...ids] } }, { orderBy: { number: 'ASC' } }), (c) => c.organization.id)),

  mandateById: (ctx: RequestContext) =>
    ctx.loaders.get('governance.mandateById', async (ids: readonly number[]) =>
      byKeys(ids, await ctx.em.find(Mandate, { id: { $in: [...ids] } }, { populate: [...MANDATE_POPULATE] }), (m) => m.id, null)),

  /** Every mandate (all dates) of some bodies. */
  mandatesOfBody: (ctx: RequestContext) =>
    ctx.loaders.get('governance.mandatesOfBody', async (ids: readonly number[]) =>
      groupByKeys(ids, await ctx.em.find(Mandate, { term: { body: { $in: [...ids] } } }, { populate: [...MANDATE_POPULATE], orderBy: { startDate: 'ASC', id: 'ASC' } }), (m) => m.term.body.id)),

  /** Every mandate (all dates) held by some persons. */
  mandatesOfPerson: (ctx: RequestContext) =>
    ctx.loaders.get('governance.mandatesOfPerson', async (ids: readonly number[]) =>
      groupByKeys(ids, await ctx.em.find(Mandate, { person: { $in: [...ids] } }, { populate: [...MANDATE_POPULATE], orderBy: { startDate: 'ASC', id: 'ASC' } }), (m) => m.person!.id)),

  /** Every mandate (all dates) held by an organization or exercised on its behalf. */
  mandatesRepresenting: (ctx: RequestContext) =>
    ctx.loaders.get('governance.mandatesRepresenting', async (ids: readonly number[]) => {
      const rows = await ctx.em.find(Mandate, { $or: [{ holderOrganization: { $in: [...ids] } }, { onBehalfOf: { $in: [...ids] } }] },
        { populate: [...MANDATE_POPULATE], orderBy: { startDate: 'ASC', id: 'ASC' } });
      const byOrg = new Map<number, Mandate[]>(ids.map((id) => [id, []]));
      for (const m of rows) {
        for (const id of new Set([m.holderOrganization?.id, m.onBehalfOf?.id])) if (id !== undefined) byOrg.get(id)?.push(m);
      }
      return ids.map((id) => byOrg.get(id)!);
    }),
};
