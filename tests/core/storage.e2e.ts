import type { EntityManager } from '@mikro-orm/knex';
import { databaseKinds } from '../support/databases';
import { startRegistry } from '../support/registry';
import { tinyNetwork } from '../support/tiny-network';

describe('embedded SQLite storage', () => {
  it('runs with WAL, foreign keys and a busy timeout on its connection', async () => {
    const registry = await startRegistry('sqlite', { network: tinyNetwork() });
    try {
      const knex = (registry.orm.em as EntityManager).getKnex();
      const pragma = async (name: string) => Object.values((await knex.raw(`pragma ${name}`))[0])[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
      expect(await pragma('synchronous')).toBe(1); // NORMAL: durable with WAL, without an fsync per read
      await expect(knex('site').insert({ organization_id: 9999, kind: 'ANTENNA', name: 'x', commune_code: '35115', provenance_status: 'ILLUSTRATIVE', provenance_source: 't' }))
        .rejects.toThrow(/FOREIGN KEY/);
    } finally {
      await registry.stop();
    }
  });
});

describe.each(databaseKinds())('migrations on %s', (kind) => {
  it('are applied once and leave nothing pending; a second start changes nothing', async () => {
    const registry = await startRegistry(kind, { network: tinyNetwork() });
    try {
      const migrator = registry.orm.getMigrator();
      expect(await migrator.getPendingMigrations()).toEqual([]);
      expect((await migrator.getExecutedMigrations()).map((m) => m.name)).toEqual(['Migration20261122000001_core', 'Migration20261122000002_governance', 'Migration20261122000003_conventions', 'Migration20261122000004_access', 'Migration20261130000005_read_indexes', 'Migration20261130000006_governance_versions']);
      expect(await migrator.up()).toEqual([]);
      const ready = await fetch(registry.url.replace('/graphql', '/ready'));
      expect(ready.status).toBe(200);
    } finally {
      await registry.stop();
    }
  });
});
