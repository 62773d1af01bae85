import { byKeys, groupByKeys, RequestContext } from '../../graphql/context';
import { Convention, ConventionAction, ConventionDocument, ConventionObjective, ConventionParty, ConventionStatusChange, FundingLine } from './convention.entity';
import { ConventionOrder } from './convention.inputs';
import { ConventionCriteria, ConventionRepository } from './convention.repository';
import { Partnership, PartnershipConvention } from './partnership.entity';

const byConvention = <T extends { convention: { id: number } }>(entity: new () => T, orderBy: Record<string, 'ASC' | 'DESC'>) =>
  (name: string) => (ctx: RequestContext) =>
    ctx.loaders.get(name, async (ids: readonly number[]) =>
      groupByKeys(ids, await ctx.em.find(entity, { convention: { $in: [...ids] } } as never, { orderBy: orderBy as never }), (x) => x.convention.id));

/** Batched reads of conventions and what hangs off them, one SQL statement per batch. */
export const conventionLoaders = {
  byId: (ctx: RequestContext) =>
    ctx.loaders.get('convention.byId', async (ids: readonly number[]) =>
      byKeys(ids, await new ConventionRepository(ctx.em).findByIds(ids), (c) => c.id, null)),

  parties: byConvention(ConventionParty, { role: 'ASC', id: 'ASC' })('convention.parties'),
  statusHistory: byConvention(ConventionStatusChange, { date: 'ASC', id: 'ASC' })('convention.statusHistory'),
  documents: byConvention(ConventionDocument, { id: 'ASC' })('convention.documents'),
  objectives: byConvention(ConventionObjective, { code: 'ASC', id: 'ASC' })('convention.objectives'),
  fundingLines: byConvention(FundingLine, { year: 'ASC', axis: 'ASC', id: 'ASC' })('convention.fundingLines'),

  actions: (ctx: RequestContext) =>
    ctx.loaders.get('convention.actions', async (ids: readonly number[]) =>
      groupByKeys(ids, await ctx.em.find(ConventionAction, { objective: { $in: [...ids] } }, { orderBy: { startDate: 'ASC', id: 'ASC' } }), (a) => a.objective.id)),

  /** Total funding (cents) of conventions. */
  fundingTotal: (ctx: RequestContext) =>
    ctx.loaders.get('convention.fundingTotal', async (ids: readonly number[]) => {
      const rows: { convention_id: number; cents: unknown }[] = await ctx.em.getKnex()('funding_line')
        .select('convention_id', ctx.em.getKnex().raw('sum(amount_cents) as cents')).whereIn('convention_id', [...ids]).groupBy('convention_id');
      const totals = new Map(rows.map((r) => [Number(r.convention_id), BigInt(String(r.cents))]));
      return ids.map((id) => totals.get(id) ?? 0n);
    }),

  /** Conventions renewing, or declining, others. */
  children: (ctx: RequestContext, link: 'renews' | 'nationalConvention') =>
    ctx.loaders.get(`convention.children:${link}`, async (ids: readonly number[]) =>
      groupByKeys(ids, await ctx.em.find(Convention, { [link]: { $in: [...ids] } }, { orderBy: { startDate: 'ASC', id: 'ASC' } }), (c) => c[link]!.id)),

  /** Conventions of organizations (as any party), filtered and ordered; the key of the loader carries the filter. */
  ofParty: (ctx: RequestContext, criteria: ConventionCriteria, order?: ConventionOrder) =>
    ctx.loaders.get(`convention.ofParty:${JSON.stringify([criteria, order])}`, async (ids: readonly number[]) => {
      const rows = await new ConventionRepository(ctx.em).conventionsOfParties(ids, criteria, order);
      return groupByKeys(ids, rows, (r) => r.partyId).map((list) => list.map((r) => r.convention));
    }),

  /** Partnerships of organizations, on either side. */
  partnerships: (ctx: RequestContext) =>
    ctx.loaders.get('convention.partnerships', async (ids: readonly number[]) => {
      const rows = await ctx.em.find(Partnership, { $or: [{ networkOrganization: { $in: [...ids] } }, { partner: { $in: [...ids] } }] }, { orderBy: { startDate: 'ASC', id: 'ASC' } });
      const byOrg = new Map<number, Partnership[]>(ids.map((id) => [id, []]));
      for (const p of rows) for (const id of new Set([p.networkOrganization.id, p.partner.id])) byOrg.get(id)?.push(p);
      return ids.map((id) => byOrg.get(id)!);
    }),

  conventionsOfPartnership: (ctx: RequestContext) =>
    ctx.loaders.get('convention.conventionsOfPartnership', async (ids: readonly number[]) =>
      groupByKeys(ids, await ctx.em.find(PartnershipConvention, { partnership: { $in: [...ids] } }, { populate: ['convention'] }), (p) => p.partnership.id)
        .map((list) => list.map((p) => p.convention))),
};
