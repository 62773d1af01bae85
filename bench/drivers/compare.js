/**
 * The `sqlite3` driver (the service's) against `better-sqlite3` on the statements the service sends:
 * seeds the bundled network in a fresh SQLite file, starts the registry in process, records the SQL
 * statements (with their bound values) of one W3 and one W4 request, then replays them through each
 * driver and prints the time per request. Usage: npm run bench:drivers (builds, installs this folder).
 */
require('reflect-metadata');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const DIST = join(__dirname, '..', '..', 'dist');
const { loadSettings } = require(join(DIST, 'src', 'config'));
const { openDatabase } = require(join(DIST, 'src', 'db', 'database'));
const { buildRegistrySchema } = require(join(DIST, 'src', 'graphql', 'schema'));
const { startHttpServer } = require(join(DIST, 'src', 'http', 'server'));
const { createEventBus } = require(join(DIST, 'src', 'modules', 'events', 'event-bus'));
const { bundledData } = require(join(DIST, 'seeds', 'bundle'));
const { W3, W4 } = require(join(DIST, 'bench', 'workloads'));
const sqlite3 = require('sqlite3');
const BetterSqlite3 = require('better-sqlite3');

const ROUNDS = Number(process.env.ROUNDS ?? 40);

async function recordStatements(file) {
  const settings = { ...loadSettings(), sqlitePath: file, databaseUrl: undefined, port: 0, host: '127.0.0.1' };
  const { orm } = await openDatabase(settings, () => bundledData());
  const bus = await createEventBus();
  const server = await startHttpServer(orm, await buildRegistrySchema(bus.pubSub), { port: 0, host: '127.0.0.1', events: bus.pubSub, log: () => undefined });
  const recorded = {};
  let statements = [];
  orm.em.getKnex().on('query', (q) => statements.push({ sql: q.sql, bindings: q.bindings ?? [] }));
  try {
    for (const [id, query] of Object.entries({ W3, W4 })) {
      const post = () => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: id === 'W4' ? { asOf: new Date().toISOString().slice(0, 10) } : {} }) }).then((r) => r.text());
      statements = [];
      await post(); // reference tables are read once per process: the second request is the steady state
      statements = [];
      await post();
      recorded[id] = statements;
    }
  } finally {
    await server.stop();
    await orm.close(true);
    await bus.close();
  }
  return recorded;
}

async function measure(run) {
  for (let i = 0; i < 5; i++) await run();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) await run();
  const cpu = process.cpuUsage(cpu0);
  return { wallMs: Number(process.hrtime.bigint() - t0) / 1e6 / ROUNDS, cpuMs: (cpu.user + cpu.system) / 1000 / ROUNDS };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'registry-drivers-'));
  const file = join(dir, 'registry.sqlite');
  try {
    const recorded = await recordStatements(file);
    const async = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
    const all = (sql, bindings) => new Promise((resolve, reject) => async.all(sql, bindings, (err, rows) => (err ? reject(err) : resolve(rows))));
    const sync = new BetterSqlite3(file, { readonly: true });
    for (const [id, statements] of Object.entries(recorded)) {
      const a = await measure(async () => { for (const s of statements) await all(s.sql, s.bindings); });
      const b = await measure(async () => { for (const s of statements) sync.prepare(s.sql).all(...s.bindings); });
      const longest = Math.max(...statements.map((s) => { const t = process.hrtime.bigint(); sync.prepare(s.sql).all(...s.bindings); return Number(process.hrtime.bigint() - t) / 1e6; }));
      console.log(`${id} (${statements.length} statements): sqlite3 ${a.cpuMs.toFixed(1)} CPU ms (${a.wallMs.toFixed(1)} ms wall), better-sqlite3 ${b.cpuMs.toFixed(1)} CPU ms (${b.wallMs.toFixed(1)} ms wall, ratio ${(b.cpuMs / a.cpuMs).toFixed(2)}); its longest statement holds the event loop ${longest.toFixed(1)} ms`);
    }
    async.close();
    sync.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
