import { resolve } from 'node:path';

/** Every setting of the service, read once from the environment (documented in the README). */
export interface Settings {
  /** PostgreSQL URL; when unset the service uses the embedded SQLite file. */
  databaseUrl?: string;
  /** Path of the SQLite file (created on first start). */
  sqlitePath: string;
  /**
   * Connections to the SQLite file (SQLITE_CONNECTIONS, default 4): reads run side by side on them (WAL
   * lets readers work beside the writer); writes take turns, one transaction at a time.
   */
  sqliteConnections: number;
  port: number;
  host: string;
  /** Load the bundled network into an empty database on start. */
  seedOnStart: boolean;
  /** Key of the HMAC under which API tokens are stored; without it no token is accepted. */
  tokenSecret?: string;
  /** Redis shared by several instances for live updates; in-process events when unset. */
  redisUrl?: string;
  /** production (NODE_ENV=production): no introspection unless allowed, no field suggestions in errors. */
  mode: 'production' | 'development';
  /** Introspection on (default in development, off in production unless INTROSPECTION=true for a public deployment). */
  introspection: boolean;
  /** The GraphiQL explorer at /explorer (default on in development, off in production unless EXPLORER=true). */
  explorer: boolean;
  /** Prometheus metrics at /metrics (default on; METRICS=false turns them off). */
  metrics: boolean;
  /** Bytes of anonymous query answers kept until the data changes (RESPONSE_CACHE_MB, default 64; 0: no cache). */
  responseCacheBytes: number;
  /** Whole-network queries computed at once (HEAVY_QUERY_SLOTS, default 1; 0: no limit). */
  heavyQuerySlots: number;
  /**
   * How far V8 lets the heap grow past what a full collection kept, in percent (HEAP_GROWTH_PERCENT,
   * default 70; 0: V8's own choice, which lets garbage reach several times the live data).
   */
  heapGrowthPercent: number;
}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded SQLite database)');
  }
  return {
    databaseUrl,
    sqlitePath: resolve(env.SQLITE_PATH ?? 'data/registry.sqlite'),
    sqliteConnections: wholeNumber(env.SQLITE_CONNECTIONS ?? '4', 'SQLITE_CONNECTIONS must be a whole number of connections, at least 1', 1),
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? '127.0.0.1',
    seedOnStart: (env.SEED_ON_START ?? 'true') !== 'false',
    tokenSecret: tokenSecret(env.TOKEN_SECRET),
    redisUrl: env.REDIS_URL?.trim() || undefined,
    mode: env.NODE_ENV === 'production' ? 'production' : 'development',
    introspection: env.INTROSPECTION ? env.INTROSPECTION === 'true' : env.NODE_ENV !== 'production',
    explorer: env.EXPLORER ? env.EXPLORER === 'true' : env.NODE_ENV !== 'production',
    metrics: (env.METRICS ?? 'true') !== 'false',
    responseCacheBytes: megabytes(env.RESPONSE_CACHE_MB ?? '64'),
    heavyQuerySlots: wholeNumber(env.HEAVY_QUERY_SLOTS ?? '1', 'HEAVY_QUERY_SLOTS must be a whole number (0: whole-network queries are not limited)'),
    heapGrowthPercent: wholeNumber(env.HEAP_GROWTH_PERCENT ?? '70', "HEAP_GROWTH_PERCENT must be a whole number of percent (0: V8's own choice)"),
  };
}

function megabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error('RESPONSE_CACHE_MB must be a number of megabytes (0 turns the response cache off)');
  return Math.round(n * 1024 * 1024);
}

function wholeNumber(value: string, message: string, min = 0): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > 1000) throw new Error(message);
  return n;
}

function tokenSecret(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length < 32) throw new Error('TOKEN_SECRET must be at least 32 characters (for example: openssl rand -hex 32)');
  return value;
}
