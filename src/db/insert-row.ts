import type { Knex } from '@mikro-orm/knex';

/** Inserts one row and returns its generated id (drivers shape `returning` differently: `{ id }` or the bare value). */
export async function insertRow(trx: Knex, table: string, row: Record<string, unknown>): Promise<number> {
  const [inserted] = await trx(table).insert(row).returning('id');
  return Number(typeof inserted === 'object' && inserted !== null ? (inserted as { id: unknown }).id : inserted);
}
