/** Writes bench/results.json (everything measured) and BENCHMARKS.md (the tables, ratios first). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRun, ConfigResult, Measurement, WorkloadResult } from './run';

const fmt = (x: number | undefined, digits = 1) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || !b ? undefined : a / b);
const x = (r: number | undefined) => (r === undefined ? '–' : `${r.toFixed(r >= 10 ? 0 : r >= 1 ? 1 : 2)}×`);
const label = (c: ConfigResult) => `${c.db === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${c.scale}×`;

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Baseline ÷ service throughput of each interleaved round (see `measureSideBySide`). */
function roundRatios(b: Measurement, s: Measurement | undefined): number[] {
  const br = b.closed.roundsRps ?? [];
  const sr = s?.closed.roundsRps ?? [];
  return br.length === sr.length ? br.map((v, i) => v / sr[i]) : [];
}

/** A throughput ratio over all rounds, with the lowest and highest round: "2.1× (1.9–2.3×)". */
function throughputRatio(b: Measurement, s: Measurement | undefined): string {
  const all = x(ratio(b.closed.rps, s?.closed.rps));
  const rounds = roundRatios(b, s);
  return rounds.length > 1 ? `${all} (${x(Math.min(...rounds)).slice(0, -1)}–${x(Math.max(...rounds))})` : all;
}

/** CPU per request of the server process plus, on PostgreSQL, of the database backends. */
const totalCpu = (m: Measurement) => m.cpuMsPerRequest + (m.dbCpuMsPerRequest ?? 0);

function ratioRows(run: BenchRun): string[][] {
  const rows: string[][] = [];
  for (const c of run.configs) {
    for (const w of c.workloads) {
      if (!w.baseline) continue;
      const s = w.service;
      const b = w.baseline;
      rows.push([
        label(c), w.id,
        throughputRatio(b, s),
        throughputRatio(b, w.cached),
        x(ratio(s.open.latencyMs.p50, b.open.latencyMs.p50)),
        x(ratio(s.open.latencyMs.p99, b.open.latencyMs.p99)),
        x(ratio(totalCpu(s), totalCpu(b))),
        x(ratio(s.sqlPerRequest?.mean, b.sqlPerRequest?.mean)),
        x(ratio(s.peakRssMiB, b.peakRssMiB)),
      ]);
    }
  }
  return rows;
}

/** The open loop's longest pauses (`bench/pauses.ts`): load generator, server (with its GC pauses of 10 ms or more and its full collections), host steal. */
function pausesCell(open: Measurement['open']): string {
  const p = open.pauses;
  if (!p) return '–';
  const notes = [p.serverGcPausesOver10ms ? `${p.serverGcPausesOver10ms} GC` : '', p.serverFullCollections ? `${p.serverFullCollections} full GC` : ''].filter(Boolean).join(', ');
  const server = p.serverLoopMaxMs === null ? '–' : `${fmt(p.serverLoopMaxMs, 0)}${notes ? ` (${notes})` : ''}`;
  return `${fmt(p.clientLoopMaxMs, 0)} / ${server} / ${p.hostStealMs ?? '–'}`;
}

function measurementRow(who: string, m: Measurement, rate: number): string[] {
  const open = m.open;
  const openNote = open.dropped || open.timedOut || open.errors
    ? ` (${[open.errors && `${open.errors} err`, open.dropped && `${open.dropped} dropped`, open.timedOut && `${open.timedOut} timed out`].filter(Boolean).join(', ')})`
    : '';
  return [
    who,
    `${fmt(m.closed.rps)}${m.closed.errors ? ` (${m.closed.errors} err)` : ''}`,
    fmt(m.closed.latencyMs.p50),
    `${rate}/s → ${fmt(open.achievedRps)}/s${openNote}`,
    fmt(open.latencyMs.p50),
    fmt(open.latencyMs.p99),
    pausesCell(open),
    fmt(m.cpuMsPerRequest, 2),
    m.dbCpuMsPerRequest === undefined ? 'in process' : fmt(m.dbCpuMsPerRequest, 2),
    m.sqlPerRequest ? (m.sqlPerRequest.min === m.sqlPerRequest.max ? String(m.sqlPerRequest.min) : `${m.sqlPerRequest.min}–${m.sqlPerRequest.max}`) : '–',
    `${fmt(m.startRssMiB, 0)} → ${fmt(m.peakRssMiB, 0)}`,
  ];
}

function configSection(c: ConfigResult, rates: (w: WorkloadResult) => number): string {
  const rows: string[][] = [];
  for (const w of c.workloads) {
    rows.push(measurementRow(`**${w.id}** ${w.title}`, w.service, rates(w)));
    if (w.cached) rows.push(measurementRow(`${w.id} with response cache`, w.cached, rates(w)));
    if (w.baseline) rows.push(measurementRow(`${w.id} baseline`, w.baseline, rates(w)));
    if (w.peer) rows.push(measurementRow(`${w.id} PostGraphile (its own query)`, w.peer, rates(w)));
  }
  const start = c.startup;
  const lines = [
    `### ${label(c)}${c.scaleNote ? ` (asked for ${c.requestedScale}×)` : ''}`,
    '',
    c.scaleNote ? `> ${c.scaleNote}.\n` : '',
    c.seed
      ? `Data: ${c.seed.missionsLocales} Missions Locales, ${c.seed.sites} sites, seeded by \`bench/seed.ts\` in ${(c.seed.seedMs / 1000).toFixed(1)} s (generation ${(c.seed.generateMs / 1000).toFixed(1)} s); governance: ${c.data.governanceSource}; conventions: ${c.data.conventionsSource}.`
      : `Data: the bundled data (437 Missions Locales), seeded by the service itself on first start; governance: ${c.data.governanceSource}; conventions: ${c.data.conventionsSource}.`,
    '',
    `Start to "Registry ready": **${start.startToReadyMs} ms** ${start.freshDatabase ? '(fresh database: migrations and seeding included)' : '(database seeded beforehand: migrations check and start only)'}`
      + `${start.restartToReadyMs !== undefined ? `; restart on the seeded database ${start.restartToReadyMs} ms` : ''}; baseline ready in ${start.baselineReadyMs} ms. `
      + `Server RSS idle ${fmt(start.idleRssMiB, 0)} MiB, peak ${fmt(c.serverPeakRssMiB, 0)} MiB (VmHWM), with response cache ${fmt(c.cachedServerPeakRssMiB, 0)} MiB; baseline peak ${fmt(c.baselinePeakRssMiB, 0)} MiB.`,
    '',
    table(['workload', 'closed req/s', 'closed p50 ms', 'open rate → done', 'open p50 ms', 'open p99 ms', 'open loop pauses ms: generator / server / steal', 'CPU ms/req', 'DB CPU ms/req', 'SQL/req', 'RSS MiB start → peak'], rows),
  ];
  const notes = c.workloads.filter((w) => w.note).map((w) => `- ${w.id}: ${w.note}`);
  if (notes.length) lines.push('', ...notes);
  return lines.filter((l, i, a) => !(l === '' && a[i - 1] === '')).join('\n');
}

/** PostGraphile beside the service (and the cached service) on the same PostgreSQL data. */
function peerRows(run: BenchRun): string[][] {
  return run.configs.flatMap((c) => c.workloads.filter((w) => w.peer).map((w) => [
    label(c), w.id, fmt(w.service.closed.rps), fmt(w.cached?.closed.rps), fmt(w.peer!.closed.rps),
    x(ratio(w.peer!.closed.rps, w.service.closed.rps)), fmt(totalCpu(w.service), 1), fmt(totalCpu(w.peer!), 1),
    fmt(w.service.open.latencyMs.p50), fmt(w.peer!.open.latencyMs.p50),
  ]));
}

/** The issue's 100× criterion: paginated queries on PostgreSQL within 2× of their 1× latency. */
function scaleCheck(run: BenchRun): string {
  const pg1 = run.configs.find((c) => c.db === 'postgresql' && c.requestedScale === 1);
  const pg100 = run.configs.find((c) => c.db === 'postgresql' && c.requestedScale === 100);
  if (!pg1 || !pg100) return '_Not measured in this run (PostgreSQL 1× or 100× missing)._';
  const rows = pg100.workloads.map((w) => {
    const base = pg1.workloads.find((v) => v.id === w.id);
    const r50 = ratio(w.service.open.latencyMs.p50, base?.service.open.latencyMs.p50);
    const r99 = ratio(w.service.open.latencyMs.p99, base?.service.open.latencyMs.p99);
    return [w.id, fmt(base?.service.open.latencyMs.p50, 2), fmt(w.service.open.latencyMs.p50, 2), x(r50), x(r99),
      x(ratio(w.service.closed.rps, base?.service.closed.rps)), r50 !== undefined && r50 <= 2 ? 'yes' : 'NO'];
  });
  return [
    `PostgreSQL, open loop at the same arrival rate; 100× column is the network actually built (${pg100.scale}×${pg100.scaleNote ? ', see note below' : ''}).`,
    '',
    table(['workload', 'p50 ms at 1×', `p50 ms at ${pg100.scale}×`, 'p50 ratio', 'p99 ratio', 'throughput ratio', 'p50 within 2×'], rows),
    pg100.scaleNote ? `\n> ${pg100.scaleNote}.` : '',
  ].join('\n');
}

/** The headline numbers, also stored in results.json: service ÷ baseline ratios and the 100× criterion. */
function summary(run: BenchRun) {
  const r = (v: number | undefined) => (v === undefined ? null : Math.round(v * 100) / 100);
  const pg1 = run.configs.find((c) => c.db === 'postgresql' && c.requestedScale === 1);
  const pg100 = run.configs.find((c) => c.db === 'postgresql' && c.requestedScale === 100);
  return {
    ratios: run.configs.flatMap((c) => c.workloads.filter((w) => w.baseline).map((w) => ({
      db: c.db, scale: c.scale, workload: w.id,
      throughputBaselineOverService: r(ratio(w.baseline!.closed.rps, w.service.closed.rps)),
      throughputBaselineOverServiceByRound: roundRatios(w.baseline!, w.service).map(r),
      throughputBaselineOverCachedService: r(ratio(w.baseline!.closed.rps, w.cached?.closed.rps)),
      p50ServiceOverBaseline: r(ratio(w.service.open.latencyMs.p50, w.baseline!.open.latencyMs.p50)),
      p99ServiceOverBaseline: r(ratio(w.service.open.latencyMs.p99, w.baseline!.open.latencyMs.p99)),
      cpuServiceOverBaseline: r(ratio(totalCpu(w.service), totalCpu(w.baseline!))),
      sqlServiceOverBaseline: r(ratio(w.service.sqlPerRequest?.mean, w.baseline!.sqlPerRequest?.mean)),
      peakRssServiceOverBaseline: r(ratio(w.service.peakRssMiB, w.baseline!.peakRssMiB)),
    }))),
    peer: run.configs.flatMap((c) => c.workloads.filter((w) => w.peer).map((w) => ({
      db: c.db, scale: c.scale, workload: w.id,
      throughputPeerOverService: r(ratio(w.peer!.closed.rps, w.service.closed.rps)),
      throughputPeerOverCachedService: r(ratio(w.peer!.closed.rps, w.cached?.closed.rps)),
    }))),
    largeNetwork: pg1 && pg100 ? {
      db: 'postgresql', scale: pg100.scale, requestedScale: pg100.requestedScale, note: pg100.scaleNote ?? null,
      workloads: pg100.workloads.map((w) => {
        const p50 = ratio(w.service.open.latencyMs.p50, pg1.workloads.find((v) => v.id === w.id)?.service.open.latencyMs.p50);
        return { workload: w.id, p50RatioTo1x: r(p50), within2x: p50 !== undefined && p50 <= 2 };
      }),
    } : null,
  };
}

export function writeReport(run: BenchRun, root: string): void {
  writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify({ summary: summary(run), ...run }, null, 2)}\n`);
  const rateOf = (w: WorkloadResult) => w.service.open.rate;
  const identity = run.configs.flatMap((c) => c.identity.map((i) => [label(c), i.workload, `${i.identical}/${i.requests}`, i.firstDifference ?? '']));
  const m = run.machine;
  const md = [
    '# Benchmarks',
    '',
    '_Generated by `npm run bench` (bench/report.ts); the raw figures are in [bench/results.json](bench/results.json)._',
    '',
    `- **Command:** \`${run.command}\` (build, then \`node dist/bench/run.js\`)`,
    `- **Date:** ${run.date}`,
    `- **Machine:** ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB memory, Node ${m.node}, ${m.platform}; load average when the run started ${m.loadAverageAtStart.join(' / ')} (1 / 5 / 15 min)`,
    `- **Settings:** closed loop ${run.settings.closedRounds} rounds of ${run.settings.closedRoundSeconds} s per server, interleaved between the servers of a workload, and open loop ${run.settings.openSeconds} s${Object.entries(run.settings.openSecondsOf ?? {}).map(([id, s]) => `, ${id} ${s} s`).join('')} (longer at slow rates, so that at least ${run.settings.openMinRequests} requests are sent) per workload, after a ${run.settings.warmupSeconds} s warm-up; PostgreSQL ${run.settings.postgres}`,
    `- **Whole run:** ${run.durationSeconds} s`,
    ...run.notes.map((n) => `- **Note:** ${n}`),
    '',
    '## Service / baseline ratios',
    '',
    'The baseline (`bench/baseline/`) is a plain `node:http` server with hand-written SQL on the same drivers (`sqlite3`, `pg`) and the same database, '
      + 'returning byte-identical JSON. Ratios are service ÷ baseline for cost (latency, CPU, statements, memory) and baseline ÷ service for throughput, '
      + 'so **every ratio reads "how many times worse the service is"** (1× = as good as raw SQL).',
    '',
    'The service is measured twice: computing every answer (`RESPONSE_CACHE_MB=0`, the cost of the GraphQL, ORM and SQL layers; every other column), '
      + 'and as deployed by default, where the answers of anonymous queries are kept until the data changes (`src/http/response-cache.ts`; '
      + 'the bench sends anonymous queries, so after the first round a repeated body is served from memory after one SQL statement that reads the data generation). '
      + `Both run with \`NODE_ENV=${process.env.NODE_ENV || 'production'}\` and the default \`HEAVY_QUERY_SLOTS=1\`: the 4 clients of W3 and W4 have their maps computed one at a time (\`src/http/heavy-queries.ts\`).`,
    '',
    table(['config', 'workload', 'throughput (closed), baseline ÷ service (lowest–highest round)', 'same, service with response cache', 'p50 (open)', 'p99 (open)', 'CPU ms/req (server + DB)', 'SQL/req', 'peak RSS'], ratioRows(run)),
    '',
    '## The peer: PostGraphile over the same PostgreSQL data',
    '',
    'PostGraphile 4.14 with the connection-filter plugin (`bench/peer/`, installed apart by `npm run bench`), serving the same database read-only, '
      + 'answers W3 and W4 with its own generated schema (links, regions and coverage filtered on the date; for W4 every body, its posts and their mandates in effect): '
      + 'the same information, not the same JSON (its W4 answer also lists empty posts). "Peer ÷ service" reads how many times more requests PostGraphile serves.',
    '',
    peerRows(run).length
      ? table(['config', 'workload', 'service req/s', 'service with response cache req/s', 'PostGraphile req/s', 'peer ÷ service', 'service CPU ms/req (server + DB)', 'PostGraphile CPU ms/req (server + DB)', 'service p50 ms', 'PostGraphile p50 ms'], peerRows(run))
      : '_Not measured in this run (PostgreSQL unreachable, or bench/peer not installed)._',
    '',
    '## 100× network: paginated queries within 2× of their 1× latency?',
    '',
    scaleCheck(run),
    '',
    '## Byte-identity of the baseline (checked at the start of each configuration)',
    '',
    table(['config', 'workload', 'identical', 'first difference'], identity),
    '',
    '## All figures',
    '',
    '"closed": N clients back to back (N = 8, 4 for W3/W4), in rounds: each round runs the service, the service with the response cache, the baseline and the peer '
      + 'one after the other, starting with the next one each round, so that a slower moment of the host falls on all of them; the figure is requests over the time of all rounds; "open": requests sent at a fixed rate, latency counted from the planned send time '
      + '(so queueing is included), at most 256 in flight (beyond that a request is dropped and counted); "open loop pauses": during the open loop, the longest delay of the load generator\'s event loop / '
      + 'of the server\'s (read from its metrics; "(n GC)": its garbage collection pauses of 10 ms or more, "(n full GC)": its full collections, marked in steps between requests and finished in one pause, which together hold up the requests of some 30 ms; – for servers without metrics) / CPU time the hypervisor took from this machine (`steal`), in ms (`bench/pauses.ts`): '
      + 'a p99 far above the p90 is a few requests caught in one pause, and these say on which side it was; "CPU ms/req": user+system time of the server process '
      + '(/proc/<pid>/stat) over the closed loop ÷ requests; "DB CPU ms/req": the same for the PostgreSQL backends serving the database (SQLite runs inside the server process); "SQL/req": statements per request (service: knex `query` events in an in-process registry on the '
      + 'same database, 10 requests per workload; baseline: its own count); "RSS": VmRSS of the server process when the workload starts → highest value sampled every 100 ms during it '
      + '(workloads run light ones first, W1 W2 W5 W6 then W3 W4 W7, because each pays for the garbage its predecessor leaves). '
      + 'The machine is a shared 2-core one: a single 3 s window per server moved a ratio by up to 30 % between two runs, hence the interleaved rounds and the lowest–highest round next to each throughput ratio.',
    '',
    ...run.configs.flatMap((c) => [configSection(c, rateOf), '']),
    '## How to run',
    '',
    '```sh',
    'npm run bench                                   # everything: about 20 minutes on 2 cores',
    'BENCH_CONFIGS=sqlite:1,postgresql:100 npm run bench   # a subset (db:scale, comma-separated)',
    'BENCH_ROUNDS=5 BENCH_ROUND_SECONDS=4 BENCH_SECONDS=10 BENCH_RATES=W1=100,W6=100 npm run bench   # more and longer rounds, longer open loops, other rates',
    '```',
    '',
    'It builds (`npm run build`, then `tsc -p bench/tsconfig.json` into `dist/bench/`), then for each configuration creates a fresh database '
      + '(a temporary SQLite file, or a new database on `BENCH_POSTGRES_URL`, default `TEST_POSTGRES_URL` or `postgresql://postgres@127.0.0.1:5432/test`, dropped at the end), '
      + 'starts `node dist/src/main.js` and `node dist/bench/baseline/server.js` on free loopback ports, and stops them when done. '
      + 'PostgreSQL configurations are skipped, and said so, when the server does not answer.',
    '',
    '## What is not measured, and why',
    '',
    ...limitations(run).map((l) => `- ${l}`),
    '',
  ].join('\n');
  writeFileSync(join(root, 'BENCHMARKS.md'), md);
}

function limitations(run: BenchRun): string[] {
  const out: string[] = [];
  const any = run.configs[0];
  if (any && !any.data.governance) {
    out.push('**Governance data is absent** (no `seeds/generate-governance.ts`, and `seeds/bundle.ts` has no governance): W2 is measured as "a Mission Locale with its communes and sites", '
      + 'W4 resolves `president`/`governingBodies` over empty tables, and the W4 baseline is not written (nothing to be byte-identical to but empty lists).');
  }
  if (any && !any.data.conventions) {
    out.push('**Conventions data is absent** (not in the bundle): W5 returns empty pages, so it measures the read path of an empty dashboard, not the cost of 50 conventions with parties and funding.');
  }
  const fallback = run.configs.find((c) => c.scaleNote);
  if (fallback) out.push(`**100× cannot be generated**: ${fallback.scaleNote}. The "100×" configuration therefore runs on the largest network the generator builds.`);
  out.push('**PostGraphile peer**: version 4 (the current 5.x requires Node ≥ 22), installed in `bench/peer/` apart from the project (it brings graphql 15); measured on W3 and W4 '
    + 'at 1× and 10× only, with its own queries, so no byte-identity and no SQL count (it compiles each request to one SQL statement).');
  out.push('**Load generator on the same machine**: the client (this process) shares the cores with the server, so closed-loop throughput is a lower bound; both the service and the baseline pay the same client cost.');
  out.push('**SQL per request** is counted in a separate in-process registry (same code, same database), not in the measured child process, which cannot be instrumented from outside.');
  out.push('**Start-to-ready on a fresh database** is measured at 1× only (the service seeds the bundled network itself); for 10× and 100× the bench seeds beforehand (`bench/seed.ts`, time reported) and measures the start on the seeded database.');
  return out;
}
