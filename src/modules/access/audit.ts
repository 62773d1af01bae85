import type { Knex } from '@mikro-orm/knex';
import type { RequestContext } from '../../graphql/context';

/**
 * Appends one line to the audit log, in the mutation's transaction: it exists only if the change
 * does. No API changes or deletes audit lines.
 */
export async function recordAudit(
  trx: Knex,
  ctx: RequestContext,
  entry: { operation: string; entityType: string; entityId: string | number; before: unknown; after: unknown },
): Promise<void> {
  const caller = ctx.caller;
  await trx('audit_event').insert({
    occurred_at: new Date().toISOString(),
    request_id: ctx.requestId,
    token_id: caller.kind === 'token' ? caller.tokenId : null,
    actor_role: caller.kind === 'token' ? caller.role : 'ANONYMOUS',
    actor_organization_id: caller.kind === 'token' ? caller.organizationId : null,
    operation: entry.operation,
    entity_type: entry.entityType,
    entity_id: String(entry.entityId),
    before_json: entry.before === null ? null : JSON.stringify(entry.before),
    after_json: entry.after === null ? null : JSON.stringify(entry.after),
  });
}
