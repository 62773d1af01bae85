import type { EntityManager, Knex } from '@mikro-orm/knex';
import { columnsOf, selectRows, whereIdIn } from '../../src/db/select-rows';
import { ORGANIZATION_COLUMNS } from '../../src/modules/organization/organization.repository';
import { COMMUNE_COLUMNS } from '../../src/modules/territory/territory.repository';
import { BODY_COLUMNS, MANDATE_COLUMNS } from '../../src/modules/governance/governance.loaders';
import { PERSON_COLUMNS } from '../../src/modules/person/person.loaders';
import { databaseKinds } from '../support/databases';
import { bundle } from '../support/bundled';
import { startRegistry, TestRegistry } from '../support/registry';

/** The column lists the read paths select by name, with the table each must cover entirely. */
const LISTS: [table: string, columns: readonly string[]][] = [
  ['organization', ORGANIZATION_COLUMNS], ['commune', COMMUNE_COLUMNS], ['governing_body', BODY_COLUMNS],
  ['mandate', MANDATE_COLUMNS], ['person', ['id', ...PERSON_COLUMNS]],
];

describe.each(databaseKinds())('rows read by column lists on %s', (kind) => {
  let registry: TestRegistry;
  let knex: Knex;
  beforeAll(async () => {
    registry = await startRegistry(kind, bundle());
    knex = (registry.orm.em as EntityManager).getKnex();
  });
  afterAll(() => registry.stop());

  it.each(LISTS)('the list for %s names every column of the table', async (table, columns) => {
    const actual = Object.keys(await knex(table).columnInfo());
    expect([...columns].sort()).toEqual(actual.sort());
  });

  it.each(LISTS)('%s: every row reads the same as a plain select (integers, texts, nulls, booleans)', async (table, columns) => {
    const key = table === 'commune' ? 'code' : 'id';
    const plain = await knex(`${table} as t`).select('t.*').orderBy(`t.${key}`);
    const read = await selectRows<Record<string, unknown>>(knex(`${table} as t`).orderBy(`t.${key}`), columnsOf('t', columns));
    expect(plain.length).toBeGreaterThan(100);
    expect(read).toEqual(plain);
  });

  it('reads expressions and renamed columns, and nothing when nothing matches', async () => {
    const rows = await selectRows<{ code: string; n: number | string; upper: string }>(
      knex('region as r').where('r.code', '53').groupBy('r.code'),
      { code: 'r.code', n: knex.raw('count(*)'), upper: knex.raw('upper(r.name)') });
    expect(rows.map((r) => ({ ...r, n: Number(r.n) }))).toEqual([{ code: '53', n: 1, upper: 'BRETAGNE' }]);
    expect(await selectRows(knex('region as r').where('r.code', 'none'), { code: 'r.code' })).toEqual([]);
  });

  it('selects by a list of ids (one JSON parameter on SQLite) as an IN list does, an empty list included', async () => {
    const ids = (await knex('governing_body').select('id').orderBy('id')).map((r: { id: number }) => Number(r.id)).filter((_, i) => i % 3 === 0);
    expect(ids.length).toBeGreaterThan(100);
    for (const list of [ids, [ids[0]], [], [-1]]) {
      const plain = await knex('governing_body as b').whereIn('b.id', list).orderBy('b.id').select('b.id', 'b.name');
      expect(await whereIdIn(knex('governing_body as b'), 'b.id', list).orderBy('b.id').select('b.id', 'b.name')).toEqual(plain);
    }
  });
});
