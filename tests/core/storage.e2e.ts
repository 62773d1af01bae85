import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { openDatabase } from '../../src/db/database';
import { ormOptions } from '../../src/db/orm.config';
import { migrationsList } from '../../src/db/migrations';
import { createTestDatabase, databaseKinds } from '../support/databases';
import { startRegistry } from '../support/registry';
import { tinyNetwork } from '../support/tiny-network';

describe('embedded SQLite storage', () => {
  it('runs with WAL, foreign keys and a busy timeout on its connection', async () => {
    const registry = await startRegistry('sqlite', { network: tinyNetwork() });
    try {
      const knex = (registry.orm.em as EntityManager).getKnex();
      const pragma = async (name: string) => Object.values((await knex.raw(`pragma ${name}`))[0])[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
      expect(await pragma('synchronous')).toBe(1); // NORMAL: durable with WAL, without an fsync per read
      await expect(knex('site').insert({ organization_id: 9999, kind: 'ANTENNA', name: 'x', commune_code: '35115', provenance_status: 'ILLUSTRATIVE', provenance_source: 't' }))
        .rejects.toThrow(/FOREIGN KEY/);
    } finally {
      await registry.stop();
    }
  });
});

/** Every index and constraint of the registry's tables, as their definitions. */
async function schemaObjects(orm: MikroORM): Promise<string[]> {
  const knex = (orm.em as EntityManager).getKnex();
  if (knex.client.dialect !== 'postgresql') {
    return (await knex.raw("select sql from sqlite_master where type in ('table', 'index') and sql is not null order by name")).map((r: { sql: string }) => r.sql);
  }
  const { rows } = await knex.raw(`
    select indexdef as def from pg_indexes where schemaname = current_schema()
    union all
    select format('%s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) from pg_constraint where connamespace = current_schema()::regnamespace
    order by 1`);
  return rows.map((r: { def: string }) => r.def);
}

describe.each(databaseKinds())('migrations on %s', (kind) => {
  it('leave the same indexes and keys, all valid, whether the bundled data was then loaded or not', async () => {
    // On PostgreSQL the seed sets the big tables' indexes and foreign keys aside and builds them again.
    const seeded = await startRegistry(kind, { network: tinyNetwork() });
    const bare = await createTestDatabase(kind);
    const { orm } = await openDatabase(bare.settings);
    try {
      const objects = await schemaObjects(seeded.orm);
      expect(objects.filter((d) => /commune_coverage/.test(d)).length).toBeGreaterThanOrEqual(4);
      expect(objects).toEqual(await schemaObjects(orm));
      const knex = (seeded.orm.em as EntityManager).getKnex();
      expect(Number((await knex('commune').count({ n: '*' }))[0].n)).toBeGreaterThan(1000);
      if (kind === 'postgresql') {
        const [{ invalid }] = (await knex.raw(`select
          (select count(*) from pg_index x join pg_class t on t.oid = x.indrelid where t.relnamespace = current_schema()::regnamespace and not (x.indisvalid and x.indisready))
          + (select count(*) from pg_constraint where connamespace = current_schema()::regnamespace and not convalidated) as invalid`)).rows;
        expect(Number(invalid)).toBe(0);
      }
      await expect(knex('commune_coverage').insert({ organization_id: 1, commune_code: 'XXXXX', start_date: '2026-01-01', provenance_status: 'ILLUSTRATIVE', provenance_source: 't' }))
        .rejects.toThrow(/foreign key/i);
    } finally {
      await orm.close(true);
      await bare.drop();
      await seeded.stop();
    }
  });

  it('are applied once and leave nothing pending; a second start changes nothing', async () => {
    const registry = await startRegistry(kind, { network: tinyNetwork() });
    try {
      const migrator = registry.orm.getMigrator();
      expect(await migrator.getPendingMigrations()).toEqual([]);
      expect((await migrator.getExecutedMigrations()).map((m) => m.name)).toEqual(['Migration20261122000001_core', 'Migration20261122000002_governance', 'Migration20261122000003_conventions', 'Migration20261122000004_access', 'Migration20261130000005_read_indexes', 'Migration20261130000006_governance_versions']);
      expect(await migrator.up()).toEqual([]);
      const ready = await fetch(registry.url.replace('/graphql', '/ready'));
      expect(ready.status).toBe(200);
    } finally {
      await registry.stop();
    }
  });

  it('run in one transaction: a statement that fails undoes every migration; on PostgreSQL, one round trip per migration', async () => {
    const db = await createTestDatabase(kind);
    let orm = await MikroORM.init(ormOptions(db.settings));
    try {
      let knex = (orm.em as EntityManager).getKnex();
      // A table in the way of the first migration's later statements (commune_coverage is made after region, commune...).
      await knex.schema.createTable('commune_coverage', (t) => t.integer('x'));
      await expect(orm.getMigrator().up()).rejects.toThrow(/commune_coverage/);
      expect(await knex.schema.hasTable('region')).toBe(false);
      expect(await knex.schema.hasTable('organization')).toBe(false);
      await knex.schema.dropTable('commune_coverage');
      await orm.close(true);

      orm = await MikroORM.init(ormOptions(db.settings));
      knex = (orm.em as EntityManager).getKnex();
      const statements: string[] = [];
      knex.on('query', (q: { sql: string }) => statements.push(q.sql));
      expect((await orm.getMigrator().up()).map((m) => m.name)).toEqual(migrationsList.map((m) => m.name));
      expect(await knex.schema.hasTable('commune_coverage')).toBe(true);
      const creates = statements.filter((sql) => /create table/i.test(sql));
      if (kind === 'postgresql') {
        // The migrations table, then each migration's statements as one.
        expect(statements.length).toBeLessThan(40);
        expect(creates.filter((sql) => /create table "region"/.test(sql))).toHaveLength(1);
        expect(creates.find((sql) => /create table "region"/.test(sql))).toMatch(/create table "commune_coverage"/);
      } else {
        expect(creates.length).toBeGreaterThan(30);
      }
    } finally {
      await orm.close(true);
      await db.drop();
    }
  });
});

describe.each(databaseKinds().filter((kind) => kind === 'postgresql'))('connections to %s', () => {
  it('are kept once opened: the connections of a burst are all still there after an idle hour', async () => {
    const db = await createTestDatabase('postgresql');
    const orm = await MikroORM.init(ormOptions(db.settings));
    try {
      const knex = (orm.em as EntityManager).getKnex();
      // Six transactions open at once, each on its own connection: the backends' process ids.
      const burst = async () => {
        const pids: number[] = [];
        let allOpen!: () => void;
        const barrier = new Promise<void>((resolve) => { allOpen = resolve; });
        await Promise.all(Array.from({ length: 6 }, () => knex.transaction(async (trx) => {
          pids.push((await trx.raw('select pg_backend_pid() as pid')).rows[0].pid);
          if (pids.length === 6) allOpen();
          await barrier;
        })));
        return new Set(pids);
      };
      const opened = await burst();
      expect(opened.size).toBe(6);
      // The pool's reaper (tarn), run as if an hour had passed since each connection was last used.
      const pool = knex.client.pool;
      const now = Date.now();
      const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 3_600_000);
      try {
        pool.check();
      } finally {
        clock.mockRestore();
      }
      expect(pool.numFree()).toBe(6);
      expect(await burst()).toEqual(opened);
    } finally {
      await orm.close(true);
      await db.drop();
    }
  });
});
