/**
 * The baseline's database access: the same drivers as the service (the `sqlite3` package that
 * MikroORM's SQLite driver loads, `pg` for PostgreSQL), hand-written SQL with `?` placeholders.
 */
import { createRequire } from 'node:module';
import { Pool, types } from 'pg';

export type Dialect = 'sqlite' | 'postgresql';

export interface Db {
  dialect: Dialect;
  /** Runs one statement and returns its rows. */
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** `(?, ?, ?)` for a list of values (an empty list matches nothing). */
export function inList(values: readonly unknown[]): string {
  return values.length ? `(${values.map(() => '?').join(', ')})` : '(null)';
}

/** A byte-wise ordering of text (the service sorts names in JavaScript, code unit by code unit). */
export function binary(dialect: Dialect): string {
  return dialect === 'postgresql' ? 'collate "C"' : 'collate binary';
}

interface Sqlite3Database {
  all(sql: string, params: unknown[], cb: (err: Error | null, rows: unknown[]) => void): void;
  configure(option: 'busyTimeout', value: number): void;
  close(cb: (err: Error | null) => void): void;
}
interface Sqlite3Module {
  OPEN_READONLY: number;
  Database: new (path: string, mode: number, cb: (err: Error | null) => void) => Sqlite3Database;
}

/** The `sqlite3` module exactly as @mikro-orm/sqlite resolves it (it is that package's dependency, not ours). */
function loadSqlite3(): Sqlite3Module {
  const fromMikro = createRequire(require.resolve('@mikro-orm/sqlite'));
  const fromKnex = createRequire(fromMikro.resolve('knex'));
  for (const req of [fromMikro, fromKnex]) {
    try {
      return req('sqlite3') as Sqlite3Module;
    } catch {
      /* try the next resolution base */
    }
  }
  return require('sqlite3') as Sqlite3Module;
}

export async function openSqlite(path: string): Promise<Db> {
  const sqlite3 = loadSqlite3();
  const conn = await new Promise<Sqlite3Database>((resolve, reject) => {
    const d = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (err) => (err ? reject(err) : resolve(d)));
  });
  conn.configure('busyTimeout', 5000);
  const db: Db = {
    dialect: 'sqlite',
    all: <T>(sql: string, params: unknown[] = []) => new Promise<T[]>((resolve, reject) => conn.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[])))),
    close: () => new Promise<void>((resolve) => conn.close(() => resolve())),
  };
  return db;
}

export async function openPostgres(url: string): Promise<Db> {
  // Dates stay `YYYY-MM-DD` strings end to end, as in the service.
  const pool = new Pool({
    connectionString: url,
    max: 10,
    // Connections stay open between workloads, as the service's do (pg closes them after 10 s idle by
    // default: each open loop then began on new backends, ~22 ms each here before their first answer).
    idleTimeoutMillis: 0,
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === types.builtins.DATE ? (v: string) => v : types.getTypeParser(oid, format))) as typeof types.getTypeParser },
  });
  const db: Db = {
    dialect: 'postgresql',
    all: async <T>(sql: string, params: unknown[] = []) => {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      return (await pool.query(text, params)).rows as T[];
    },
    close: () => pool.end(),
  };
  return db;
}
