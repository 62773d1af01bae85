import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { builtLoadBase, bundledData } from '../../seeds/bundle';
import { recordedLoadFiles, recordLoad } from '../../src/seed/recorded-load';
import { loadBundle } from '../../src/seed/seed-registry';

/**
 * A first start replays the bundled data's load from the files the build writes (`builtBundle`). They
 * must hold exactly what recording the sources makes: `npm test` builds before running this.
 */
describe.each(['postgresql', 'sqlite3'] as const)('the load written by the build for %s', (dialect) => {
  it('is the load of the bundled data recorded from the sources, byte for byte', async () => {
    // Where the compiled service reads them (here `builtLoadBase` runs from the sources).
    const files = recordedLoadFiles(join(__dirname, '../../dist/seeds', basename(builtLoadBase(dialect))));
    const made = await recordLoad(dialect, (load) => loadBundle(load, bundledData()));
    expect(readFileSync(files.steps, 'utf8')).toBe(JSON.stringify(made.steps));
    const data = readFileSync(files.data);
    expect(data.length).toBe(made.data.length);
    expect(data.equals(made.data)).toBe(true);
    // Every commune is in it, as a row of COPY text or of a JSON chunk.
    const communeSteps = made.steps.filter((s) => ('copy' in s ? s.copy : s.sql).startsWith(dialect === 'postgresql' ? 'copy "commune" (' : 'insert into `commune` ('));
    const communeRows = communeSteps.map((s) => {
      const text = made.data.toString('utf8', ...('data' in s ? s.data : [0, 0]));
      return dialect === 'postgresql' ? text.split('\n').length - 1 : JSON.parse(text).length;
    });
    expect(communeRows.reduce((a, b) => a + b, 0)).toBeGreaterThan(34_900);
  });
});
