/**
 * Where an open loop's latency stalls came from: the load generator's own event loop and garbage
 * collections, the server's (read from its Prometheus metrics), and CPU time the host's hypervisor
 * took from this machine (`steal` in /proc/stat). A p99 above its p90 by tens of milliseconds is a
 * few requests caught in one such pause; these figures say on which side it was.
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { clockTicks } from './proc';

/** Pauses seen during one open-loop window (null: not measurable for that server). */
export interface Pauses {
  /** Longest delay of the load generator's event loop (its timers fired that late). */
  clientLoopMaxMs: number;
  /** Longest garbage-collection pause of the load generator. */
  clientGcMaxMs: number;
  /** Longest delay of the server's event loop (prom-client's `monitorEventLoopDelay` in the server, past its 10 ms resolution). */
  serverLoopMaxMs: number | null;
  /** The server's garbage-collection pauses of 10 ms or more. */
  serverGcPausesOver10ms: number | null;
  /**
   * The server's full (mark-compact) collections. Each is marked in steps of a few milliseconds between
   * requests, then finished in one pause: the requests arriving meanwhile wait, none of them 10 ms.
   */
  serverFullCollections: number | null;
  /** CPU time the hypervisor gave to other machines while this one wanted it, all cores. */
  hostStealMs: number | null;
}

function stealTicks(): number | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/);
    return Number(cpu[8]);
  } catch {
    return null;
  }
}

const CLIENT_LOOP_RESOLUTION_MS = 5;

/** Starts watching the load generator and the host; `stop` gives what was seen since. */
export function watchClient(): { stop(): Pick<Pauses, 'clientLoopMaxMs' | 'clientGcMaxMs' | 'hostStealMs'> } {
  const loop = monitorEventLoopDelay({ resolution: CLIENT_LOOP_RESOLUTION_MS });
  loop.enable();
  let gcMax = 0;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMax = Math.max(gcMax, e.duration);
  });
  gc.observe({ entryTypes: ['gc'] });
  const steal0 = stealTicks();
  return {
    stop() {
      loop.disable();
      gc.disconnect();
      const steal1 = stealTicks();
      const round = (x: number) => Math.round(x * 100) / 100;
      return {
        // The histogram records each interval of its timer: the delay is what exceeds the resolution.
        clientLoopMaxMs: loop.count ? round(Math.max(0, loop.max / 1e6 - CLIENT_LOOP_RESOLUTION_MS)) : 0,
        clientGcMaxMs: round(gcMax),
        hostStealMs: steal0 === null || steal1 === null ? null : Math.round(((steal1 - steal0) * 1000) / clockTicks()),
      };
    },
  };
}

const SERVER_LOOP_RESOLUTION_MS = 10;

interface ServerGauges {
  loopMaxMs: number;
  gcOver10ms: number;
  fullCollections: number;
}

/**
 * Reads the server's event-loop delay since its previous scrape (prom-client resets it at each
 * one) and its count of garbage collections of 10 ms or more; null when it serves no metrics.
 */
export async function scrapeServer(port: number): Promise<ServerGauges | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    if (!res.ok) return null;
    const text = await res.text();
    const lag = /^nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(text);
    let gcAll = 0;
    let gcUnder10 = 0;
    let fullCollections = 0;
    for (const m of text.matchAll(/^nodejs_gc_duration_seconds_(bucket\{le="0\.01",[^}]*\}|count\{[^}]*\}) (\S+)$/gm)) {
      if (m[1].startsWith('bucket')) gcUnder10 += Number(m[2]);
      else gcAll += Number(m[2]);
      if (m[1].startsWith('count') && m[1].includes('kind="major"')) fullCollections += Number(m[2]);
    }
    if (!lag) return null;
    // The histogram records each interval of its timer, whose resolution is 10 ms (prom-client's default).
    return { loopMaxMs: Math.max(0, Math.round(Number(lag[1]) * 1e5) / 100 - SERVER_LOOP_RESOLUTION_MS), gcOver10ms: gcAll - gcUnder10, fullCollections };
  } catch {
    return null;
  }
}

/** The server's pauses between two scrapes (`before` resets its event-loop reading). */
export function serverPauses(before: ServerGauges | null, after: ServerGauges | null): Pick<Pauses, 'serverLoopMaxMs' | 'serverGcPausesOver10ms' | 'serverFullCollections'> {
  if (!before || !after) return { serverLoopMaxMs: null, serverGcPausesOver10ms: null, serverFullCollections: null };
  return {
    serverLoopMaxMs: after.loopMaxMs,
    serverGcPausesOver10ms: after.gcOver10ms - before.gcOver10ms,
    serverFullCollections: after.fullCollections - before.fullCollections,
  };
}
