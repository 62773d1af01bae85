import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { SeedBundle } from '../../src/seed/seed-registry';
import { openDatabase } from '../../src/db/database';
import { buildRegistrySchema } from '../../src/graphql/schema';
import { RunningServer, ServerOptions, startHttpServer } from '../../src/http/server';
import { createTestDatabase, DatabaseKind, TestDatabase } from './databases';
import { AccessRole } from '../../src/modules/access/caller';
import { TokenService } from '../../src/modules/access/token.service';
import { createEventBus } from '../../src/modules/events/event-bus';
import { HEAVY_QUERIES_WAITING, HeavyQueryGate } from '../../src/http/heavy-queries';
import type { ExecutionCounts } from '../../src/graphql/compiled-execution';

/** The HMAC key of the tokens minted in tests (production reads TOKEN_SECRET). */
export const TEST_TOKEN_SECRET = 'test-secret-of-at-least-thirty-two-characters';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  headers: Headers;
}

/** A real registry (database, schema, HTTP server on a free port) and a plain HTTP client for it. */
export interface TestRegistry {
  kind: DatabaseKind;
  orm: MikroORM;
  url: string;
  /** POSTs a GraphQL operation over HTTP, with a bearer token when given. */
  query<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** Mints a real API token (as the CLI does). */
  mintToken(role: AccessRole, organizationId: number | null): Promise<{ id: number; token: string }>;
  tokens: TokenService;
  /** Runs `fn` and returns the SQL statements the database received meanwhile. */
  countSql<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }>;
  /** The gate of whole-network queries (see src/http/heavy-queries.ts), when they are limited. */
  heavyQueries?: HeavyQueryGate;
  /** Operations the server ran compiled and through graphql-js so far. */
  executions: ExecutionCounts;
  stop(): Promise<void>;
}

export async function startRegistry(
  kind: DatabaseKind, bundle: SeedBundle,
  serverOptions: Pick<ServerOptions, 'mode' | 'introspection' | 'explorer' | 'metrics' | 'responseCacheBytes' | 'heavyQueries'> = {},
): Promise<TestRegistry> {
  const db: TestDatabase = await createTestDatabase(kind);
  const { orm } = await openDatabase(db.settings, () => bundle);
  const bus = await createEventBus();
  const server: RunningServer = await startHttpServer(orm, await buildRegistrySchema(bus.pubSub), {
    port: 0, host: '127.0.0.1', tokenSecret: TEST_TOKEN_SECRET, events: bus.pubSub,
    heavyQueries: { slots: db.settings.heavyQuerySlots, maxWaiting: HEAVY_QUERIES_WAITING }, // as deployed by default
    ...serverOptions,
  });
  const knex = (orm.em as EntityManager).getKnex();
  const tokens = new TokenService(knex, TEST_TOKEN_SECRET);
  return {
    kind,
    orm,
    url: server.url,
    heavyQueries: server.heavyQueries,
    executions: server.executions,
    tokens,
    mintToken: (role, organizationId) => tokens.mint({ role, organizationId, label: `test ${role}` }),
    async query(query, variables, token) {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GraphQLResponse, "status" | "headers">;
      return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
    },
    async countSql(fn) {
      const statements: string[] = [];
      const listener = (q: { sql: string }) => statements.push(q.sql);
      knex.on('query', listener);
      try {
        return { result: await fn(), statements };
      } finally {
        knex.removeListener('query', listener);
      }
    },
    async stop() {
      await server.stop();
      await orm.close(true);
      await db.drop();
    },
  };
}
