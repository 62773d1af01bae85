import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What the README promises: `npm start` on a fresh machine creates, migrates and seeds the SQLite file,
 * then serves the bundled network. Runs the compiled service (built by `npm test`) as a real process.
 */
describe('first start on the embedded database', () => {
  it('creates the SQLite file, loads the bundled network and serves it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-start-'));
    const sqlitePath = join(dir, 'registry.sqlite');
    // Port 0: the system picks a free port, which the ready line gives (a fixed one could be in use).
    const child = spawn(process.execPath, [join(__dirname, '../../dist/src/main.js')], {
      env: { ...process.env, SQLITE_PATH: sqlitePath, PORT: '0', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const ready = await new Promise<{ message: string; startMs: number; heapGrowthPercent: number }>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const line = out.split('\n').find((l) => l.includes('Registry ready'));
          if (line) resolve(JSON.parse(line));
        });
        child.stderr.on('data', (chunk) => process.stderr.write(chunk));
        child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
      });
      process.stdout.write(`first start (create, migrate, seed, listen): ${ready.startMs} ms\n`);
      expect(ready.heapGrowthPercent).toBe(70); // the default, applied before seeding
      expect(existsSync(sqlitePath)).toBe(true);
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
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }

    // The data check, run as an operator would on the same file.
    const check = spawnSync(process.execPath, [join(__dirname, '../../dist/src/cli/check-coverage.js')], {
      env: { ...process.env, SQLITE_PATH: sqlitePath, DATABASE_URL: '' }, encoding: 'utf8',
    });
    process.stdout.write(check.stdout);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/(\d+) communes to cover, \1 covered exactly once, 0 uncovered, 0 covered by several Missions Locales/);
  });
});
