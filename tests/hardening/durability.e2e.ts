import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import sqlite3 from 'sqlite3';
import { ServerProcess, startServer } from '../../bench/processes';
import { createTestDatabase, databaseKinds, TestDatabase } from '../support/databases';

/**
 * Crash safety: the server runs as a child process under a write load (several clients creating
 * sites) and is killed with SIGKILL in the middle. After a restart every acknowledged write is
 * there with its audit line, nothing is half-applied, and (SQLite) PRAGMA integrity_check is ok.
 */
const DIST = join(__dirname, '..', '..', 'dist', 'src');
const SECRET = 'durability-test-secret-of-at-least-32-characters';
const CREATE = `mutation($input: CreateSiteInput!) { createSite(input: $input) { site { id name } userErrors { code } } }`;

function post(port: number, agent: Agent, body: unknown, token: string): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => { try { resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) }); } catch (e) { reject(e); } });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const envOf = (db: TestDatabase) => ({
  TOKEN_SECRET: SECRET, SEED_ON_START: 'true',
  ...(db.settings.databaseUrl ? { DATABASE_URL: db.settings.databaseUrl } : { SQLITE_PATH: db.settings.sqlitePath }),
});

describe.each(databaseKinds())('a write load killed with SIGKILL on %s', (kind) => {
  let db: TestDatabase;
  let server: ServerProcess | undefined;
  beforeAll(async () => { db = await createTestDatabase(kind); });
  afterAll(async () => { await server?.stop(); await db?.drop(); });

  it('loses no acknowledged write and leaves nothing half-applied', async () => {
    server = await startServer(join(DIST, 'main.js'), envOf(db), /Registry ready/);
    const minted = execFileSync(process.execPath, [join(DIST, 'cli', 'token.js'), 'mint', '--role', 'NATIONAL'], { env: { ...process.env, ...envOf(db) } }).toString();
    const token = minted.trim().split('\n').pop()!;
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const first = await post(server.port, agent, { query: `{ organizations(filter: { kinds: [MISSION_LOCALE] }, first: 20) { nodes { id sites { nodes { commune { code } } } } } }` }, token);
    const targets = first.json.data.organizations.nodes.map((o: any) => ({ id: o.id, commune: o.sites.nodes[0].commune.code }));

    // Eight clients write until the server dies; each acknowledged site is remembered.
    const acknowledged = new Set<string>();
    let sent = 0;
    let stop = false;
    const client = async (c: number) => {
      while (!stop) {
        const t = targets[(sent++) % targets.length];
        try {
          const res = await post(server!.port, agent, { query: CREATE, variables: { input: { organizationId: t.id, kind: 'ANTENNA', name: `Crash ${c}-${sent}`, communeCode: t.commune } } }, token);
          if (res.status === 200 && res.json.data?.createSite?.site) acknowledged.add(res.json.data.createSite.site.name);
        } catch {
          return; // the server is gone
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, c) => client(c));
    await new Promise((r) => setTimeout(r, 1500));
    process.kill(server.pid, 'SIGKILL');
    stop = true;
    await Promise.all(clients);
    agent.destroy();
    server = undefined;
    expect(acknowledged.size).toBeGreaterThan(20);

    server = await startServer(join(DIST, 'main.js'), envOf(db), /Registry ready/);
    const agent2 = new Agent({ keepAlive: true });
    const names: string[] = [];
    for (const t of targets) {
      const res = await post(server.port, agent2, { query: `query($id: ID!) { organization(id: $id) { sites { nodes { id name history { nodes { operation } } } } } }`, variables: { id: t.id } }, token);
      for (const s of res.json.data.organization.sites.nodes) {
        if (!s.name.startsWith('Crash ')) continue;
        names.push(s.name);
        expect({ site: s.name, history: s.history.nodes }).toEqual({ site: s.name, history: [{ operation: 'createSite' }] });
      }
    }
    agent2.destroy();
    for (const name of acknowledged) expect(names).toContain(name);
    // Written but not acknowledged (in flight when killed) is allowed; written twice is not.
    expect(new Set(names).size).toBe(names.length);
    process.stdout.write(`SIGKILL under load on ${kind}: ${sent} writes sent, ${acknowledged.size} acknowledged, ${names.length} present after restart, 0 lost\n`);
    await server.stop();
    server = undefined;

    if (kind === 'sqlite') {
      const check = await new Promise<string>((resolve, reject) => {
        const conn = new sqlite3.Database(db.settings.sqlitePath, sqlite3.OPEN_READONLY);
        conn.get('PRAGMA integrity_check', (err, row: any) => conn.close(() => (err ? reject(err) : resolve(row.integrity_check))));
      });
      expect(check).toBe('ok');
    }
  });
});

describe('an online backup of the SQLite database', () => {
  it('is a consistent copy taken while the server writes, and the service starts on it', async () => {
    const db = await createTestDatabase('sqlite');
    const env = envOf(db);
    let server: ServerProcess | undefined = await startServer(join(DIST, 'main.js'), env, /Registry ready/);
    try {
      const token = execFileSync(process.execPath, [join(DIST, 'cli', 'token.js'), 'mint', '--role', 'NATIONAL'], { env: { ...process.env, ...env } }).toString().trim().split('\n').pop()!;
      const agent = new Agent({ keepAlive: true });
      const first = await post(server.port, agent, { query: `{ organizations(filter: { kinds: [MISSION_LOCALE] }, first: 1) { nodes { id sites { nodes { commune { code } } } } } }` }, token);
      const t = first.json.data.organizations.nodes[0];
      let n = 0;
      let writing = true;
      const load = (async () => {
        while (writing) await post(server!.port, agent, { query: CREATE, variables: { input: { organizationId: t.id, kind: 'ANTENNA', name: `Backup ${n++}`, communeCode: t.sites.nodes[0].commune.code } } }, token);
      })();
      await new Promise((r) => setTimeout(r, 300));
      const copy = join(mkdtempSync(join(tmpdir(), 'registry-backup-')), 'copy.sqlite');
      const out = execFileSync(process.execPath, [join(DIST, 'cli', 'backup.js'), copy], { env: { ...process.env, ...env } }).toString();
      expect(out).toMatch(/Backup written to .*copy\.sqlite \(\d+ bytes\)/);
      writing = false;
      await load;
      agent.destroy();
      await server.stop();
      server = undefined;

      // Restore: the service starts on the copy, which holds a prefix of the writes, each with its audit line.
      const restored = await startServer(join(DIST, 'main.js'), { ...env, SQLITE_PATH: copy }, /Registry ready/);
      try {
        const res = await post(restored.port, new Agent(), { query: `query($id: ID!) { organization(id: $id) { sites { nodes { name history { totalCount } } } } }`, variables: { id: t.id } }, token);
        const copied = res.json.data.organization.sites.nodes.filter((s: any) => s.name.startsWith('Backup '));
        expect(copied.length).toBeGreaterThan(0);
        expect(copied.length).toBeLessThanOrEqual(n);
        expect(copied.every((s: any) => s.history.totalCount === 1)).toBe(true);
        const numbers = copied.map((s: any) => Number(s.name.slice(7))).sort((a: number, b: number) => a - b);
        expect(numbers).toEqual(numbers.map((_: number, i: number) => i)); // a prefix: 0..k, no gap
      } finally {
        await restored.stop();
      }
    } finally {
      await server?.stop();
    }
  });
});
