import { createPubSub, PubSub } from '@graphql-yoga/subscription';
import type { createRedisEventTarget as CreateRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type RedisClient from 'ioredis';

/** What travels on the bus: ids and the scope to filter on, never whole records (they are read again per subscriber). */
export interface RegistryEventPayload {
  operation: string;
  entityId: number;
  /** The organization the change belongs to (the body's, the convention's parties). */
  organizationIds: number[];
  /** Regions of those organizations, for the region filter. */
  regionCodes: string[];
  occurredAt: string;
}

export const TOPICS = {
  MANDATE_CHANGED: 'MANDATE_CHANGED',
  BODY_COMPOSITION_CHANGED: 'BODY_COMPOSITION_CHANGED',
  CONVENTION_STATUS_CHANGED: 'CONVENTION_STATUS_CHANGED',
} as const;

export type RegistryPubSub = PubSub<Record<string, [RegistryEventPayload]>>;

/**
 * The event bus: in-process by default; shared through Redis when REDIS_URL is set, so that every
 * instance behind a load balancer sees the changes made on the others.
 */
export function createEventBus(redisUrl?: string): { pubSub: RegistryPubSub; close(): Promise<void> } {
  if (!redisUrl) return { pubSub: createPubSub(), close: async () => undefined };
  // Loaded only when used (about 0.2 s of every start otherwise).
  const Redis: typeof RedisClient = require('ioredis');
  const createRedisEventTarget: typeof CreateRedisEventTarget = require('@graphql-yoga/redis-event-target').createRedisEventTarget;
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubSub: createPubSub({ eventTarget }) as RegistryPubSub,
    close: async () => {
      await Promise.all([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
