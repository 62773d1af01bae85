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
export async function createEventBus(redisUrl?: string): Promise<{ pubSub: RegistryPubSub; close(): Promise<void> }> {
  if (!redisUrl) return { pubSub: createPubSub(), close: async () => undefined };
  // Loaded only when used (about 0.2 s of every start otherwise).
  const Redis: typeof RedisClient = require('ioredis');
  const createRedisEventTarget: typeof CreateRedisEventTarget = require('@graphql-yoga/redis-event-target').createRedisEventTarget;
  // Both connections are ready (handshake done) before the first SUBSCRIBE: ioredis 5.8 can otherwise send
  // its INFO ready check after a SUBSCRIBE issued while connecting, which Redis refuses, and the subscription is lost.
  // `disableClientInfo` drops the CLIENT SETINFO handshake step, the other half of that race.
  const options = { lazyConnect: true, maxRetriesPerRequest: 3, disableClientInfo: true } as const;
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  for (const client of [publishClient, subscribeClient]) {
    client.on('error', (err) => console.error(JSON.stringify({ level: 'error', message: `Redis: ${err.message}` })));
  }
  try {
    await Promise.all([publishClient.connect(), subscribeClient.connect()]);
  } catch (err) {
    publishClient.disconnect();
    subscribeClient.disconnect();
    throw new Error(`REDIS_URL is set but Redis does not answer (${(err as Error).message})`);
  }
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubSub: createPubSub({ eventTarget }) as RegistryPubSub,
    close: async () => {
      await Promise.all([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
