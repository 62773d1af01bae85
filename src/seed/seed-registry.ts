import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { SeedNetwork } from '../../seeds/network.types';
import { loadGeography } from './load-geography';
import { loadNetwork } from './load-network';

/** Tables whose ids the seeder sets explicitly; PostgreSQL sequences must then move past them. */
const SERIAL_TABLES = ['organization', 'change_event'];

/** True when the registry holds no organization yet (fresh database). */
export async function isEmpty(orm: MikroORM): Promise<boolean> {
  const knex = (orm.em as EntityManager).getKnex();
  const [{ n }] = await knex('organization').count({ n: '*' });
  return Number(n) === 0;
}

/** Loads geography and a network into an empty registry, in one transaction. */
export async function seedRegistry(orm: MikroORM, network: SeedNetwork): Promise<{ organizations: number; communes: number; sites: number; coverage: number }> {
  const knex = (orm.em as EntityManager).getKnex();
  const coverable = new Set(network.organizations.flatMap((o) => (o.kind === 'ARML' && !o.dissolvedOn ? o.regions ?? [] : []).map((r) => r.regionCode)));
  return knex.transaction(async (trx) => {
    const geo = await loadGeography(trx, coverable);
    const net = await loadNetwork(trx, network);
    if (knex.client.config.client === 'postgresql' || knex.client.dialect === 'postgresql') {
      for (const t of SERIAL_TABLES) {
        await trx.raw(`select setval(pg_get_serial_sequence('${t}', 'id'), coalesce((select max(id) from ${t}), 0) + 1, false)`);
      }
    }
    return { ...geo, ...net };
  });
}
