import { ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, databaseKinds, TestDatabase } from '../support/databases';

const MAIN = join(__dirname, '../../dist/src/main.js');

interface ReadyLine { message: string; startMs: number; heapGrowthPercent: number; seeded: boolean }

/** Starts the compiled service (built by `npm test`) as a real process and waits for its ready line. */
async function startService(env: Record<string, string>): Promise<{ child: ChildProcessWithoutNullStreams; ready: ReadyLine; output: () => string }> {
  // Port 0: the system picks a free port, which the ready line gives (a fixed one could be in use).
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, PORT: '0', SEED_ON_START: 'true', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stderr.on('data', (chunk) => { out += chunk; });
  const ready = await new Promise<ReadyLine>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.includes('Registry ready'));
      if (line) resolve(JSON.parse(line));
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { child, ready, output: () => out };
}

/** Stops the process as an operator would (SIGTERM) and returns how it ended. */
async function stop(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode };
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.kill('SIGTERM');
  return exited;
}

/** Tables of a fresh PostgreSQL load whose planner statistics are in (analyzed and vacuumed). */
async function tablesWithStatistics(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ relname: string }>(`
      select relname from pg_stat_user_tables
      where relname in ('commune', 'commune_postal_code', 'commune_coverage', 'mandate')
        and coalesce(last_analyze, last_autoanalyze) is not null and coalesce(last_vacuum, last_autovacuum) is not null
      order by relname`);
    return rows.map((r) => r.relname);
  } finally {
    await client.end();
  }
}

/**
 * What the README promises: `npm start` on a fresh machine creates, migrates and seeds the database,
 * then serves the bundled network. On PostgreSQL the planner statistics of the fresh load come in
 * once the service answers, and a stop waits for them. A stop sent as soon as the ready line is read
 * ends the service cleanly (it listens for signals before printing the line: it used to be killed
 * on the spot, now and then).
 */
describe.each(databaseKinds())('first start on %s', (kind) => {
  let db: TestDatabase;
  beforeEach(async () => { db = await createTestDatabase(kind); });
  afterEach(async () => db.drop());

  const env = (): Record<string, string> => (kind === 'sqlite' ? { SQLITE_PATH: db.settings.sqlitePath, DATABASE_URL: '' } : { DATABASE_URL: db.settings.databaseUrl! });

  it('creates, migrates and loads the database with the bundled network, and serves it', async () => {
    const { child, ready, output } = await startService(env());
    try {
      process.stdout.write(`first start on ${kind} (create, migrate, seed, listen): ${ready.startMs} ms\n`);
      expect(ready.seeded).toBe(true);
      expect(ready.heapGrowthPercent).toBe(70); // the default, applied before seeding
      if (kind === 'sqlite') expect(existsSync(db.settings.sqlitePath)).toBe(true);
      const graphql = ready.message.replace('Registry ready at ', '');
      expect(graphql).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
      const res = await fetch(graphql, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ networkFigures { total { missionsLocales } } }' }),
      });
      const body = (await res.json()) as { data: { networkFigures: { total: { missionsLocales: number } } } };
      expect(body.data.networkFigures.total.missionsLocales).toBe(437);
      expect((await fetch(graphql.replace(/\/graphql$/, '/health'))).status).toBe(200);
      if (kind === 'postgresql') {
        const deadline = Date.now() + 20_000;
        while ((await tablesWithStatistics(db.settings.databaseUrl!)).length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        expect(await tablesWithStatistics(db.settings.databaseUrl!)).toEqual(['commune', 'commune_coverage', 'commune_postal_code', 'mandate']);
      }
    } finally {
      expect({ ...await stop(child), output: output() }).toMatchObject({ code: 0, signal: null });
    }
    expect(output()).not.toMatch(/"level":"(error|fatal)"/);

    // The data check, run as an operator would on the same database.
    const check = spawnSync(process.execPath, [join(__dirname, '../../dist/src/cli/check-coverage.js')], { env: { ...process.env, ...env() }, encoding: 'utf8' });
    process.stdout.write(check.stdout);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/(\d+) communes to cover, \1 covered exactly once, 0 uncovered, 0 covered by several Missions Locales/);
  });

  if (kind === 'postgresql') {
    it('stopped as soon as it is ready, waits for the planner statistics and stops cleanly; the next start loads nothing', async () => {
      const first = await startService(env());
      expect(first.ready.seeded).toBe(true);
      expect({ ...await stop(first.child), output: first.output() }).toMatchObject({ code: 0, signal: null });
      expect(first.output()).toMatch(/Registry stopped/);
      expect(first.output()).not.toMatch(/"level":"(error|fatal)"/);
      expect(await tablesWithStatistics(db.settings.databaseUrl!)).toEqual(['commune', 'commune_coverage', 'commune_postal_code', 'mandate']);

      const second = await startService(env());
      expect(second.ready.seeded).toBe(false);
      expect({ ...await stop(second.child), output: second.output() }).toMatchObject({ code: 0, signal: null });
    });
  }
});
