import type { EntityManager, Knex } from '@mikro-orm/knex';
import type { RequestContext } from './context';
import { UserError, UserErrors } from './payload';

/**
 * Runs a mutation in one transaction. Business failures (UserErrors) roll it back and come back in
 * the payload; anything else rolls it back and propagates (masked by the error formatter).
 */
export async function runMutation<T>(ctx: RequestContext, work: (trx: Knex, em: EntityManager) => Promise<T>): Promise<{ result: T | null; userErrors: UserError[] }> {
  try {
    const result = await ctx.em.transactional(async (em) => work((em as EntityManager).getTransactionContext() as Knex, em as EntityManager));
    return { result, userErrors: [] };
  } catch (err) {
    if (err instanceof UserErrors) return { result: null, userErrors: err.errors };
    throw err;
  }
}
