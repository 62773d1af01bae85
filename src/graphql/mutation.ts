import type { EntityManager, Knex } from '@mikro-orm/knex';
import type { RequestContext } from './context';
import { UserError, UserErrors } from './payload';

/**
 * Runs a mutation in one transaction. Business failures (UserErrors) roll it back and come back in
 * the payload; anything else rolls it back and propagates (masked by the error formatter).
 */
export async function runMutation<T>(ctx: RequestContext, work: (trx: Knex, em: EntityManager) => Promise<T>): Promise<{ result: T | null; userErrors: UserError[] }> {
  try {
    const result = await oneWriterAtATime(ctx.em, () =>
      ctx.em.transactional(async (em) => work((em as EntityManager).getTransactionContext() as Knex, em as EntityManager)));
    return { result, userErrors: [] };
  } catch (err) {
    if (err instanceof UserErrors) return { result: null, userErrors: err.errors };
    throw err;
  }
}

/** The write transaction last started on each SQLite database (by its connection), settled or not. */
const lastWrite = new WeakMap<object, Promise<unknown>>();

/**
 * Runs `write` once the previous write transaction on the same SQLite database has finished. SQLite has
 * one writer, and a transaction that read before writing fails at once (SQLITE_BUSY) instead of waiting
 * when another connection wrote in between: this server's transactions take turns, while its reads go on
 * on the other connections. On PostgreSQL they run side by side (row locks and version checks apply).
 */
function oneWriterAtATime<T>(em: EntityManager, write: () => Promise<T>): Promise<T> {
  // Inside a transaction (one write service calling another), the work is a savepoint of the turn already held.
  if (em.getKnex().client.dialect !== 'sqlite3' || em.isInTransaction()) return write();
  const connection = em.getConnection();
  const turn = (lastWrite.get(connection) ?? Promise.resolve()).then(write);
  lastWrite.set(connection, turn.catch(() => undefined));
  return turn;
}
