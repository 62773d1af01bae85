import { Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { SqliteDriver } from '@mikro-orm/sqlite';
import { Settings } from '../config';
import { entities } from './entities';
import { migrationsList } from './migrations';

/** SQLite settings applied to every connection: durability with WAL, integrity, and waiting instead of failing on a lock. */
export const SQLITE_PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA synchronous = NORMAL',
  'PRAGMA foreign_keys = ON',
  'PRAGMA busy_timeout = 5000',
];

/** Connections to PostgreSQL per service process. */
export const POSTGRES_CONNECTIONS = 10;

type SqliteConn = { exec(sql: string, cb: (err: Error | null) => void): void };

/** MikroORM options for the configured database: SQLite by default, PostgreSQL when DATABASE_URL says so. */
export function ormOptions(settings: Settings): Options {
  const common: Options = {
    entities,
    extensions: [Migrator],
    // silent: the migrator's progress lines would pollute the service's JSON logs.
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    forceUndefined: false,
    debug: false,
    allowGlobalContext: false,
  };
  // Only the configured driver is loaded (loading the other one too costs about 0.3 s at every start).
  if (settings.databaseUrl) {
    const driver: typeof PostgreSqlDriver = require('@mikro-orm/postgresql').PostgreSqlDriver;
    // A fixed pool: connections are opened as requests need them and then kept (min = max, so the pool
    // never closes one for being idle). Closing idle ones made the next burst open new backends (about
    // 12 ms each, plus cold catalog caches for their first statements), with requests queued behind them:
    // p99 at 200 requests/s went 38-149 ms with that churn, 5-12 ms without (README, Performance).
    return { ...common, driver, clientUrl: settings.databaseUrl, pool: { min: POSTGRES_CONNECTIONS, max: POSTGRES_CONNECTIONS } };
  }
  const driver: typeof SqliteDriver = require('@mikro-orm/sqlite').SqliteDriver;
  return {
    ...common,
    driver,
    dbName: settings.sqlitePath,
    // Several connections, so that reads run side by side (in WAL mode readers do not wait for each other
    // nor for the writer); every connection gets the pragmas. Writes take turns (see runMutation).
    pool: {
      min: 1,
      max: settings.sqliteConnections,
      afterCreate: (conn: SqliteConn, done: (err: Error | null, conn: SqliteConn) => void) =>
        conn.exec(SQLITE_PRAGMAS.join(';'), (err) => done(err, conn)),
    },
  } as Options;
}
