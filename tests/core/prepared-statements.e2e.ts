import type { EntityManager, Knex } from '@mikro-orm/knex';
import { openDatabase } from '../../src/db/database';
import { MAX_BINDINGS, MAX_STATEMENTS } from '../../src/db/prepared-statements';
import { createTestDatabase, databaseKinds } from '../support/databases';
import { startRegistry } from '../support/registry';
import { tinyNetwork } from '../support/tiny-network';

/** The statements prepared on `connection`, by their text. */
async function prepared(knex: Knex, connection: unknown): Promise<string[]> {
  const { rows } = await knex.raw('select statement from pg_prepared_statements').connection(connection);
  return rows.map((r: { statement: string }) => r.statement);
}

describe.each(databaseKinds().filter((kind) => kind === 'postgresql'))('reads on %s', () => {
  it('are prepared once per connection, within bounds: selects of a few values, not select *, not writes, at most MAX_STATEMENTS texts', async () => {
    const db = await createTestDatabase('postgresql');
    const { orm } = await openDatabase(db.settings);
    try {
      const knex = (orm.em as EntityManager).getKnex();
      // Every statement on one connection of the pool (the service's reads take any free one).
      const connection = await knex.client.acquireConnection();
      try {
        const on = <T extends Knex.QueryBuilder | Knex.Raw>(q: T): T => q.connection(connection) as T;
        const light = () => on(knex('region').select('code', 'name').where('code', '53'));
        expect(await light()).toEqual([]); // nothing loaded yet: the statement runs and finds nothing
        await on(knex('region').insert({ code: '53', name: 'Bretagne', zone: 'metro' }));
        expect(await light()).toEqual([{ code: '53', name: 'Bretagne' }]); // the prepared statement, run again
        const codes = Array.from({ length: MAX_BINDINGS + 1 }, (_, i) => String(i));
        expect(await on(knex('region').select('code').whereIn('code', codes))).toEqual([]);
        expect(await on(knex('region').select('*').where('code', '53'))).toHaveLength(1);

        const texts = await prepared(knex, connection);
        expect(texts.filter((t) => /from "region" where "code" = \$1$/.test(t))).toEqual(['select "code", "name" from "region" where "code" = $1']);
        expect(texts.some((t) => /insert/i.test(t))).toBe(false);
        expect(texts.some((t) => /select \*/.test(t))).toBe(false);
        expect(texts.some((t) => t.includes(`$${MAX_BINDINGS + 1}`))).toBe(false);

        // Texts past the bound run unnamed, and still answer.
        for (let i = texts.length; i <= MAX_STATEMENTS; i++) {
          expect(await on(knex.select(knex.raw(`${i} as n`)).where(knex.raw('1 = ?', [1])))).toEqual([{ n: i }]);
        }
        const all = await prepared(knex, connection);
        expect(all).toHaveLength(MAX_STATEMENTS);
        expect(all.some((t) => t.startsWith(`select ${MAX_STATEMENTS} as n`))).toBe(false);
      } finally {
        await knex.client.releaseConnection(connection);
      }
    } finally {
      await orm.close(true);
      await db.drop();
    }
  });

  it('include the commune lookup of the service, which answers the same from its prepared statements', async () => {
    const registry = await startRegistry('postgresql', { network: tinyNetwork() });
    try {
      const lookup = '{ communes(filter: { postalCode: "35300" }) { totalCount nodes { code postalCodes departement { name } missionsLocales { name } } } }';
      const first = await registry.query(lookup);
      expect(first.errors).toBeUndefined();
      expect(first.data.communes.nodes.map((c: { code: string }) => c.code)).toContain('35115');
      for (let i = 0; i < 6; i++) expect(await registry.query(lookup)).toMatchObject({ data: first.data }); // past PostgreSQL's five custom plans
      const knex = (registry.orm.em as EntityManager).getKnex();
      const pool = knex.client.pool;
      const connections = await Promise.all(Array.from({ length: pool.numFree() }, () => knex.client.acquireConnection()));
      try {
        const texts = (await Promise.all(connections.map((c) => prepared(knex, c)))).flat();
        expect(texts.filter((t) => /from "commune_coverage"/.test(t)).length).toBeGreaterThanOrEqual(1);
        expect(texts.filter((t) => /from "commune_postal_code" where "postal_code" = \$1/.test(t)).length).toBeGreaterThanOrEqual(1);
      } finally {
        await Promise.all(connections.map((c) => knex.client.releaseConnection(c)));
      }
    } finally {
      await registry.stop();
    }
  });
});
