import { PortableMigration } from './schema-builder';

/**
 * Governing bodies and posts become editable through the API: each carries the version its writers
 * send back (optimistic locking). Existing rows start at version 1.
 */
export class Migration20261130000006_governance_versions extends PortableMigration {
  async up(): Promise<void> {
    for (const table of ['governing_body', 'post']) {
      this.queue(this.schema().alterTable(table, (t) => {
        t.integer('version').notNullable().defaultTo(1);
      }));
    }
  }
}
