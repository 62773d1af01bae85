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

  /**
   * The statements to run. On PostgreSQL, all of them as one, sent at once: the server runs them in
   * order in the migration's transaction, and the first that fails aborts it. A first start ran 167
   * statements one round trip after the other. SQLite's driver runs only the first statement of a call.
   */
  override getQueries(): ReturnType<Migration['getQueries']> {
    const queries = super.getQueries();
    if (this.getKnex().client.dialect !== 'postgresql' || !queries.every((q) => typeof q === 'string')) return queries;
    return queries.length ? [queries.join(';\n')] : [];
  }
}

/** The two provenance columns every registry table carries. */
export function provenanceColumns(t: Knex.CreateTableBuilder): void {
  t.string('provenance_status', 20).notNullable();
  t.string('provenance_source', 500).notNullable();
}
