import type { RequestContext } from '../../graphql/context';
import { today } from '../../shared/dates';
import { RegistryEventPayload, TOPICS } from './event-bus';

/** Regions of some organizations (their own, and an ARML's current ones), for the subscribers' region filter. */
async function regionsOf(ctx: RequestContext, organizationIds: number[]): Promise<string[]> {
  const knex = ctx.em.getKnex();
  const day = today();
  const [own, arml] = await Promise.all([
    knex('organization').whereIn('id', organizationIds).whereNotNull('region_code').pluck('region_code'),
    knex('organization_region').whereIn('organization_id', organizationIds).where('start_date', '<=', day)
      .where((w) => w.whereNull('end_date').orWhere('end_date', '>', day)).pluck('region_code'),
  ]);
  return [...new Set([...own, ...arml] as string[])].sort();
}

/** Announces a committed change; call it only after the transaction succeeded. */
export async function announce(ctx: RequestContext, topics: (keyof typeof TOPICS)[], operation: string, entityId: number, organizationIds: number[]): Promise<void> {
  if (!ctx.events) return;
  const payload: RegistryEventPayload = {
    operation, entityId, organizationIds, regionCodes: await regionsOf(ctx, organizationIds), occurredAt: new Date().toISOString(),
  };
  for (const topic of topics) ctx.events.publish(TOPICS[topic], payload);
}
