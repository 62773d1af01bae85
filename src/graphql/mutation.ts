import type { EntityManager, Knex } from '@mikro-orm/knex';
import type { RequestContext } from './context';
import { UserError, UserErrors } from './payload';

/**
 * Runs a mutation in one transaction. Business failures (UserErrors) roll it back and come back in
 * the payload; anything else rolls it back and propagates (masked by the error formatter).
 */
export async function runMutation<T>(ctx: RequestContext, work: (trx: Knex, em: EntityManager) => Promise<T>): Promise<{ result: T | null; userErrors: UserError[] }> {
  try {
    const result = await oneWriterAtATime(ctx.em, () => inTransaction(ctx.em, work));
    return { result, userErrors: [] };
  } catch (err) {
    if (err instanceof UserErrors) return { result: null, userErrors: err.errors };
    throw err;
  }
}

/**
 * Runs `work` in a transaction, or in a savepoint of the transaction `em` is already in (one write
 * service calling another), handing it the transaction and an entity manager reading through it.
 * The writes go through the transaction's knex: the ORM's unit of work has nothing to flush. (Its
 * `em.transactional` would flush anyway and find the entity manager through async contexts, which
 * once switched on run hooks on every promise of the process: ~5 % of a large read's CPU.)
 */
function inTransaction<T>(em: EntityManager, work: (trx: Knex, em: EntityManager) => Promise<T>): Promise<T> {
  return em.getConnection().transactional((trx) => {
    const inside = em.fork();
    inside.setTransactionContext(trx);
    return work(trx, inside);
  }, { ctx: em.getTransactionContext() });
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
