import { Migration20261122000001_core } from './Migration20261122000001_core';
import { Migration20261122000002_governance } from './Migration20261122000002_governance';
import { Migration20261122000003_conventions } from './Migration20261122000003_conventions';
import { Migration20261122000004_access } from './Migration20261122000004_access';
import { Migration20261130000005_read_indexes } from './Migration20261130000005_read_indexes';
import { Migration20261130000006_governance_versions } from './Migration20261130000006_governance_versions';

/** Migrations in order, registered explicitly so compiled and TypeScript runs find the same list. */
export const migrationsList = [
  { name: 'Migration20261122000001_core', class: Migration20261122000001_core },
  { name: 'Migration20261122000002_governance', class: Migration20261122000002_governance },
  { name: 'Migration20261122000003_conventions', class: Migration20261122000003_conventions },
  { name: 'Migration20261122000004_access', class: Migration20261122000004_access },
  { name: 'Migration20261130000005_read_indexes', class: Migration20261130000005_read_indexes },
  { name: 'Migration20261130000006_governance_versions', class: Migration20261130000006_governance_versions },
];
