import type { Knex } from '@mikro-orm/knex';

/** Bound parameters per statement: under SQLite's limit (32,766) and PostgreSQL's (65,535). */
const MAX_PARAMS = 30000;

/**
 * Multi-row inserts in large chunks, written as one `insert ... values (...), (...)` statement
 * per chunk: both SQLite (3.7.11+) and PostgreSQL accept it, and it is several times faster than
 * knex's SQLite form (a compound SELECT limited to 500 rows).
 */
export async function insertInChunks(trx: Knex, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `insert into ${trx.client.wrapIdentifier(table)} (${columns.map((c) => trx.client.wrapIdentifier(c)).join(', ')}) values `;
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const bindings = chunk.flatMap((row) => columns.map((c) => row[c] ?? null));
    await trx.raw(head + chunk.map(() => tuple).join(', '), bindings as Knex.RawBinding[]);
  }
}
