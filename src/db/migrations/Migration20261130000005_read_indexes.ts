import { PortableMigration } from './schema-builder';

/**
 * Covering indexes for the coverage counts the network map asks for (communes and population
 * covered by each Mission Locale on a date): answered from the indexes without reading the rows.
 */
export class Migration20261130000005_read_indexes extends PortableMigration {
  async up(): Promise<void> {
    this.queue(this.schema().alterTable('commune_coverage', (t) => {
      t.index(['organization_id', 'start_date', 'end_date', 'commune_code'], 'commune_coverage_organization_dates_index');
    }));
    this.queue(this.schema().alterTable('commune', (t) => {
      t.index(['code', 'population'], 'commune_code_population_index');
    }));
  }

}
