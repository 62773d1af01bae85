import { Migration } from '@mikro-orm/migrations';
import type { Knex } from '@mikro-orm/knex';

/**
 * Base class of the registry's migrations: they are written once with knex's schema builder,
 * which emits the right SQL for SQLite and for PostgreSQL, so both databases share one history.
 */
export abstract class PortableMigration extends Migration {
  /** A new schema builder: knex builders accumulate, so each table gets its own. */
  protected schema(): Knex.SchemaBuilder {
    return this.getKnex().schema;
  }

  /** Queues every statement of a schema builder (knex may emit several, e.g. for indexes). */
  protected queue(builder: Knex.SchemaBuilder): void {
    for (const { sql } of builder.toSQL() as unknown as { sql: string }[]) this.addSql(sql);
  }
}

/** The two provenance columns every registry table carries. */
export function provenanceColumns(t: Knex.CreateTableBuilder): void {
  t.string('provenance_status', 20).notNullable();
  t.string('provenance_source', 500).notNullable();
}
