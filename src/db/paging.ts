import type { Knex } from '@mikro-orm/knex';
import { needsTotalFirst, Page, PageArgs, pageWindow } from '../graphql/pagination';

/**
 * One page of a filtered list whatever its size: the keys of the page in order with the number of
 * matches (one statement; a separate count first only when the page is counted from the end, or
 * lies past the end), then those records loaded with `load` and put back in that order.
 */
export async function pageByKeys<K extends string | number, T>(
  filtered: Knex.QueryBuilder,
  keyColumn: string,
  order: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
  page: PageArgs,
  load: (keys: K[]) => Promise<T[]>,
  keyOf: (item: T) => K,
): Promise<Page<T>> {
  const keysOf = (rows: { key: K }[]) => rows.map((r) => (typeof r.key === 'string' ? r.key : Number(r.key)) as K);
  const records = async (keys: K[]) => {
    const byKey = new Map((await load(keys)).map((item) => [keyOf(item), item]));
    return keys.map((k) => byKey.get(k)!);
  };
  if (!needsTotalFirst(page)) {
    const { offset, limit } = pageWindow(page, Number.MAX_SAFE_INTEGER);
    if (limit > 0) {
      const counted = (filtered as unknown as { client: Knex }).client.raw('count(*) over () as total');
      const rows: { key: K; total: number | string }[] = await order(filtered.clone().select(`${keyColumn} as key`, counted)).offset(offset).limit(limit);
      if (rows.length > 0 || offset === 0) {
        return { items: await records(keysOf(rows)), offset, totalCount: rows.length ? Number(rows[0].total) : 0 };
      }
    }
  }
  const [{ n }] = await filtered.clone().count({ n: '*' });
  const totalCount = Number(n);
  const { offset, limit } = pageWindow(page, totalCount);
  if (limit === 0) return { items: [], offset, totalCount };
  const rows: { key: K }[] = await order(filtered.clone().select(`${keyColumn} as key`)).offset(offset).limit(limit);
  return { items: await records(keysOf(rows)), offset, totalCount };
}
