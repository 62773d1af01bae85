/**
 * The soak: many concurrent clients mixing reads and writes against a real server for a bounded time,
 * then a check that every acknowledged write is there. `npm run soak` runs it on a fresh database
 * (SOAK_SECONDS, default 60; SOAK_CLIENTS, default 50; SOAK_DATABASE sqlite or postgresql) and exits 1
 * on any 5xx, any lost write, or a database-busy error seen by a client. tests/hardening/soak.e2e.ts
 * runs a shorter one in the test command.
 */
import { execFileSync } from 'node:child_process';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { createDatabase, DatabaseKind } from './databases';
import { percentile, post } from './load';
import { ServerProcess, startServer } from './processes';
import { collectSample } from './sample';
import { dashboardFilter, prng, W1, W2_GOVERNANCE, W3, W5, W6 } from './workloads';

type Kind = 'map' | 'missionLocale' | 'bodies' | 'dashboard' | 'communeLookup' | 'createSite' | 'updateOrganization';
/** Out of 100 operations: 70 reads, 30 writes. */
const MIX: [Kind, number][] = [
  ['map', 10], ['missionLocale', 20], ['bodies', 15], ['dashboard', 10], ['communeLookup', 15], ['createSite', 20], ['updateOrganization', 10],
];
const CREATE_SITE = `mutation Soak($input: CreateSiteInput!) { createSite(input: $input) { site { id name } userErrors { code message } } }`;
const UPDATE_ORGANIZATION = `mutation Soak($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { version website } userErrors { code message } } }`;
const BUSY = /SQLITE_BUSY|database is locked/i;

export interface SoakOptions {
  port: number;
  /** A national-secretariat token: the writes touch Missions Locales all over the network. */
  token: string;
  clients: number;
  seconds: number;
  seed?: number;
}

export interface SoakFigures {
  clients: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  byKind: Record<string, { count: number; p50Ms: number; p99Ms: number }>;
  statuses: Record<string, number>;
  serverErrors: number;
  /** Connections refused, reset or timed out. */
  transportErrors: number;
  /** Answers that mention SQLITE_BUSY or a locked database. */
  busyAnswers: number;
  /** Typed refusals (version conflicts of concurrent updates, mostly). */
  conflicts: number;
  writesAcknowledged: number;
  writesLost: number;
  /** Other unexpected answers (a GraphQL error on a read, an unknown user error), with a sample. */
  unexpected: number;
  unexpectedSample: string[];
}

/** Runs the mixed load, then reads back every acknowledged write. */
export async function soak(options: SoakOptions): Promise<SoakFigures> {
  const { port, token, clients, seconds } = options;
  const sample = await collectSample({ port, path: '/graphql' });
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const ask = async (query: string, variables: Record<string, unknown> = {}) => {
    const reply = await post({ port, path: '/graphql' }, Buffer.from(JSON.stringify({ query, variables })), agent, 60_000, { authorization: `Bearer ${token}` });
    const text = reply.body.toString('utf8');
    return { status: reply.status, text, json: JSON.parse(text) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
  };

  // Where writes go: the first commune of each sampled Mission Locale, and its version.
  const targets = sample.missionsLocales.slice(0, 60);
  const communeOf = new Map<string, string>();
  const versionOf = new Map<string, number>();
  for (const id of targets) {
    const res = await ask(`query($id: ID!) { organization(id: $id) { version communes(first: 1) { nodes { code } } } }`, { id });
    communeOf.set(id, res.json.data.organization.communes.nodes[0].code);
    versionOf.set(id, res.json.data.organization.version);
  }

  const figures: SoakFigures = {
    clients, seconds, requests: 0, requestsPerSecond: 0, byKind: {}, statuses: {}, serverErrors: 0, transportErrors: 0, busyAnswers: 0,
    conflicts: 0, writesAcknowledged: 0, writesLost: 0, unexpected: 0, unexpectedSample: [],
  };
  const latencies = new Map<Kind, number[]>();
  const created = new Map<string, string>(); // site name → organization id
  const websites = new Map<string, { version: number; website: string }>(); // organization id → latest acknowledged update
  const unexpected = (what: string) => {
    figures.unexpected++;
    if (figures.unexpectedSample.length < 5) figures.unexpectedSample.push(what.slice(0, 300));
  };
  const total = MIX.reduce((n, [, w]) => n + w, 0);
  const deadline = Date.now() + seconds * 1000;

  const client = async (c: number) => {
    const rnd = prng((options.seed ?? 7) * 1000 + c);
    const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
    for (let i = 0; Date.now() < deadline; i++) {
      let r = rnd() * total;
      const kind = MIX.find(([, w]) => (r -= w) < 0)![0];
      const ml = pick(targets);
      let query = W1;
      let variables: Record<string, unknown> = { id: pick(sample.missionsLocales) };
      let siteName = '';
      if (kind === 'map') query = W3;
      else if (kind === 'bodies') query = W2_GOVERNANCE;
      else if (kind === 'dashboard') [query, variables] = [W5, { id: pick(sample.armls), filter: dashboardFilter(i, pick(sample.dates)) }];
      else if (kind === 'communeLookup') [query, variables] = [W6, { postalCode: pick(sample.postalCodes) }];
      else if (kind === 'createSite') {
        siteName = `Soak ${c}-${i}`;
        [query, variables] = [CREATE_SITE, { input: { organizationId: ml, kind: 'ANTENNA', name: siteName, communeCode: communeOf.get(ml) } }];
      } else if (kind === 'updateOrganization') {
        [query, variables] = [UPDATE_ORGANIZATION, { input: { id: ml, version: versionOf.get(ml), website: `https://soak.example.org/${c}/${i}` } }];
      }
      const started = process.hrtime.bigint();
      let res: Awaited<ReturnType<typeof ask>>;
      try {
        res = await ask(query, variables);
      } catch (err) {
        figures.transportErrors++;
        unexpected(`${kind}: ${String((err as Error).message)}`);
        continue;
      }
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (!latencies.has(kind)) latencies.set(kind, []);
      latencies.get(kind)!.push(ms);
      figures.requests++;
      figures.statuses[res.status] = (figures.statuses[res.status] ?? 0) + 1;
      if (res.status >= 500) figures.serverErrors++;
      if (BUSY.test(res.text)) figures.busyAnswers++;
      if (res.json.errors?.length) {
        unexpected(`${kind}: ${res.text}`);
        continue;
      }
      if (kind === 'createSite') {
        const payload = res.json.data.createSite;
        if (payload.userErrors.length) unexpected(`createSite: ${JSON.stringify(payload.userErrors)}`);
        else {
          created.set(payload.site.name, ml);
          figures.writesAcknowledged++;
        }
      } else if (kind === 'updateOrganization') {
        const payload = res.json.data.updateOrganization;
        if (payload.userErrors.some((e: { code: string }) => e.code === 'CONFLICT')) {
          // Another client changed it first: the typed answer a client re-reads after.
          figures.conflicts++;
          const fresh = await ask(`query($id: ID!) { organization(id: $id) { version } }`, { id: ml });
          versionOf.set(ml, Math.max(versionOf.get(ml)!, fresh.json.data.organization.version));
        } else if (payload.userErrors.length) unexpected(`updateOrganization: ${JSON.stringify(payload.userErrors)}`);
        else {
          const { version, website } = payload.organization;
          versionOf.set(ml, Math.max(versionOf.get(ml)!, version));
          if (version > (websites.get(ml)?.version ?? 0)) websites.set(ml, { version, website });
          figures.writesAcknowledged++;
        }
      }
    }
  };
  const began = Date.now();
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  figures.requestsPerSecond = Math.round((figures.requests / ((Date.now() - began) / 1000)) * 10) / 10;
  for (const [kind, list] of latencies) {
    const sorted = [...list].sort((a, b) => a - b);
    figures.byKind[kind] = { count: list.length, p50Ms: Math.round(percentile(sorted, 50) * 10) / 10, p99Ms: Math.round(percentile(sorted, 99) * 10) / 10 };
  }

  // Read back: every acknowledged site is there once; every organization shows its latest acknowledged update.
  for (const id of targets) {
    const names: string[] = [];
    let after: string | null = null;
    do {
      const res = await ask(`query($id: ID!, $after: String) { organization(id: $id) { version website sites(first: 100, after: $after) { nodes { name } pageInfo { hasNextPage endCursor } } } }`, { id, after });
      const org = res.json.data.organization;
      names.push(...org.sites.nodes.map((s: { name: string }) => s.name));
      after = org.sites.pageInfo.hasNextPage ? org.sites.pageInfo.endCursor : null;
      const latest = websites.get(id);
      if (after === null && latest && (org.version !== latest.version || org.website !== latest.website)) figures.writesLost++;
    } while (after);
    const present = new Set(names);
    if (present.size !== names.length) unexpected(`${id}: a site name appears twice`);
    for (const [name, owner] of created) if (owner === id && !present.has(name)) figures.writesLost++;
  }
  agent.destroy();
  return figures;
}

/** Fails when the soak saw a 5xx, a transport error, a busy database, a lost write or an unexpected answer. */
export function soakProblems(f: SoakFigures): string[] {
  const problems: string[] = [];
  if (f.serverErrors) problems.push(`${f.serverErrors} 5xx answers`);
  if (f.transportErrors) problems.push(`${f.transportErrors} transport errors`);
  if (f.busyAnswers) problems.push(`${f.busyAnswers} answers mentioning a busy database`);
  if (f.writesLost) problems.push(`${f.writesLost} acknowledged writes lost`);
  if (f.unexpected) problems.push(`${f.unexpected} unexpected answers, e.g. ${f.unexpectedSample.join(' | ')}`);
  if (f.writesAcknowledged === 0) problems.push('no write was acknowledged');
  return problems;
}

/** `npm run soak`: a fresh database, the real server as a child process, the soak, the figures. */
async function main() {
  const kind = (process.env.SOAK_DATABASE ?? 'sqlite') as DatabaseKind;
  const seconds = Number(process.env.SOAK_SECONDS ?? 60);
  const clients = Number(process.env.SOAK_CLIENTS ?? 50);
  const db = await createDatabase(kind);
  const env = { ...db.env, TOKEN_SECRET: 'soak-secret-of-at-least-thirty-two-characters', SEED_ON_START: 'true' };
  const dist = join(__dirname, '..', 'src');
  let server: ServerProcess | undefined;
  try {
    server = await startServer(join(dist, 'main.js'), env, /Registry ready/);
    const token = execFileSync(process.execPath, [join(dist, 'cli', 'token.js'), 'mint', '--role', 'NATIONAL'], { env: { ...process.env, ...env } })
      .toString().trim().split('\n').pop()!;
    console.log(`Soak on ${kind}: ${clients} clients for ${seconds} s, mixed reads and writes, against the bundled network`);
    const figures = await soak({ port: server.port, token, clients, seconds });
    const logged = server.output().split('\n').filter((l) => /"level":"(error|fatal)"/.test(l)).length;
    console.log(JSON.stringify({ database: kind, ...figures, serverErrorLogLines: logged }, null, 2));
    const problems = soakProblems(figures);
    if (logged) problems.push(`${logged} error lines in the server log`);
    console.log(problems.length ? `FAILED: ${problems.join('; ')}` : `OK: ${figures.requests} requests, ${figures.writesAcknowledged} writes acknowledged, 0 lost, 0 5xx, 0 busy`);
    process.exitCode = problems.length ? 1 : 0;
  } finally {
    await server?.stop();
    await db.drop();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
