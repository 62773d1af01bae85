import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/knex';
import { openDatabase } from '../../src/db/database';
import { LoadDialect, recordLoad } from '../../src/seed/recorded-load';
import { loadBundle, SeedSource } from '../../src/seed/seed-registry';
import { bundle } from '../support/bundled';
import { createTestDatabase, databaseKinds, DatabaseKind, TestDatabase } from '../support/databases';

/** Every table's rows in a canonical order, and on PostgreSQL where each id sequence stands. */
async function contents(orm: MikroORM): Promise<Record<string, unknown[]>> {
  const knex: Knex = (orm.em as EntityManager).getKnex();
  const postgres = knex.client.dialect === 'postgresql';
  const tables: string[] = postgres
    ? (await knex.raw(`select tablename as name from pg_tables where schemaname = 'public' order by 1`)).rows.map((r: { name: string }) => r.name)
    : (await knex.raw(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by 1`)).map((r: { name: string }) => r.name);
  const out: Record<string, unknown[]> = {};
  for (const table of tables.filter((t) => t !== 'mikro_orm_migrations')) {
    const rows: Record<string, unknown>[] = await knex(table).select('*');
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  if (postgres) out['(sequences)'] = (await knex.raw(`select sequencename, last_value from pg_sequences order by 1`)).rows;
  return out;
}

/**
 * A first start replays the bundled data's load recorded at build time (`builtBundle`). The registry
 * it leaves must be the one loading the bundled data itself leaves: every row of every table, and the
 * next ids.
 */
describe.each(databaseKinds())('a recorded load replayed on %s', (kind: DatabaseKind) => {
  const opened: { orm: MikroORM; db: TestDatabase }[] = [];
  afterAll(async () => {
    for (const { orm, db } of opened) {
      await orm.close(true);
      await db.drop();
    }
  });

  async function loaded(source: (dialect: LoadDialect) => SeedSource): Promise<MikroORM> {
    const db = await createTestDatabase(kind);
    const { orm, seeded } = await openDatabase(db.settings, source);
    opened.push({ orm, db });
    expect(seeded).toBe(true);
    return orm;
  }

  it('leaves the rows and next ids loading the bundle leaves', async () => {
    const direct = await contents(await loaded(() => bundle()));
    const dialect: LoadDialect = kind === 'postgresql' ? 'postgresql' : 'sqlite3';
    const recorded = await recordLoad(dialect, (load) => loadBundle(load, bundle()));
    const replayed = await contents(await loaded((asked) => {
      expect(asked).toBe(dialect);
      return recorded;
    }));
    expect(Object.keys(replayed)).toEqual(Object.keys(direct));
    for (const table of Object.keys(direct)) expect({ table, rows: replayed[table] }).toEqual({ table, rows: direct[table] });
    expect(direct.commune.length).toBeGreaterThan(34_900);
    expect(direct.mandate.length).toBeGreaterThan(1000);
  });
});
