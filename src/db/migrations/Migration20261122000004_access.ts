import { PortableMigration } from './schema-builder';

/** Write access: API tokens, the append-only audit log, idempotency keys of creations. */
export class Migration20261122000004_access extends PortableMigration {
  async up(): Promise<void> {
    this.queue(this.schema().createTable('api_token', (t) => {
      t.increments('id').primary();
      t.string('token_hash', 64).notNullable().unique();
      t.string('role', 20).notNullable();
      t.integer('organization_id').nullable().references('id').inTable('organization');
      t.string('label', 200).notNullable();
      t.string('created_at', 30).notNullable();
      t.string('expires_at', 30).nullable();
      t.string('revoked_at', 30).nullable();
    }));
    this.queue(this.schema().createTable('audit_event', (t) => {
      t.increments('id').primary();
      t.string('occurred_at', 30).notNullable();
      t.string('request_id', 64).nullable();
      t.integer('token_id').nullable().references('id').inTable('api_token');
      t.string('actor_role', 20).notNullable();
      t.integer('actor_organization_id').nullable();
      t.string('operation', 80).notNullable();
      t.string('entity_type', 40).notNullable();
      t.string('entity_id', 40).notNullable();
      t.text('before_json').nullable();
      t.text('after_json').nullable();
      t.index(['entity_type', 'entity_id']);
      t.index(['occurred_at']);
      t.index(['token_id']);
    }));
    this.queue(this.schema().createTable('idempotency_key', (t) => {
      t.increments('id').primary();
      t.integer('token_id').notNullable().references('id').inTable('api_token');
      t.string('key', 100).notNullable();
      t.string('operation', 80).notNullable();
      t.string('entity_type', 40).notNullable();
      t.string('entity_id', 40).notNullable();
      t.string('created_at', 30).notNullable();
      t.unique(['token_id', 'key']);
    }));
  }
}
