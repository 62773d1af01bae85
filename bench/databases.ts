/** Fresh databases for one bench configuration: a temporary SQLite file, or a new PostgreSQL database. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export type DatabaseKind = 'sqlite' | 'postgresql';

/** Where PostgreSQL databases are created (and dropped): the tests' server unless told otherwise. */
export const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export interface BenchDatabase {
  kind: DatabaseKind;
  /** What the service, the baseline and the helper scripts get in their environment. */
  env: { SQLITE_PATH?: string; DATABASE_URL?: string };
  /**
   * Brings the database to its steady state after the bulk load (PostgreSQL: VACUUM ANALYZE, which
   * autovacuum would run within a minute or so): planner statistics and visibility map are then set
   * before measuring, and plans do not change in the middle of a run.
   * SQLite never gathers statistics on its own, and the service does not ask for them: nothing to do.
   */
  analyze(): Promise<void>;
  /** PostgreSQL: ids of the server processes serving this database now (their CPU is not in the client's). */
  backendPids(): Promise<number[]>;
  drop(): Promise<void>;
}

export async function postgresReachable(): Promise<boolean> {
  const client = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function run(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createDatabase(kind: DatabaseKind): Promise<BenchDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'registry-bench-'));
    return {
      kind, env: { SQLITE_PATH: join(dir, 'registry.sqlite') },
      analyze: async () => undefined,
      backendPids: async () => [],
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `registry_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await run(POSTGRES_URL, `create database ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    kind, env: { DATABASE_URL: url.toString() },
    analyze: () => run(url.toString(), 'vacuum analyze'),
    backendPids: async () => {
      const client = new Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [name]);
        return rows.map((r) => Number(r.pid));
      } finally {
        await client.end();
      }
    },
    drop: () => run(POSTGRES_URL, `drop database if exists ${name} with (force)`),
  };
}
