import { MikroORM } from '@mikro-orm/core';
import type { SeedNetwork } from '../../seeds/network.types';
import { Settings } from '../config';
import { isEmpty, seedRegistry } from '../seed/seed-registry';
import { ormOptions } from './orm.config';

/**
 * Opens the configured database and applies pending migrations.
 * With `network`, an empty registry is then loaded with it (first start).
 */
export async function openDatabase(settings: Settings, network?: () => SeedNetwork): Promise<{ orm: MikroORM; seeded: boolean }> {
  const orm = await MikroORM.init(ormOptions(settings));
  try {
    await orm.getMigrator().up();
    let seeded = false;
    if (network && (await isEmpty(orm))) {
      await seedRegistry(orm, network());
      seeded = true;
    }
    return { orm, seeded };
  } catch (err) {
    await orm.close(true);
    throw err;
  }
}
