import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/knex';
import { openDatabase } from '../../src/db/database';
import { BulkLoad } from '../../src/seed/insert';
import { createTestDatabase, databaseKinds, TestDatabase } from '../support/databases';

/**
 * The bulk load of a first start (`BulkLoad`): on PostgreSQL rows go in by COPY, sent without waiting;
 * on SQLite by JSON chunks, awaited. Both must store every value as given, and a failure must leave
 * nothing behind.
 */
describe.each(databaseKinds())('bulk load on %s', (kind) => {
  let db: TestDatabase;
  let orm: MikroORM;
  let knex: Knex;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    ({ orm } = await openDatabase(db.settings));
    knex = (orm.em as EntityManager).getKnex();
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });
  afterEach(async () => {
    for (const table of ['commune', 'departement', 'region']) await knex(table).delete();
  });

  const region = { code: '99', name: 'Région d’essai', zone: 'metro' };
  const departement = { code: '9A', name: 'Département', region_code: '99' };
  // Every character COPY's text format escapes, a lone backslash before a letter (COPY reads `\N` as
  // null), non-ASCII letters, numbers, booleans, null and an absent value.
  const names = ['Tab\there', 'Line\nbreak', 'Carriage\rreturn', 'Back\\slash', 'Not null \\N', '\\', 'Saint-Étienne-du-Grès', 'Ŷ 🙂', ''];
  const communes = names.map((name, i) => ({
    code: `99${String(i).padStart(3, '0')}`,
    name,
    search_name: name.toLowerCase(),
    kind: 'COMMUNE',
    departement_code: '9A',
    region_code: '99',
    parent_code: i % 2 ? null : undefined,
    epci_code: null,
    population: i === 0 ? null : i * 1000,
    coverable: i % 2 === 0,
  }));

  it('stores every value as given', async () => {
    await knex.transaction(async (trx) => {
      const bulk = new BulkLoad(trx);
      await bulk.insert('region', [region]);
      await bulk.insert('departement', [departement]);
      await bulk.insert('commune', communes);
      await bulk.insert('commune', []);
      await bulk.done();
    });
    const stored = await knex('commune').select('code', 'name', 'search_name', 'parent_code', 'population', 'coverable').orderBy('code');
    expect(stored.map((r) => ({ ...r, coverable: Boolean(r.coverable), population: r.population === null ? null : Number(r.population) })))
      .toEqual(communes.map((c) => ({ code: c.code, name: c.name, search_name: c.search_name, parent_code: null, population: c.population, coverable: c.coverable })));
  });

  it('fails with the first failure, sends nothing after it, and leaves nothing behind', async () => {
    const sent: string[] = [];
    const listener = (q: { sql: string }) => sent.push(q.sql);
    knex.on('query', listener);
    try {
      await expect(knex.transaction(async (trx) => {
        const bulk = new BulkLoad(trx);
        await bulk.insert('region', [region]);
        await bulk.insert('departement', [departement]);
        await bulk.insert('commune', communes);
        await bulk.insert('commune', communes.slice(0, 1)); // the same code again
        await bulk.send(trx('region').update({ name: 'never' }));
        await bulk.done();
      })).rejects.toThrow(/unique|duplicate/i);
    } finally {
      knex.off('query', listener);
    }
    expect(sent.filter((sql) => /^update/i.test(sql))).toEqual([]);
    for (const table of ['commune', 'departement', 'region']) expect(Number((await knex(table).count({ n: '*' }))[0].n)).toBe(0);
  });

  // SQLite's JSON chunks store such a value as its JSON text, as a bound value would have been.
  if (kind === 'postgresql') it('refuses a value with no COPY text form rather than storing something else', async () => {
    await expect(knex.transaction(async (trx) => {
      const bulk = new BulkLoad(trx);
      await bulk.insert('region', [{ ...region, name: { text: 'an object' } }]);
      await bulk.done();
    })).rejects.toThrow(/no COPY text form/);
    expect(Number((await knex('region').count({ n: '*' }))[0].n)).toBe(0);
  });
});
