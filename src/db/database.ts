import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { Settings } from '../config';
import type { LoadDialect } from '../seed/recorded-load';
import { isEmpty, refreshPlannerStatistics, SeedSource, seedRegistry } from '../seed/seed-registry';
import { ormOptions } from './orm.config';
import { prepareReads } from './prepared-statements';

export interface OpenedDatabase {
  orm: MikroORM;
  /** True when the database was empty and has just been loaded with the bundle. */
  seeded: boolean;
  /** Settles once the planner statistics of a fresh load are in; settled already unless `statisticsLater`. */
  statistics: Promise<void>;
}

/**
 * Opens the configured database and applies pending migrations.
 * With `bundle`, an empty registry is then loaded with what it gives for the database's dialect (first
 * start), and its planner statistics refreshed: before returning, or, with `statisticsLater`, by the
 * returned `statistics` (the database answers meanwhile, with plans made without statistics; 0.5-0.8 s
 * of a first start on PostgreSQL).
 */
export async function openDatabase(
  settings: Settings, bundle?: (dialect: LoadDialect) => SeedSource, { statisticsLater = false } = {},
): Promise<OpenedDatabase> {
  const orm = await MikroORM.init(ormOptions(settings));
  prepareReads((orm.em as EntityManager).getKnex().client);
  try {
    await orm.getMigrator().up();
    if (!bundle || !(await isEmpty(orm))) return { orm, seeded: false, statistics: Promise.resolve() };
    await seedRegistry(orm, bundle((orm.em as EntityManager).getKnex().client.dialect));
    const statistics = refreshPlannerStatistics(orm);
    if (!statisticsLater) await statistics;
    return { orm, seeded: true, statistics };
  } catch (err) {
    await orm.close(true);
    throw err;
  }
}
