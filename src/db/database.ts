import { MikroORM } from '@mikro-orm/core';
import { Settings } from '../config';
import { isEmpty, SeedBundle, seedRegistry } from '../seed/seed-registry';
import { ormOptions } from './orm.config';

/**
 * Opens the configured database and applies pending migrations.
 * With `bundle`, an empty registry is then loaded with it (first start).
 */
export async function openDatabase(settings: Settings, bundle?: () => SeedBundle): Promise<{ orm: MikroORM; seeded: boolean }> {
  const orm = await MikroORM.init(ormOptions(settings));
  try {
    await orm.getMigrator().up();
    let seeded = false;
    if (bundle && (await isEmpty(orm))) {
      await seedRegistry(orm, bundle());
      seeded = true;
    }
    return { orm, seeded };
  } catch (err) {
    await orm.close(true);
    throw err;
  }
}
