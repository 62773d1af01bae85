import type { Knex } from '@mikro-orm/knex';

/** The columns of a select: each output name with what it reads, a column reference (`o.name`) or an SQL expression. */
export type Columns = Readonly<Record<string, string | Knex.Raw>>;

/** The columns `names` of the table aliased `alias`, each under `prefix` followed by its own name. */
export function columnsOf(alias: string, names: readonly string[], prefix = ''): Columns {
  return Object.fromEntries(names.map((n) => [prefix + n, `${alias}.${n}`]));
}

/**
 * Column sets put together, in order; a set left out is `false` or `undefined`. Not by spreading a set
 * and adding columns after it (`{ ...set, name: … }`): on Node 20, each object built that way leaves
 * garbage in the old generation (by the figures, hidden classes of its own), where it stays until the
 * next full collection: the commune lookup's coverage statement left about 3 KB there per request.
 * `Object.assign` onto a new object leaves none.
 */
export function columnSets(...sets: (Columns | false | undefined)[]): Columns {
  const all: Record<string, string | Knex.Raw> = {};
  for (const set of sets) if (set) Object.assign(all, set);
  return all;
}

/**
 * Runs `q` selecting `columns` and returns its rows as objects keyed by the columns' names, as a plain
 * select would. On SQLite each row comes back as one JSON array: the sqlite3 driver hands every value
 * over to JavaScript separately, at about 0.7 µs each (a network map's 4,385 mandates × 28 columns:
 * 110 CPU ms as objects, 36 ms as JSON arrays parsed here). SQLite's JSON keeps integers and texts as
 * they are; REAL columns would keep 15 significant digits, so reads of them do not go through here.
 */
export async function selectRows<R>(q: Knex.QueryBuilder, columns: Columns): Promise<R[]> {
  const knex = clientOf(q);
  const entries = Object.entries(columns);
  // The select list is written here, once per statement, rather than by knex per column (a map's small statements spent more on that than on SQLite).
  if (knex.dialect !== 'sqlite3') {
    const rows: unknown[] = await q.select(knex.raw(entries.map(([name, e]) => `${sqlOf(e)} as ${quoted(name)}`).join(', ')));
    return rows as R[];
  }
  const rows: { r: string }[] = await q.select(knex.raw(`json_array(${entries.map(([, e]) => sqlOf(e)).join(', ')}) as r`));
  const toRow = rowMaker(entries.map(([name]) => name));
  return rows.map(({ r }) => toRow(JSON.parse(r)));
}

/**
 * `column in (ids)` with the ids as one parameter on SQLite (`json_each` of a JSON list): a map's
 * 1,311 body ids as one bound value instead of 1,311, which knex, the driver and SQLite's parser each
 * spent time on (W4's mandate statement 11 → 10 ms on SQLite alone). PostgreSQL keeps its IN list
 * (an array parameter measured within the noise there).
 */
export function whereIdIn(q: Knex.QueryBuilder, column: string, ids: readonly number[]): Knex.QueryBuilder {
  if (clientOf(q).dialect !== 'sqlite3') return q.whereIn(column, [...ids]);
  return q.whereRaw(`${sqlOf(column)} in (select value from json_each(?))`, [JSON.stringify(ids)]);
}

/** The knex client a query builder runs on (its dialect tells SQLite from PostgreSQL). */
const clientOf = (q: Knex.QueryBuilder): Knex.Client => (q as unknown as { client: Knex.Client }).client;

const NAME = /^[a-z_][a-z0-9_]*$/;

/** A column alias or name, double-quoted (the code names them; anything else is a mistake, refused). */
function quoted(name: string): string {
  if (!NAME.test(name)) throw new Error(`Not a column name: ${name}`);
  return `"${name}"`;
}

/** The SQL of a column reference (`alias.column`, quoted) or of an expression. */
function sqlOf(e: string | Knex.Raw): string {
  return typeof e === 'string' ? e.split('.').map(quoted).join('.') : e.toQuery();
}

const rowMakers = new Map<string, (values: unknown[]) => any>();

/** A function building a row object of a fixed shape from an array of values (one per column list, made once). */
function rowMaker(names: string[]): (values: unknown[]) => any {
  const key = names.join(',');
  let make = rowMakers.get(key);
  if (!make) {
    // The names are the select's own column aliases, quoted as JSON strings in the generated literal.
    make = new Function('v', `return { ${names.map((n, i) => `${JSON.stringify(n)}: v[${i}]`).join(', ')} };`) as (values: unknown[]) => any;
    rowMakers.set(key, make);
  }
  return make;
}
