import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledData } from '../../seeds/bundle';
import { geographyRows } from '../../src/seed/load-geography';

/**
 * A first start reads the bundled data and its geography's rows from the file the build writes
 * (`builtBundle`). It must hold exactly what the sources make: `npm test` builds before running this.
 */
describe('the bundle written by the build', () => {
  it('is the bundled data and the geography made from the sources, byte for byte', () => {
    const written = readFileSync(join(__dirname, '../../dist/seeds/bundle.json'), 'utf8');
    const bundle = bundledData();
    const made = JSON.stringify({ ...bundle, geography: geographyRows(bundle.network) });
    expect(written.length).toBe(made.length);
    expect(written === made).toBe(true);
    const parsed = JSON.parse(written);
    expect(parsed.network.organizations.filter((o: { kind: string }) => o.kind === 'MISSION_LOCALE')).toHaveLength(437);
    expect(parsed.geography.commune.length).toBeGreaterThan(34_900);
  });
});
