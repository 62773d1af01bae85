/**
 * `npm run bench`: starts the real registry (dist/src/main.js) as a child process on fresh SQLite
 * and PostgreSQL databases, on the bundled network and on networks 10× and 100× larger, measures
 * the seven workloads over loopback HTTP side by side with the raw baseline (bench/baseline/),
 * and writes bench/results.json and BENCHMARKS.md.
 *
 * The service runs twice, side by side: computing every answer (RESPONSE_CACHE_MB=0: the cost of the
 * GraphQL, ORM and SQL layers), and as deployed by default (anonymous answers kept until the data changes).
 *
 * Settings (environment): BENCH_ROUNDS (closed-loop rounds, interleaved between the servers; default 3),
 * BENCH_ROUND_SECONDS (each round, default 2), BENCH_SECONDS (every open loop; default 3, W1 and W6 10), BENCH_WARMUP
 * (seconds, default 0.5), BENCH_DATABASES (default "sqlite,postgresql"), BENCH_CONFIGS (to run
 * a subset, e.g. "sqlite:1,postgresql:100").
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { BenchDatabase, createDatabase, DatabaseKind, POSTGRES_URL, postgresReachable } from './databases';
import { Body, closedLoop, ClosedResult, mergeRounds, openLoop, OpenResult, post, Target } from './load';
import { scrapeServer, serverPauses } from './pauses';
import { cpuMs, peakRssMiB, rssMiB, rssSampler } from './proc';
import { runScript, ServerProcess, startServer } from './processes';
import { collectSample, probeFeatures } from './sample';
import type { SeedReport } from './seed';
import type { SqlCount } from './sql-count';
import { buildWorkloads, DataFeatures, LOAD_SETTINGS, peerBodies, Workload, WorkloadId } from './workloads';
import { writeReport } from './report';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
/** Workloads whose open loop runs longer than SECONDS (LOAD_SETTINGS), unless BENCH_SECONDS is set. */
function longerOpenLoops(): Partial<Record<WorkloadId, number>> {
  if (process.env.BENCH_SECONDS) return {};
  return Object.fromEntries(Object.entries(LOAD_SETTINGS).flatMap(([id, { openSeconds }]) => (openSeconds ? [[id, openSeconds]] : [])));
}
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 2);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 0.5);
const GRAPHQL = '/graphql';
/** PostGraphile, installed apart (`npm ci --prefix bench/peer`, run by `npm run bench`). */
const PEER = join(ROOT, 'bench', 'peer', 'server.js');
const peerInstalled = () => existsSync(join(ROOT, 'bench', 'peer', 'node_modules', 'postgraphile'));

interface Config {
  db: DatabaseKind;
  scale: number;
  only?: WorkloadId[];
}

/** 1× and 10× on both databases; 100× on PostgreSQL for the paginated queries only (W1, W5, W6). */
const CONFIGS: Config[] = [
  { db: 'sqlite', scale: 1 },
  { db: 'sqlite', scale: 10 },
  { db: 'postgresql', scale: 1 },
  { db: 'postgresql', scale: 10 },
  { db: 'postgresql', scale: 100, only: ['W1', 'W5', 'W6'] },
];

export interface Measurement {
  closed: ClosedResult;
  open: OpenResult;
  /** CPU time of the server process per request, over the closed loop. */
  cpuMsPerRequest: number;
  /** PostgreSQL only: CPU time of the database backends per request, over the closed loop. */
  dbCpuMsPerRequest?: number;
  /** CPU time of the server process per request, over the open loop. */
  cpuMsPerRequestOpen: number;
  /** RSS of the server process when the workload started (what earlier workloads left behind). */
  startRssMiB: number;
  /** Highest RSS of the server process sampled during this workload. */
  peakRssMiB: number;
  sqlPerRequest?: SqlCount;
}

export interface WorkloadResult {
  id: WorkloadId;
  title: string;
  note?: string;
  variants: number;
  /** The service computing every answer (RESPONSE_CACHE_MB=0). */
  service: Measurement;
  /** The service as deployed by default: anonymous answers kept until the data changes (RESPONSE_CACHE_MB=64). */
  cached?: Measurement;
  baseline?: Measurement;
  /** PostGraphile over the same PostgreSQL data (W3, W4), with its own queries: not byte-identical. */
  peer?: Measurement;
}

export interface IdentityCheck {
  workload: WorkloadId;
  requests: number;
  identical: number;
  firstDifference?: string;
}

export interface ConfigResult {
  db: DatabaseKind;
  requestedScale: number;
  scale: number;
  scaleNote?: string;
  data: DataFeatures & { governanceSource: string; conventionsSource: string };
  seed?: SeedReport;
  startup: { startToReadyMs: number; freshDatabase: boolean; selfSeeded: boolean; restartToReadyMs?: number; idleRssMiB: number; baselineReadyMs: number };
  identity: IdentityCheck[];
  workloads: WorkloadResult[];
  serverPeakRssMiB: number;
  cachedServerPeakRssMiB?: number;
  baselinePeakRssMiB: number;
  error?: string;
}

const log = (msg: string) => process.stdout.write(`${msg}\n`);

/** CPU time so far of each PostgreSQL backend serving the database (none for SQLite: it runs in the server process). */
async function backendCpu(db: BenchDatabase): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const pid of await db.backendPids()) {
    try {
      out.set(pid, cpuMs(pid));
    } catch {
      /* backend gone, or /proc not readable (remote server) */
    }
  }
  return out;
}

/** CPU used by the backends between two readings (a backend started in between counts whole). */
function backendDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** A server measured on a workload, side by side with others. */
interface Contender {
  server: { pid: number; port: number };
  bodies: Body[];
}

/**
 * The closed loops of the servers measured on one workload run in rounds, one server after the other,
 * each round starting with the next server: a host that slows down for a while slows every server
 * alike, so the ratios between them hold (a single 3 s window each moved W4's ratio between 2.0× and
 * 2.6× from one run to the next). Then each server's open loop. CPU time (server process, and
 * PostgreSQL backends) is summed over its rounds; RSS is sampled from its first round to its open loop.
 */
async function measureSideBySide(contenders: Contender[], w: Workload, db: BenchDatabase): Promise<Measurement[]> {
  const targets: Target[] = contenders.map((c) => ({ port: c.server.port, path: GRAPHQL }));
  const startRss = contenders.map((c) => rssMiB(c.server.pid));
  for (const [i, c] of contenders.entries()) await closedLoop(targets[i], c.bodies, w.clients, WARMUP);
  const rss = contenders.map((c) => rssSampler(c.server.pid));
  const runs = contenders.map(() => ({ rounds: [] as ClosedResult[], latencies: [] as number[], cpu: 0, dbCpu: 0 }));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (round + k) % contenders.length;
      const run = runs[i];
      const d0 = await backendCpu(db);
      const c0 = cpuMs(contenders[i].server.pid);
      run.rounds.push(await closedLoop(targets[i], contenders[i].bodies, w.clients, ROUND_SECONDS, run.latencies));
      run.cpu += cpuMs(contenders[i].server.pid) - c0;
      run.dbCpu += backendDelta(d0, await backendCpu(db));
    }
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  const measurements: Measurement[] = [];
  for (const [i, c] of contenders.entries()) {
    const closed = mergeRounds(runs[i].rounds, runs[i].latencies);
    const c1 = cpuMs(c.server.pid);
    // Slow arrival rates get a longer window, so the percentiles rest on at least 6 requests.
    const before = await scrapeServer(c.server.port);
    const seconds = longerOpenLoops()[w.id] ?? SECONDS;
    const open = await openLoop(targets[i], c.bodies, w.rate, Math.max(seconds, 6 / w.rate));
    Object.assign(open.pauses, serverPauses(before, await scrapeServer(c.server.port)));
    const c2 = cpuMs(c.server.pid);
    const n = Math.max(1, closed.requests);
    measurements.push({
      closed, open,
      cpuMsPerRequest: round(runs[i].cpu / n),
      dbCpuMsPerRequest: db.kind === 'postgresql' ? round(runs[i].dbCpu / n) : undefined,
      cpuMsPerRequestOpen: round((c2 - c1) / Math.max(1, open.completed + open.errors)),
      startRssMiB: Math.round(startRss[i] * 10) / 10,
      peakRssMiB: Math.round(rss[i].stop() * 10) / 10,
    });
  }
  return measurements;
}

/** Sends the first bodies of each baseline workload to both servers and compares the bytes. */
async function checkIdentity(service: Target, baseline: Target, workloads: Workload[]): Promise<{ checks: IdentityCheck[]; baselineSql: Record<string, SqlCount> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const checks: IdentityCheck[] = [];
  const baselineSql: Record<string, SqlCount> = {};
  for (const w of workloads.filter((x) => x.baseline)) {
    const bodies = w.identityBodies ?? w.bodies.slice(0, 10);
    const check: IdentityCheck = { workload: w.id, requests: bodies.length, identical: 0 };
    const counts: number[] = [];
    for (const body of bodies) {
      const [a, b] = [await post(service, body, agent), await post(baseline, body, agent)];
      counts.push(Number(b.headers['x-sql-statements'])); // the baseline counts its own statements
      if (a.status === 200 && a.body.equals(b.body)) check.identical++;
      else if (!check.firstDifference) check.firstDifference = firstDifference(a.body, b.body, body);
    }
    checks.push(check);
    baselineSql[w.id] = {
      mean: Math.round((counts.reduce((x, y) => x + y, 0) / counts.length) * 10) / 10,
      min: Math.min(...counts), max: Math.max(...counts), requests: counts.length,
    };
  }
  agent.destroy();
  return { checks, baselineSql };
}

function firstDifference(a: Buffer, b: Buffer, body: Body): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const vars = JSON.parse(body.toString('utf8')).variables;
  return `variables ${JSON.stringify(vars)}: first difference at byte ${i} of ${a.length}/${b.length}: `
    + `service …${a.toString('utf8', Math.max(0, i - 40), i + 60)}… baseline …${b.toString('utf8', Math.max(0, i - 40), i + 60)}…`;
}

async function runConfig(config: Config): Promise<ConfigResult> {
  const label = `${config.db} ${config.scale}×`;
  const mainJs = join(DIST, 'src', 'main.js');
  const ready = /Registry ready/;
  const db: BenchDatabase = await createDatabase(config.db);
  const servers: ServerProcess[] = [];
  const seedWith = async (scale: number) => {
    log(`[${label}] seeding a network ${scale}× the bundled one…`);
    const report = await runScript<SeedReport>(join(DIST, 'bench', 'seed.js'), [String(scale)], db.env);
    log(`[${label}] seeded ${report.missionsLocales} Missions Locales (scale ${report.scale}) in ${report.seedMs} ms${report.fallbackReason ? ` — ${report.fallbackReason}` : ''}`);
    return report;
  };
  // The service runs as deployed: NODE_ENV=production, unless the caller's environment says otherwise
  // (graphql-js checks every type test in development; introspection and the explorer are off).
  const env = { ...db.env, NODE_ENV: process.env.NODE_ENV || 'production' };
  try {
    let seed: SeedReport | undefined;
    let service: ServerProcess;
    let firstStart: number;
    let restart: number | undefined;
    if (config.scale === 1) {
      // The service creates, migrates and seeds the fresh database itself: a true first start.
      const first = await startServer(mainJs, { ...env, SEED_ON_START: 'true' }, ready);
      firstStart = first.readyMs;
      await first.stop();
      service = await startServer(mainJs, { ...env, SEED_ON_START: 'false', RESPONSE_CACHE_MB: '0' }, ready);
      restart = service.readyMs;
    } else {
      seed = await seedWith(config.scale);
      service = await startServer(mainJs, { ...env, SEED_ON_START: 'false', RESPONSE_CACHE_MB: '0' }, ready);
      firstStart = service.readyMs;
    }
    servers.push(service);
    const cachedService = await startServer(mainJs, { ...env, SEED_ON_START: 'false', RESPONSE_CACHE_MB: '64' }, ready);
    servers.push(cachedService);
    await db.analyze();
    log(`[${label}] registry ready in ${firstStart} ms${restart ? ` (restart on the seeded database: ${restart} ms)` : ''}`);
    const idleRss = rssMiB(service.pid);
    const target: Target = { port: service.port, path: GRAPHQL };
    const sample = await collectSample(target);
    const features = await probeFeatures(target);
    const workloads = buildWorkloads(sample, features, config.only);

    const baseline = await startServer(join(DIST, 'bench', 'baseline', 'server.js'), db.env, /Baseline ready/);
    servers.push(baseline);
    const peer = config.db === 'postgresql' && config.scale <= 10 && peerInstalled() ? await startServer(PEER, db.env, /PostGraphile ready/) : undefined;
    if (peer) servers.push(peer);
    const peerWork = peerBodies();
    const { checks, baselineSql } = await checkIdentity(target, { port: baseline.port, path: GRAPHQL }, workloads);
    for (const c of checks) log(`[${label}] byte-identity ${c.workload}: ${c.identical}/${c.requests} identical${c.firstDifference ? ` — ${c.firstDifference}` : ''}`);

    const results: WorkloadResult[] = [];
    // Light lookups first, whole-network reads last: a workload pays for the garbage its predecessor
    // leaves (a 10× network map leaves hundreds of MiB), so this keeps W1, W2, W5, W6 clean.
    const order: WorkloadId[] = ['W1', 'W2', 'W5', 'W6', 'W3', 'W4', 'W7'];
    for (const w of [...workloads].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))) {
      const identical = checks.find((c) => c.workload === w.id);
      const withBaseline = w.baseline && identical && identical.identical === identical.requests;
      const withPeer = peer && peerWork[w.id] && features.governance;
      const [serviceM, cachedM, ...others] = await measureSideBySide([
        { server: service, bodies: w.bodies }, { server: cachedService, bodies: w.bodies },
        ...(withBaseline ? [{ server: baseline, bodies: w.bodies }] : []),
        ...(withPeer ? [{ server: peer, bodies: peerWork[w.id]! }] : []),
      ], w, db);
      const baselineM = withBaseline ? others.shift() : undefined;
      if (baselineM) baselineM.sqlPerRequest = baselineSql[w.id];
      const peerM = withPeer ? others.shift() : undefined;
      results.push({ id: w.id, title: w.title, note: w.note, variants: w.bodies.length, service: serviceM, cached: cachedM, baseline: baselineM, peer: peerM });
      log(`[${label}] ${w.id}: ${serviceM.closed.rps} req/s closed (${serviceM.closed.errors} errors), open ${w.rate}/s p50 ${serviceM.open.latencyMs.p50} ms p99 ${serviceM.open.latencyMs.p99} ms, ${serviceM.cpuMsPerRequest}${serviceM.dbCpuMsPerRequest !== undefined ? ` + ${serviceM.dbCpuMsPerRequest} DB` : ''} CPU ms/req`
        + ` | with response cache ${cachedM.closed.rps} req/s, p99 ${cachedM.open.latencyMs.p99} ms`
        + (peerM ? ` | PostGraphile ${peerM.closed.rps} req/s, p50 ${peerM.open.latencyMs.p50} ms, ${peerM.cpuMsPerRequest} + ${peerM.dbCpuMsPerRequest} DB CPU ms/req` : '')
        + (baselineM ? ` | baseline ${baselineM.closed.rps} req/s, p50 ${baselineM.open.latencyMs.p50} ms, ${baselineM.cpuMsPerRequest}${baselineM.dbCpuMsPerRequest !== undefined ? ` + ${baselineM.dbCpuMsPerRequest} DB` : ''} CPU ms/req` : ''));
    }
    const serverPeak = peakRssMiB(service.pid);
    const cachedPeak = peakRssMiB(cachedService.pid);
    const baselinePeak = peakRssMiB(baseline.pid);
    await baseline.stop();

    // SQL statements per request: the same bodies through an in-process registry on the same database.
    const requestsFile = join(DIST, 'bench', `sql-requests-${process.pid}.json`);
    writeFileSync(requestsFile, JSON.stringify(Object.fromEntries(workloads.map((w) => [w.id, w.bodies.slice(0, 10).map((b) => b.toString('utf8'))]))));
    const sql = await runScript<Record<string, SqlCount>>(join(DIST, 'bench', 'sql-count.js'), [requestsFile], db.env);
    rmSync(requestsFile, { force: true });
    for (const r of results) r.service.sqlPerRequest = sql[r.id];
    results.sort((a, b) => a.id.localeCompare(b.id));

    return {
      db: config.db, requestedScale: config.scale, scale: seed?.scale ?? config.scale, scaleNote: seed?.fallbackReason,
      data: {
        ...features,
        governanceSource: features.governance ? 'bundled (seeds/generate-governance.ts)' : 'absent',
        conventionsSource: features.conventions ? 'bundled (seeds/generate-conventions.ts)' : 'absent',
      },
      seed,
      startup: { startToReadyMs: firstStart, freshDatabase: config.scale === 1, selfSeeded: config.scale === 1, restartToReadyMs: restart, idleRssMiB: Math.round(idleRss * 10) / 10, baselineReadyMs: baseline.readyMs },
      identity: checks,
      workloads: results,
      serverPeakRssMiB: Math.round(serverPeak * 10) / 10,
      cachedServerPeakRssMiB: Math.round(cachedPeak * 10) / 10,
      baselinePeakRssMiB: Math.round(baselinePeak * 10) / 10,
    };
  } finally {
    for (const s of servers.reverse()) await s.stop();
    await db.drop();
  }
}

async function main() {
  const started = Date.now();
  const loadAtStart = loadavg().map((l) => Math.round(l * 100) / 100);
  const wanted = (process.env.BENCH_DATABASES ?? 'sqlite,postgresql').split(',');
  const pgOk = wanted.includes('postgresql') && (await postgresReachable());
  const notes: string[] = [];
  if (pgOk && !peerInstalled()) notes.push('PostGraphile (bench/peer) not installed: the peer was not measured (npm ci --prefix bench/peer)');
  if (wanted.includes('postgresql') && !pgOk) notes.push(`PostgreSQL not reachable at ${POSTGRES_URL}: PostgreSQL configurations skipped`);
  const picked = process.env.BENCH_CONFIGS?.split(',').map((s) => s.trim());
  const configs = CONFIGS.filter((c) => wanted.includes(c.db) && (c.db !== 'postgresql' || pgOk) && (!picked || picked.includes(`${c.db}:${c.scale}`)));
  const results: ConfigResult[] = [];
  for (const config of configs) {
    log(`\n== ${config.db}, network ${config.scale}× ==`);
    try {
      results.push(await runConfig(config));
    } catch (err) {
      log(`[${config.db} ${config.scale}×] FAILED: ${(err as Error).stack ?? err}`);
      notes.push(`${config.db} ${config.scale}× failed: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  const cpu = cpus();
  const run = {
    command: 'npm run bench',
    date: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: { cores: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10, node: process.version, platform: `${process.platform} ${process.arch}`, loadAverageAtStart: loadAtStart },
    settings: { closedRounds: ROUNDS, closedRoundSeconds: ROUND_SECONDS, openSeconds: SECONDS, openSecondsOf: longerOpenLoops(), openMinRequests: 6, warmupSeconds: WARMUP, postgres: pgOk ? POSTGRES_URL.replace(/\/\/[^@]*@/, '//…@') : 'unreachable' },
    notes,
    configs: results,
  };
  writeReport(run, ROOT);
  log(`\nWrote bench/results.json and BENCHMARKS.md in ${run.durationSeconds} s`);
  if (results.length !== configs.length) process.exitCode = 1;
}

export type BenchRun = {
  command: string;
  date: string;
  durationSeconds: number;
  machine: { cores: number; cpuModel: string; memoryGiB: number; node: string; platform: string; loadAverageAtStart: number[] };
  settings: { closedRounds: number; closedRoundSeconds: number; openSeconds: number; openSecondsOf?: Partial<Record<WorkloadId, number>>; openMinRequests: number; warmupSeconds: number; postgres: string };
  notes: string[];
  configs: ConfigResult[];
};

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
