import { PortableMigration, provenanceColumns } from './schema-builder';

/** Registry core: geography, organizations, their links, change events, coverage and sites. */
export class Migration20261122000001_core extends PortableMigration {
  async up(): Promise<void> {
    this.queue(this.schema().createTable('region', (t) => {
      t.string('code', 3).primary();
      t.string('name', 100).notNullable();
      t.string('zone', 10).notNullable();
    }));
    this.queue(this.schema().createTable('departement', (t) => {
      t.string('code', 3).primary();
      t.string('name', 100).notNullable();
      t.string('region_code', 3).notNullable().references('code').inTable('region');
      t.index(['region_code']);
    }));
    this.queue(this.schema().createTable('commune', (t) => {
      t.string('code', 5).primary();
      t.string('name', 150).notNullable();
      t.string('search_name', 150).notNullable();
      t.string('kind', 30).notNullable();
      t.string('departement_code', 3).notNullable().references('code').inTable('departement');
      t.string('region_code', 3).notNullable().references('code').inTable('region');
      t.string('parent_code', 5).nullable();
      t.string('epci_code', 9).nullable();
      t.integer('population').nullable();
      t.boolean('coverable').notNullable();
      t.index(['search_name']);
      t.index(['departement_code']);
      t.index(['region_code']);
      t.index(['parent_code']);
    }));
    this.queue(this.schema().createTable('commune_postal_code', (t) => {
      t.string('commune_code', 5).notNullable().references('code').inTable('commune');
      t.string('postal_code', 5).notNullable();
      t.primary(['commune_code', 'postal_code']);
      t.index(['postal_code']);
    }));
    this.queue(this.schema().createTable('organization', (t) => {
      t.increments('id').primary();
      t.string('kind', 20).notNullable();
      t.string('partner_category', 40).nullable();
      t.string('name', 300).notNullable();
      t.string('search_name', 300).notNullable();
      t.string('short_name', 120).nullable();
      t.string('description', 1000).nullable();
      t.string('legal_form', 30).notNullable();
      t.date('founded_on').nullable();
      t.date('dissolved_on').nullable();
      t.string('departement_code', 3).nullable().references('code').inTable('departement');
      t.string('region_code', 3).nullable().references('code').inTable('region');
      t.string('office_phone', 40).nullable();
      t.string('office_email', 200).nullable();
      t.string('office_address', 300).nullable();
      t.string('website', 300).nullable();
      provenanceColumns(t);
      t.integer('version').notNullable().defaultTo(1);
      t.index(['kind']);
      t.index(['search_name']);
      t.index(['departement_code']);
      t.index(['region_code']);
    }));
    this.queue(this.schema().createTable('organization_name', (t) => {
      t.increments('id').primary();
      t.integer('organization_id').notNullable().references('id').inTable('organization');
      t.string('name', 300).notNullable();
      t.date('valid_from').nullable();
      t.date('valid_until').notNullable();
      t.index(['organization_id']);
    }));
    this.queue(this.schema().createTable('organization_identifier', (t) => {
      t.increments('id').primary();
      t.integer('organization_id').notNullable().references('id').inTable('organization');
      t.string('scheme', 20).notNullable();
      t.string('value', 20).notNullable();
      t.unique(['scheme', 'value']);
      t.index(['organization_id']);
    }));
    this.queue(this.schema().createTable('organization_link', (t) => {
      t.increments('id').primary();
      t.integer('member_id').notNullable().references('id').inTable('organization');
      t.integer('parent_id').notNullable().references('id').inTable('organization');
      t.string('kind', 20).notNullable();
      t.date('start_date').notNullable();
      t.date('end_date').nullable();
      provenanceColumns(t);
      t.index(['member_id']);
      t.index(['parent_id', 'start_date']);
    }));
    this.queue(this.schema().createTable('organization_region', (t) => {
      t.increments('id').primary();
      t.integer('organization_id').notNullable().references('id').inTable('organization');
      t.string('region_code', 3).notNullable().references('code').inTable('region');
      t.date('start_date').notNullable();
      t.date('end_date').nullable();
      t.index(['organization_id']);
      t.index(['region_code']);
    }));
    this.queue(this.schema().createTable('change_event', (t) => {
      t.increments('id').primary();
      t.string('kind', 20).notNullable();
      t.date('date').notNullable();
      t.string('description', 1000).notNullable();
      provenanceColumns(t);
      t.index(['date']);
    }));
    this.queue(this.schema().createTable('change_event_participant', (t) => {
      t.increments('id').primary();
      t.integer('event_id').notNullable().references('id').inTable('change_event');
      t.integer('organization_id').notNullable().references('id').inTable('organization');
      t.string('role', 10).notNullable();
      t.index(['event_id']);
      t.index(['organization_id']);
    }));
    this.queue(this.schema().createTable('commune_coverage', (t) => {
      t.increments('id').primary();
      t.integer('organization_id').notNullable().references('id').inTable('organization');
      t.string('commune_code', 5).notNullable().references('code').inTable('commune');
      t.date('start_date').notNullable();
      t.date('end_date').nullable();
      provenanceColumns(t);
      t.index(['organization_id']);
      t.index(['commune_code']);
    }));
    this.queue(this.schema().createTable('site', (t) => {
      t.increments('id').primary();
      t.integer('organization_id').notNullable().references('id').inTable('organization');
      t.string('kind', 20).notNullable();
      t.string('name', 300).notNullable();
      t.string('address', 300).nullable();
      t.string('postal_code', 5).nullable();
      t.string('commune_code', 5).notNullable().references('code').inTable('commune');
      t.double('latitude').nullable();
      t.double('longitude').nullable();
      t.string('siret', 14).nullable();
      provenanceColumns(t);
      t.integer('version').notNullable().defaultTo(1);
      t.index(['organization_id']);
      t.index(['commune_code']);
    }));
  }
}
