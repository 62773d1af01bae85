import type { EntityManager } from '@mikro-orm/knex';
import { databaseKinds } from '../support/databases';
import { bundle } from '../support/bundled';
import { startRegistry } from '../support/registry';
import { NETWORK_MAP } from './network-map.e2e';

/** The map frontend's commune lookup: the communes of a postal code with the Missions Locales serving them. */
const COMMUNE_LOOKUP = `query ($postalCode: String!) {
  communes(filter: { postalCode: $postalCode }) {
    totalCount
    nodes { code name population postalCodes departement { code name } missionsLocales { id name } }
  }
}`;

/** N+1 guard: the full-network query and the commune lookup cost the same number of SQL statements whatever the network's size. */
describe.each(databaseKinds())('SQL statements of the full-network query and the commune lookup on %s', (kind) => {
  it('are the same on the bundled network and on a network ten times larger', async () => {
    const counts: number[] = [];
    const lookups: number[] = [];
    for (const scale of [1, 10]) {
      const registry = await startRegistry(kind, bundle(scale));
      try {
        // Regions and départements are reference data read once per process (by the first request
        // that needs them): the count is what every later request costs.
        await registry.query(NETWORK_MAP);
        const { result, statements } = await registry.countSql(() => registry.query(NETWORK_MAP));
        expect(result.errors).toBeUndefined();
        const mls = result.data.unml.members.nodes.reduce((n: number, a: any) => n + a.members.totalCount, 0);
        expect(mls).toBe(437 * scale);
        counts.push(statements.length);
        process.stdout.write(`full-network query on ${kind}, ${scale}x network (${mls} Missions Locales): ${statements.length} SQL statements\n`);
        // Paris 11e: the commune (Paris) and its arrondissement, the Missions Locales covering them through the arrondissements.
        const lookup = await registry.countSql(() => registry.query(COMMUNE_LOOKUP, { postalCode: '75011' }));
        expect(lookup.result.errors).toBeUndefined();
        const communes = lookup.result.data.communes.nodes;
        expect(communes.map((c: any) => c.code)).toEqual(['75056', '75111']);
        expect(communes.every((c: any) => c.missionsLocales.length > 0 && c.departement.code === '75' && c.postalCodes.includes('75011'))).toBe(true);
        lookups.push(lookup.statements.length);
        if (kind === 'postgresql') {
          // Statistics gathered after seeding: the coverage statement reads through the indexes, not whole tables.
          const coverage = lookup.statements.find((sql) => sql.includes('commune_coverage'))!;
          const knex = (registry.orm.em as EntityManager).getKnex();
          const [{ 'QUERY PLAN': [{ Plan: plan }] }] = (await knex.raw(`explain (format json) ${coverage.replace(/\$\d+/g, '?')}`, ['75056', '75111', '75056', '75111'])).rows;
          const scans: string[] = [];
          const walk = (node: { 'Node Type': string; 'Relation Name'?: string; Plans?: unknown[] }): void => {
            if (node['Relation Name']) scans.push(`${node['Node Type']} on ${node['Relation Name']}`);
            for (const child of node.Plans ?? []) walk(child as typeof node);
          };
          walk(plan);
          expect(scans).toContain('Index Scan on organization');
          expect(scans.filter((scan) => scan.startsWith('Seq Scan'))).toEqual([]);
        }
        process.stdout.write(`commune lookup on ${kind}, ${scale}x network: ${lookup.statements.length} SQL statements\n`);
      } finally {
        await registry.stop();
      }
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(6); // each level's members come with their organizations
    expect(lookups[1]).toBe(lookups[0]);
    expect(lookups[0]).toBe(3); // the page of communes with its total, their postal codes, their coverage with its Missions Locales
  });
});
