import type { Knex } from '@mikro-orm/knex';
import type { Page } from '../graphql/pagination';

/** Which slice of a list of `total` items to read. */
export type PageWindow = (total: number) => { offset: number; limit: number };

/**
 * One page of a filtered list in at most three statements whatever its size: count the matches,
 * read the keys of the page in order, then load those records (with `load`) and put them back in
 * that order.
 */
export async function pageByKeys<K extends string | number, T>(
  filtered: Knex.QueryBuilder,
  keyColumn: string,
  order: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
  window: PageWindow,
  load: (keys: K[]) => Promise<T[]>,
  keyOf: (item: T) => K,
): Promise<Page<T>> {
  const [{ n }] = await filtered.clone().count({ n: '*' });
  const totalCount = Number(n);
  const { offset, limit } = window(totalCount);
  if (limit === 0) return { items: [], offset, totalCount };
  const rows: { key: K }[] = await order(filtered.clone().select(`${keyColumn} as key`)).offset(offset).limit(limit);
  const keys = rows.map((r) => (typeof r.key === 'string' ? r.key : Number(r.key)) as K);
  const byKey = new Map((await load(keys)).map((item) => [keyOf(item), item]));
  return { items: keys.map((k) => byKey.get(k)!), offset, totalCount };
}
