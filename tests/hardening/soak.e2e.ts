import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ServerProcess, startServer } from '../../bench/processes';
import { soak, soakProblems } from '../../bench/soak';
import { createTestDatabase, databaseKinds, TestDatabase } from '../support/databases';

/**
 * A short soak in the test command (`npm run soak` is the 60-second one): 50 concurrent clients mix
 * reads and writes against the real server on the bundled network. No 5xx, no transport error, no
 * busy database reaching a client, no unexpected answer, every acknowledged write read back.
 */
const DIST = join(__dirname, '..', '..', 'dist', 'src');
const SECRET = 'soak-test-secret-of-at-least-32-characters';
const SECONDS = Number(process.env.SOAK_TEST_SECONDS ?? 10);

describe.each(databaseKinds())('a bounded soak of mixed reads and writes on %s', (kind) => {
  let db: TestDatabase;
  let server: ServerProcess | undefined;
  beforeAll(async () => { db = await createTestDatabase(kind); });
  afterAll(async () => { await server?.stop(); await db?.drop(); });

  it(`holds 50 clients for ${SECONDS} s with nothing lost and nothing failed`, async () => {
    const env = {
      TOKEN_SECRET: SECRET, SEED_ON_START: 'true',
      ...(db.settings.databaseUrl ? { DATABASE_URL: db.settings.databaseUrl } : { SQLITE_PATH: db.settings.sqlitePath }),
    };
    server = await startServer(join(DIST, 'main.js'), env, /Registry ready/);
    const token = execFileSync(process.execPath, [join(DIST, 'cli', 'token.js'), 'mint', '--role', 'NATIONAL'], { env: { ...process.env, ...env } })
      .toString().trim().split('\n').pop()!;
    const figures = await soak({ port: server.port, token, clients: 50, seconds: SECONDS });
    expect(soakProblems(figures)).toEqual([]);
    expect(server.output().split('\n').filter((l) => /"level":"(error|fatal)"/.test(l))).toEqual([]);
    expect(Object.keys(figures.statuses)).toEqual(['200']);
    expect(figures.writesAcknowledged).toBeGreaterThan(20);
    expect(Object.keys(figures.byKind).sort()).toEqual(['bodies', 'communeLookup', 'createSite', 'dashboard', 'map', 'missionLocale', 'updateOrganization']);
    process.stdout.write(`soak ${kind}: ${figures.requests} requests (${figures.requestsPerSecond}/s) from 50 clients in ${SECONDS} s, `
      + `${figures.writesAcknowledged} writes acknowledged, 0 lost, ${figures.conflicts} version conflicts answered as such, 0 5xx, 0 busy\n`);
  }, 240_000);
});
