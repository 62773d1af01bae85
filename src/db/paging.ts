import type { Knex } from '@mikro-orm/knex';
import { needsTotalFirst, Page, PageArgs, pageWindow } from '../graphql/pagination';
import { Columns, columnSets, selectRows } from './select-rows';

/**
 * One page of a filtered list whatever its size: the page's rows (`columns`) in order with the
 * number of matches, in one statement (a separate count first only when the page is counted from
 * the end, or lies past the end), shaped into items by `toItems`.
 */
export async function pageOfRows<R, T>(
  filtered: Knex.QueryBuilder,
  columns: Columns,
  order: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
  page: PageArgs,
  toItems: (rows: R[]) => T[] | Promise<T[]>,
): Promise<Page<T>> {
  if (!needsTotalFirst(page)) {
    const { offset, limit } = pageWindow(page, Number.MAX_SAFE_INTEGER);
    if (limit > 0) {
      const counted = (filtered as unknown as { client: Knex }).client.raw('count(*) over ()');
      const rows = await selectRows<R & { page_total: number | string }>(order(filtered.clone()).offset(offset).limit(limit), columnSets(columns, { page_total: counted }));
      if (rows.length > 0 || offset === 0) {
        return { items: await toItems(rows), offset, totalCount: rows.length ? Number(rows[0].page_total) : 0 };
      }
    }
  }
  const [{ n }] = await filtered.clone().count({ n: '*' });
  const totalCount = Number(n);
  const { offset, limit } = pageWindow(page, totalCount);
  if (limit === 0) return { items: [], offset, totalCount };
  const rows = await selectRows<R>(order(filtered.clone()).offset(offset).limit(limit), columns);
  return { items: await toItems(rows), offset, totalCount };
}

/** `pageOfRows` over the keys of the page, whose records `load` reads (through a loader, or joined with what they need). */
export function pageByKeys<K extends string | number, T>(
  filtered: Knex.QueryBuilder,
  keyColumn: string,
  order: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
  page: PageArgs,
  load: (keys: K[]) => Promise<T[]>,
  keyOf: (item: T) => K,
): Promise<Page<T>> {
  return pageOfRows(filtered, { key: keyColumn }, order, page, async (rows: { key: K }[]) => {
    const keys = rows.map((r) => (typeof r.key === 'string' ? r.key : Number(r.key)) as K);
    const byKey = new Map((await load(keys)).map((item) => [keyOf(item), item]));
    return keys.map((k) => byKey.get(k)!);
  });
}
