import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../../src/config';

/** PostgreSQL server the suite uses when reachable (override with TEST_POSTGRES_URL). */
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

let reachable: Promise<boolean> | undefined;

/** True when the PostgreSQL server answers; false (and the suite says so) otherwise. */
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
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
  })();
  return reachable;
}

export type DatabaseKind = 'sqlite' | 'postgresql';

export interface TestDatabase {
  kind: DatabaseKind;
  settings: Settings;
  drop(): Promise<void>;
}

/** A fresh, empty database of the given kind: a temporary SQLite file, or a new PostgreSQL database. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const base: Settings = { sqlitePath: '', sqliteConnections: 4, port: 0, host: '127.0.0.1', seedOnStart: false, mode: 'development', introspection: true, explorer: true, metrics: true, responseCacheBytes: 0, heavyQuerySlots: 1, heapGrowthPercent: 0 };
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'registry-test-'));
    return { kind, settings: { ...base, sqlitePath: join(dir, 'registry.sqlite') }, drop: async () => undefined };
  }
  const name = `registry_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    kind,
    settings: { ...base, databaseUrl: url.toString() },
    drop: async () => {
      const c = new Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The database kinds this run covers, decided once by the global setup: SQLite always, PostgreSQL when reachable. */
export function databaseKinds(): DatabaseKind[] {
  return (process.env.TEST_DATABASES ?? 'sqlite').split(',') as DatabaseKind[];
}
