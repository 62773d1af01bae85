/**
 * Load generation over HTTP on loopback: a closed loop (N clients back to back for a fixed time)
 * and an open loop (requests sent at a fixed arrival rate, latency counted from the planned send
 * time so a slow server cannot hide its queue). Both are bounded in time and in requests in flight.
 */
import { Agent, IncomingHttpHeaders, request } from 'node:http';
import { Pauses, watchClient } from './pauses';

/** One POST body to send (JSON, already encoded) — workloads cycle through a list of them. */
export type Body = Buffer;

export interface Target {
  port: number;
  path: string;
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** POSTs one body; rejects on network error or after `timeoutMs`. */
export function post(target: Target, body: Body, agent: Agent, timeoutMs = 30_000, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port: target.port, path: target.path, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': body.length, ...headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** A reply counts as an error unless it is HTTP 200 without a GraphQL `errors` member. */
export function isError(reply: Reply): boolean {
  return reply.status !== 200 || reply.body.indexOf('"errors":[') !== -1;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(latencies: number[]): LatencySummary {
  const s = [...latencies].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    p50: round(percentile(s, 50)),
    p90: round(percentile(s, 90)),
    p99: round(percentile(s, 99)),
    max: round(s[s.length - 1] ?? NaN),
    mean: round(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
  };
}

export interface ClosedResult {
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  rps: number;
  latencyMs: LatencySummary;
  /** First error reply seen, to explain an error count. */
  firstError?: string;
  /** Requests per second of each round, when the loop ran in rounds interleaved with other servers' (see `mergeRounds`). */
  roundsRps?: number[];
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * `clients` loops sending requests back to back for `seconds`; bodies are taken in turn from `bodies`.
 * Each request's latency is also pushed onto `latencies` (to merge rounds).
 */
export async function closedLoop(target: Target, bodies: Body[], clients: number, seconds: number, latencies: number[] = []): Promise<ClosedResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const first = latencies.length;
  let errors = 0;
  let next = 0;
  let firstError: string | undefined;
  const start = now();
  const deadline = start + seconds * 1000;
  const worker = async () => {
    while (now() < deadline) {
      const body = bodies[next++ % bodies.length];
      const t0 = now();
      try {
        const reply = await post(target, body, agent);
        if (isError(reply)) {
          errors++;
          firstError ??= reply.body.toString('utf8', 0, 300);
        }
      } catch (err) {
        errors++;
        firstError ??= String(err);
      }
      latencies.push(now() - t0);
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const elapsed = (now() - start) / 1000;
  agent.destroy();
  const mine = latencies.slice(first);
  return {
    clients, seconds: Math.round(elapsed * 100) / 100, requests: mine.length, errors,
    rps: Math.round((mine.length / elapsed) * 10) / 10, latencyMs: summarize(mine), firstError,
  };
}

/** The rounds of one server's closed loop as one result: requests over the time of all rounds, latencies of all requests. */
export function mergeRounds(rounds: ClosedResult[], latencies: number[]): ClosedResult {
  const seconds = rounds.reduce((t, r) => t + r.seconds, 0);
  return {
    clients: rounds[0].clients, seconds: Math.round(seconds * 100) / 100, requests: latencies.length,
    errors: rounds.reduce((t, r) => t + r.errors, 0), rps: Math.round((latencies.length / seconds) * 10) / 10,
    latencyMs: summarize(latencies), firstError: rounds.find((r) => r.firstError)?.firstError, roundsRps: rounds.map((r) => r.rps),
  };
}

export interface OpenResult {
  rate: number;
  seconds: number;
  sent: number;
  completed: number;
  errors: number;
  /** Not sent because `maxInFlight` requests were already waiting (the server is saturated). */
  dropped: number;
  /** Still unanswered when the drain time ran out (aborted). */
  timedOut: number;
  /** Successful replies per second, from the first send to the last answer (at least the window). */
  achievedRps: number;
  latencyMs: LatencySummary;
  firstError?: string;
  /** The pauses seen during the window, on each side (see `bench/pauses.ts`). */
  pauses: Pauses;
}

/**
 * Sends at `rate` requests per second for `seconds`; latency runs from each request's planned
 * send time. At most `maxInFlight` requests wait at once; the rest are dropped and counted.
 * After the window, unanswered requests get `drainMs` to finish, then are aborted.
 */
export async function openLoop(
  target: Target, bodies: Body[], rate: number, seconds: number,
  { maxInFlight = 256, drainMs = 10_000, sockets = 64 } = {},
): Promise<OpenResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const latencies: number[] = [];
  const pending = new Set<Promise<void>>();
  let sent = 0;
  let errors = 0;
  let dropped = 0;
  let firstError: string | undefined;
  const total = Math.round(rate * seconds);
  const watch = watchClient();
  const start = now();
  const fire = (planned: number) => {
    const body = bodies[sent % bodies.length];
    sent++;
    const p: Promise<void> = post(target, body, agent, seconds * 1000 + drainMs)
      .then((reply) => {
        if (isError(reply)) {
          errors++;
          firstError ??= reply.body.toString('utf8', 0, 300);
        }
        latencies.push(now() - planned);
      }, (err) => {
        errors++;
        firstError ??= String(err);
        latencies.push(now() - planned);
      })
      .finally(() => pending.delete(p));
    pending.add(p);
  };
  await new Promise<void>((resolve) => {
    let issued = 0;
    const tick = () => {
      const elapsed = now() - start;
      while (issued < total && (issued * 1000) / rate <= elapsed) {
        const planned = start + (issued * 1000) / rate;
        issued++;
        if (pending.size >= maxInFlight) dropped++;
        else fire(planned);
      }
      if (issued >= total) resolve();
      else setTimeout(tick, Math.max(1, Math.min(5, (issued * 1000) / rate - elapsed)));
    };
    tick();
  });
  const drained = Promise.all([...pending]);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([drained, new Promise((r) => { timer = setTimeout(r, drainMs); })]);
  clearTimeout(timer);
  const timedOut = pending.size;
  const lastAnswer = now();
  const client = watch.stop();
  agent.destroy(); // aborts whatever is still pending (counted as errors too)
  await Promise.race([Promise.all([...pending]), new Promise((r) => setTimeout(r, 1000))]);
  const completed = latencies.length - errors;
  const spanSec = Math.max((lastAnswer - start) / 1000, seconds);
  return {
    rate, seconds, sent, completed, errors, dropped, timedOut,
    achievedRps: Math.round((completed / spanSec) * 10) / 10,
    latencyMs: summarize(latencies), firstError,
    pauses: { ...client, serverLoopMaxMs: null, serverGcPausesOver10ms: null, serverFullCollections: null },
  };
}
