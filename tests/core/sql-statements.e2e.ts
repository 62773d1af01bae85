import { databaseKinds } from '../support/databases';
import { bundle } from '../support/bundled';
import { startRegistry } from '../support/registry';
import { NETWORK_MAP } from './network-map.e2e';

/** N+1 guard: the full-network query costs the same number of SQL statements whatever the network's size. */
describe.each(databaseKinds())('SQL statements of the full-network query on %s', (kind) => {
  it('is the same on the bundled network and on a network ten times larger', async () => {
    const counts: number[] = [];
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
      } finally {
        await registry.stop();
      }
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(6); // each level's members come with their organizations
  });
});
