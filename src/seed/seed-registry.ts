import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { SeedBundle } from '../../seeds/bundle';
import { CONVENTION_SERIAL_TABLES, loadConventions } from './load-conventions';
import { GOVERNANCE_SERIAL_TABLES, loadGovernance } from './load-governance';
import { geographyRows, loadGeography } from './load-geography';
import { loadNetwork } from './load-network';
import { BulkLoad, loadWithIndexesAfter } from './insert';

/** Tables whose ids the seeder sets explicitly; PostgreSQL sequences must then move past them. */
const SERIAL_TABLES = ['organization', 'change_event', ...GOVERNANCE_SERIAL_TABLES, ...CONVENTION_SERIAL_TABLES];

/** The biggest tables (every commune, its postal codes, the coverage; mandates, posts, terms), indexed and keyed once loaded. */
const BULK_TABLES = ['commune', 'commune_postal_code', 'commune_coverage', 'mandate', 'post', 'body_term'];

/** True when the registry holds no organization yet (fresh database). */
export async function isEmpty(orm: MikroORM): Promise<boolean> {
  const knex = (orm.em as EntityManager).getKnex();
  const [{ n }] = await knex('organization').count({ n: '*' });
  return Number(n) === 0;
}

export type { SeedBundle };

/** Loads geography, a network and its governance into an empty registry, in one transaction. */
export async function seedRegistry(orm: MikroORM, { network, governance, conventions, geography }: SeedBundle) {
  const knex = (orm.em as EntityManager).getKnex();
  return knex.transaction(async (trx) => {
    const bulk = new BulkLoad(trx);
    const loaded = await loadWithIndexesAfter(bulk, BULK_TABLES, async () => {
      const { deptRegion, ...geo } = await loadGeography(bulk, geography ?? geographyRows(network));
      const { idOf, ...net } = await loadNetwork(bulk, network, deptRegion);
      const orgId = (key: string) => {
        const id = idOf.get(key);
        if (id === undefined) throw new Error(`Bundled governance: unknown organization ${key}`);
        return id;
      };
      const gov = governance ? await loadGovernance(bulk, governance, orgId) : { persons: 0, bodies: 0, mandates: 0 };
      const conv = conventions ? await loadConventions(bulk, conventions, orgId) : { conventions: 0, partnerships: 0 };
      if (trx.client.dialect === 'postgresql') {
        for (const t of SERIAL_TABLES) {
          await bulk.send(trx.raw(`select setval(pg_get_serial_sequence('${t}', 'id'), coalesce((select max(id) from ${t}), 0) + 1, false)`));
        }
      }
      return { ...geo, ...net, ...gov, ...conv };
    });
    await bulk.done();
    return loaded;
  });
}

/**
 * Brings a freshly loaded database to its steady state. PostgreSQL plans from table statistics, which
 * a bulk load leaves empty until autovacuum gets to them: a commune lookup's coverage statement took
 * 8 ms in sequential scans instead of 0.1 ms. The vacuum marks the loaded pages all-visible, so a
 * covering index answers alone (index-only scans: a map's coverage counts read no table row). SQLite
 * plans without statistics: nothing to do.
 */
export async function refreshPlannerStatistics(orm: MikroORM): Promise<void> {
  const knex = (orm.em as EntityManager).getKnex();
  if (knex.client.dialect === 'postgresql') await knex.raw('vacuum analyze');
}
