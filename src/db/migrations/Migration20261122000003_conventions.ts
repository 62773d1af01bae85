import { PortableMigration, provenanceColumns } from './schema-builder';

/** Conventions (parties, status history, documents, objectives, actions, funding) and partnerships. */
export class Migration20261122000003_conventions extends PortableMigration {
  async up(): Promise<void> {
    this.queue(this.schema().createTable('convention', (t) => {
      t.increments('id').primary();
      t.string('kind', 40).notNullable();
      t.string('title', 500).notNullable();
      t.string('search_text', 700).notNullable();
      t.string('reference', 100).nullable().unique();
      t.string('status', 20).notNullable();
      t.date('start_date').notNullable();
      t.date('end_date').notNullable();
      t.date('signed_on').nullable();
      t.string('duration_exception', 500).nullable();
      t.integer('renews_id').nullable().references('id').inTable('convention');
      t.integer('national_convention_id').nullable().references('id').inTable('convention');
      t.string('theme', 300).nullable();
      provenanceColumns(t);
      t.integer('version').notNullable().defaultTo(1);
      t.index(['kind']);
      t.index(['status']);
      t.index(['end_date']);
      t.index(['national_convention_id']);
    }));
    this.queue(this.schema().createTable('convention_party', (t) => {
      t.increments('id').primary();
      t.integer('convention_id').notNullable().references('id').inTable('convention');
      t.integer('organization_id').notNullable().references('id').inTable('organization');
      t.string('role', 20).notNullable();
      t.unique(['convention_id', 'organization_id', 'role']);
      t.index(['convention_id']);
      t.index(['organization_id']);
    }));
    this.queue(this.schema().createTable('convention_status_change', (t) => {
      t.increments('id').primary();
      t.integer('convention_id').notNullable().references('id').inTable('convention');
      t.string('status', 20).notNullable();
      t.date('date').notNullable();
      t.string('note', 500).nullable();
      t.index(['convention_id']);
    }));
    this.queue(this.schema().createTable('convention_document', (t) => {
      t.increments('id').primary();
      t.integer('convention_id').notNullable().references('id').inTable('convention');
      t.string('title', 300).notNullable();
      t.string('reference', 200).nullable();
      t.string('url', 500).nullable();
      t.index(['convention_id']);
    }));
    this.queue(this.schema().createTable('convention_objective', (t) => {
      t.increments('id').primary();
      t.integer('convention_id').notNullable().references('id').inTable('convention');
      t.string('axis', 10).notNullable();
      t.string('code', 10).notNullable();
      t.string('title', 500).notNullable();
      t.index(['convention_id']);
    }));
    this.queue(this.schema().createTable('convention_action', (t) => {
      t.increments('id').primary();
      t.integer('objective_id').notNullable().references('id').inTable('convention_objective');
      t.string('title', 500).notNullable();
      t.date('start_date').nullable();
      t.date('end_date').nullable();
      t.index(['objective_id']);
    }));
    this.queue(this.schema().createTable('funding_line', (t) => {
      t.increments('id').primary();
      t.integer('convention_id').notNullable().references('id').inTable('convention');
      t.integer('financer_id').notNullable().references('id').inTable('organization');
      t.integer('year').notNullable();
      t.string('axis', 10).nullable();
      t.bigInteger('amount_cents').notNullable();
      provenanceColumns(t);
      t.index(['convention_id']);
      t.index(['financer_id']);
    }));
    this.queue(this.schema().createTable('partnership', (t) => {
      t.increments('id').primary();
      t.integer('network_organization_id').notNullable().references('id').inTable('organization');
      t.integer('partner_id').notNullable().references('id').inTable('organization');
      t.string('theme', 40).notNullable();
      t.string('scope', 20).notNullable();
      t.string('description', 1000).nullable();
      t.date('start_date').notNullable();
      t.date('end_date').nullable();
      provenanceColumns(t);
      t.integer('version').notNullable().defaultTo(1);
      t.index(['network_organization_id']);
      t.index(['partner_id']);
    }));
    this.queue(this.schema().createTable('partnership_convention', (t) => {
      t.increments('id').primary();
      t.integer('partnership_id').notNullable().references('id').inTable('partnership');
      t.integer('convention_id').notNullable().references('id').inTable('convention');
      t.unique(['partnership_id', 'convention_id']);
      t.index(['convention_id']);
    }));
  }
}
