import { POSTGRES_URL, postgresReachable } from './databases';

/** Decides once per run which databases the suites cover, and says loudly when PostgreSQL is skipped. */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASES) return;
  if (await postgresReachable()) {
    process.env.TEST_DATABASES = 'sqlite,postgresql';
    process.stdout.write(`\nDatabases under test: SQLite and PostgreSQL (${POSTGRES_URL})\n`);
  } else {
    process.env.TEST_DATABASES = 'sqlite';
    process.stdout.write(`\n*** PostgreSQL not reachable at ${POSTGRES_URL}: the PostgreSQL runs are SKIPPED, only SQLite is tested ***\n`);
  }
}
