import { bundle } from '../support/bundled';
import { databaseKinds } from '../support/databases';
import { startRegistry } from '../support/registry';

/** N+1 guard: each export costs the same few SQL statements whatever the size of the network. */
const EXPORTS = ['/exports/popolo.json', '/exports/popolo.json?history=true', '/exports/sites.geojson', '/exports/head-offices.geojson', '/exports/coverage.csv'];

describe.each(databaseKinds())('SQL statements of the open-data exports on %s', (kind) => {
  it('are the same on the bundled network and on a network ten times larger', async () => {
    const counts: Record<string, number[]> = {};
    for (const scale of [1, 10]) {
      const registry = await startRegistry(kind, bundle(scale));
      try {
        const base = registry.url.replace(/\/graphql$/, '');
        for (const path of EXPORTS) {
          const { result, statements } = await registry.countSql(async () => {
            const res = await fetch(`${base}${path}`);
            return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
          });
          expect(result.status).toBe(200);
          (counts[path] ??= []).push(statements.length);
          process.stdout.write(`${path} on ${kind}, ${scale}x network: ${statements.length} SQL statements, ${result.bytes} bytes\n`);
        }
      } finally {
        await registry.stop();
      }
    }
    expect(counts).toEqual({
      '/exports/popolo.json': [7, 7],
      '/exports/popolo.json?history=true': [7, 7],
      '/exports/sites.geojson': [2, 2],
      '/exports/head-offices.geojson': [2, 2],
      '/exports/coverage.csv': [2, 2],
    });
  });
});
