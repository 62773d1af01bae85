import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/knex';
import { loadSettings } from '../config';
import { openDatabase } from '../db/database';
import { checkCoverage } from '../modules/territory/coverage-check';
import { today } from '../shared/dates';

/**
 * Data check: communes covered by no Mission Locale, or by several (npm run check:coverage [-- YYYY-MM-DD]).
 * Exits 1 when the coverage is not exact, so it can guard a data load.
 */
async function main() {
  const asOf = process.argv[2] ?? today();
  const { orm } = await openDatabase(loadSettings());
  try {
    const report = await checkCoverage((orm.em as EntityManager).getKnex(), asOf);
    console.log(`Coverage on ${report.asOf}: ${report.coverableCommunes} communes to cover, ${report.coveredOnce} covered exactly once, ` +
      `${report.uncovered.length} uncovered, ${report.coveredSeveralTimes.length} covered by several Missions Locales`);
    for (const code of report.uncovered.slice(0, 50)) console.log(`  uncovered: ${code}`);
    for (const c of report.coveredSeveralTimes.slice(0, 50)) console.log(`  several: ${c.communeCode} (organizations ${c.organizationIds.join(', ')})`);
    process.exitCode = report.uncovered.length || report.coveredSeveralTimes.length ? 1 : 0;
  } finally {
    await orm.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
