import type { Knex } from '@mikro-orm/knex';

/**
 * Multi-row inserts in chunks that stay under the databases' limits: knex writes SQLite
 * multi-row inserts as a compound SELECT (at most 500 terms), and parameters are bounded too.
 */
export async function insertInChunks(trx: Knex, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const size = Math.min(500, Math.max(1, Math.floor(30000 / Object.keys(rows[0]).length)));
  for (let i = 0; i < rows.length; i += size) {
    await trx(table).insert(rows.slice(i, i + size));
  }
}
