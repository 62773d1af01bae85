import { Migration20261122000001_core } from './Migration20261122000001_core';

/** Migrations in order, registered explicitly so compiled and TypeScript runs find the same list. */
export const migrationsList = [
  { name: 'Migration20261122000001_core', class: Migration20261122000001_core },
];
