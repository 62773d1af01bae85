import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { SeedBundle } from '../../seeds/bundle';
import { CONVENTION_SERIAL_TABLES, loadConventions } from './load-conventions';
import { GOVERNANCE_SERIAL_TABLES, loadGovernance } from './load-governance';
import { loadGeography } from './load-geography';
import { loadNetwork } from './load-network';
import { BulkLoad, type Load, loadWithIndexesAfter } from './insert';
import { type RecordedLoad, replayLoad } from './recorded-load';

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

/**
 * Loads geography, a network and its governance and conventions, in order, into `load` (an empty
 * registry's bulk load, or a recorder).
 */
export async function loadBundle(load: Load, { network, governance, conventions }: SeedBundle): Promise<void> {
  const deptRegion = await loadGeography(load, network);
  const idOf = await loadNetwork(load, network, deptRegion);
  const orgId = (key: string) => {
    const id = idOf.get(key);
    if (id === undefined) throw new Error(`Bundled governance: unknown organization ${key}`);
    return id;
  };
  if (governance) await loadGovernance(load, governance, orgId);
  if (conventions) await loadConventions(load, conventions, orgId);
  if (load.trx.client.dialect === 'postgresql') {
    for (const t of SERIAL_TABLES) {
      await load.send(load.trx.raw(`select setval(pg_get_serial_sequence('${t}', 'id'), coalesce((select max(id) from ${t}), 0) + 1, false)`));
    }
  }
}

/** What a first start loads: a bundle, or its load recorded for this database (`recordLoad`). */
export type SeedSource = SeedBundle | RecordedLoad;

/** Loads a bundle, or replays its recorded load, into an empty registry, in one transaction. */
export async function seedRegistry(orm: MikroORM, source: SeedSource): Promise<void> {
  const knex = (orm.em as EntityManager).getKnex();
  await knex.transaction(async (trx) => {
    const bulk = new BulkLoad(trx);
    await loadWithIndexesAfter(bulk, BULK_TABLES, () => ('steps' in source ? replayLoad(bulk, source) : loadBundle(bulk, source)));
    await bulk.done();
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
