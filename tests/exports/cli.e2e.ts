import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '../../src/db/database';
import { COVERAGE_COLUMNS, readCoverageFile } from '../../src/modules/coverage-import/coverage-file';
import { today } from '../../src/shared/dates';
import { bundle } from '../support/bundled';
import { createTestDatabase, databaseKinds, TestDatabase } from '../support/databases';

/**
 * The data team publishes the open-data files from a shell, with the compiled command, on the same
 * database settings as the service (SQLITE_PATH, or DATABASE_URL).
 */

const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);

/** Last change to the TypeScript sources the build compiles. */
function newestSource(dir: string): number {
  return Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? newestSource(path) : e.name.endsWith('.ts') ? statSync(path).mtimeMs : 0;
  }));
}

// The command is run compiled, as operators run it: `npm test` builds first; when the build is missing
// or older than the sources (jest run alone), build it here. Never rebuilt needlessly: other suites run
// dist/src/main.js meanwhile.
beforeAll(() => {
  const compiled = join(ROOT, 'dist/src/cli/export.js');
  const built = existsSync(compiled) ? statSync(compiled).mtimeMs : 0;
  if (built < Math.max(newestSource(join(ROOT, 'src')), newestSource(join(ROOT, 'seeds')))) {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  }
});

describe.each(databaseKinds())('the export command on %s', (kind) => {
  let db: TestDatabase;
  let env: NodeJS.ProcessEnv;
  const dir = mkdtempSync(join(tmpdir(), 'registry-export-'));

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    // The database is created and seeded by the registry itself, as on the service's first start.
    const { orm, seeded } = await openDatabase(db.settings, () => bundle());
    expect(seeded).toBe(true);
    await orm.close();
    env = kind === 'sqlite'
      ? { ...process.env, DATABASE_URL: '', SQLITE_PATH: db.settings.sqlitePath }
      : { ...process.env, DATABASE_URL: db.settings.databaseUrl };
  });
  afterAll(() => db?.drop());

  /** Runs a compiled command; resolves with its status and output, whatever the status. */
  async function cli(script: string, ...args: string[]) {
    try {
      const { stdout, stderr } = await run('node', [join(ROOT, 'dist/src/cli', script), ...args], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 });
      return { status: 0, stdout, stderr };
    } catch (err: any) {
      return { status: err.code as number, stdout: err.stdout as string, stderr: err.stderr as string };
    }
  }

  it('writes the Popolo file, and the whole history with --history', async () => {
    const out = join(dir, `popolo-${kind}.json`);
    const done = await cli('export.js', 'popolo', '--out', out);
    expect(done.status).toBe(0);
    expect(done.stderr).toMatch(new RegExp(`Wrote popolo on ${today()} to .*popolo-${kind}\\.json \\(\\d+ bytes\\)`));
    const popolo = JSON.parse(readFileSync(out, 'utf8'));
    expect(popolo.organizations.filter((o: any) => o.classification === 'MISSION_LOCALE')).toHaveLength(437);
    expect(popolo.organizations.filter((o: any) => o.classification === 'ARML')).toHaveLength(15);

    const history = join(dir, `popolo-history-${kind}.json`);
    expect((await cli('export.js', 'popolo', '--history', '--as-of', '2024-06-01', '--out', history)).status).toBe(0);
    const whole = JSON.parse(readFileSync(history, 'utf8'));
    expect(whole.meta).toMatchObject({ as_of: '2024-06-01', history: true });
    expect(whole.organizations.filter((o: any) => o.classification === 'ARML')).toHaveLength(31);
  });

  it('writes the GeoJSON files, to a file or to standard output', async () => {
    const out = join(dir, `head-offices-${kind}.geojson`);
    expect((await cli('export.js', 'head-offices', '--out', out)).status).toBe(0);
    const headOffices = JSON.parse(readFileSync(out, 'utf8'));
    expect(headOffices.type).toBe('FeatureCollection');
    expect(headOffices.features.length).toBeGreaterThan(0);
    expect(headOffices.features.length + headOffices.skipped).toBe(437);

    const sites = await cli('export.js', 'sites', '--as-of=2025-01-01');
    expect(sites.status).toBe(0);
    const parsed = JSON.parse(sites.stdout);
    expect(parsed).toMatchObject({ type: 'FeatureCollection', as_of: '2025-01-01' });
    expect(parsed.features.length + parsed.skipped).toBeGreaterThan(437);
  });

  it('writes the coverage file, which the import command reads back with no change', async () => {
    const out = join(dir, `coverage-${kind}.csv`);
    expect((await cli('export.js', 'coverage', '--out', out)).status).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe(COVERAGE_COLUMNS.join(';'));
    expect(readCoverageFile(bytes).length).toBeGreaterThan(30000);

    const imported = await cli('import-coverage.js', out, '--dry-run', '--date', today());
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/^Dry run of coverage-\w+\.csv on \d{4}-\d{2}-\d{2}: nothing written$/m);
    expect(imported.stdout).toMatch(/^Missions Locales: 4 in the file, 0 created, 0 updated, 4 unchanged, 0 dissolved$/m);
    expect(imported.stdout).toMatch(/^Communes covered: \d+ \(coverage rows: 0 opened, 0 ended\)$/m);
    expect(imported.stdout).toMatch(/^Memberships: 0 opened, 0 ended; head offices: 0 created, 0 updated$/m);
    expect(imported.stdout).not.toMatch(/Warnings/);
  });

  it('refuses an unknown export, a bad date or --history outside Popolo, with status 2 and the usage', async () => {
    for (const args of [['maps'], ['coverage', '--as-of', '2025-02-30'], ['sites', '--history'], [], ['popolo', '--format', 'xml']]) {
      const refused = await cli('export.js', ...args);
      expect(refused.status).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/Usage: export <popolo\|sites\|head-offices\|coverage>/);
    }
    expect((await cli('export.js', '--help')).stdout).toMatch(/--as-of/);
  });
});
