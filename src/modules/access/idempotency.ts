import type { Knex } from '@mikro-orm/knex';
import type { RequestContext } from '../../graphql/context';
import { BadInputError } from '../../graphql/errors';

/**
 * Creations accept an idempotency key: the same caller sending the same key again gets the record
 * created the first time instead of a duplicate; a key already used for another operation is refused.
 */
export async function previousCreation(trx: Knex, ctx: RequestContext, key: string | undefined, operation: string): Promise<string | null> {
  if (!key || ctx.caller.kind !== 'token') return null;
  const row = await trx('idempotency_key').where({ token_id: ctx.caller.tokenId, key }).first();
  if (!row) return null;
  if (row.operation !== operation) {
    throw new BadInputError(`This idempotencyKey was already used for ${row.operation}: use a new key for each creation`, 'input.idempotencyKey');
  }
  return String(row.entity_id);
}

export async function rememberCreation(trx: Knex, ctx: RequestContext, key: string | undefined, operation: string, entityType: string, entityId: number): Promise<void> {
  if (!key || ctx.caller.kind !== 'token') return;
  await trx('idempotency_key').insert({
    token_id: ctx.caller.tokenId, key, operation, entity_type: entityType, entity_id: String(entityId), created_at: new Date().toISOString(),
  });
}
