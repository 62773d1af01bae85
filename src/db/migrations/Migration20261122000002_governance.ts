import { PortableMigration, provenanceColumns } from './schema-builder';

/** Governance: persons and public roles, collèges, bodies, terms, posts and mandates. */
export class Migration20261122000002_governance extends PortableMigration {
  async up(): Promise<void> {
    this.queue(this.schema().createTable('person', (t) => {
      t.increments('id').primary();
      t.string('given_name', 100).notNullable();
      t.string('family_name', 100).notNullable();
      t.string('search_name', 200).notNullable();
      provenanceColumns(t);
      t.integer('version').notNullable().defaultTo(1);
      t.index(['search_name']);
    }));
    this.queue(this.schema().createTable('person_public_role', (t) => {
      t.increments('id').primary();
      t.integer('person_id').notNullable().references('id').inTable('person');
      t.string('kind', 40).notNullable();
      t.string('label', 300).notNullable();
      t.integer('organization_id').nullable().references('id').inTable('organization');
      t.string('territory_code', 5).nullable();
      t.date('start_date').nullable();
      t.date('end_date').nullable();
      provenanceColumns(t);
      t.index(['person_id']);
      t.index(['organization_id']);
    }));
    this.queue(this.schema().createTable('person_contact', (t) => {
      t.increments('id').primary();
      t.integer('person_id').notNullable().references('id').inTable('person');
      t.string('kind', 20).notNullable();
      t.string('value', 300).notNullable();
      t.index(['person_id']);
    }));
    this.queue(this.schema().createTable('college', (t) => {
      t.increments('id').primary();
      t.integer('organization_id').notNullable().references('id').inTable('organization');
      t.integer('number').notNullable();
      t.string('name', 300).notNullable();
      t.string('description', 1000).nullable();
      t.unique(['organization_id', 'number']);
    }));
    this.queue(this.schema().createTable('governing_body', (t) => {
      t.increments('id').primary();
      t.integer('organization_id').notNullable().references('id').inTable('organization');
      t.string('kind', 40).notNullable();
      t.string('name', 300).notNullable();
      t.string('description', 1000).nullable();
      t.string('meeting_frequency', 200).nullable();
      t.integer('secretariat_id').nullable().references('id').inTable('organization');
      t.integer('term_years').nullable();
      provenanceColumns(t);
      t.index(['organization_id']);
    }));
    this.queue(this.schema().createTable('body_term', (t) => {
      t.increments('id').primary();
      t.integer('body_id').notNullable().references('id').inTable('governing_body');
      t.date('start_date').notNullable();
      t.date('end_date').nullable();
      t.string('label', 100).nullable();
      t.index(['body_id']);
    }));
    this.queue(this.schema().createTable('post', (t) => {
      t.increments('id').primary();
      t.integer('body_id').notNullable().references('id').inTable('governing_body');
      t.string('kind', 30).notNullable();
      t.string('label', 300).notNullable();
      t.integer('seats').notNullable();
      t.integer('college_id').nullable().references('id').inTable('college');
      t.index(['body_id']);
    }));
    this.queue(this.schema().createTable('mandate', (t) => {
      t.increments('id').primary();
      t.integer('post_id').notNullable().references('id').inTable('post');
      t.integer('term_id').notNullable().references('id').inTable('body_term');
      t.integer('person_id').nullable().references('id').inTable('person');
      t.integer('holder_organization_id').nullable().references('id').inTable('organization');
      t.integer('college_id').nullable().references('id').inTable('college');
      t.integer('on_behalf_of_id').nullable().references('id').inTable('organization');
      t.string('role', 20).notNullable();
      t.date('start_date').notNullable();
      t.date('end_date').nullable();
      t.string('end_reason', 30).nullable();
      t.string('legal_basis', 300).nullable();
      t.integer('corrected_by_id').nullable().references('id').inTable('mandate');
      provenanceColumns(t);
      t.integer('version').notNullable().defaultTo(1);
      t.index(['post_id']);
      t.index(['term_id']);
      t.index(['person_id']);
      t.index(['holder_organization_id']);
      t.index(['on_behalf_of_id']);
      t.index(['start_date']);
    }));
  }
}
