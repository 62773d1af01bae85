import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { builtBundle } from '../seeds/bundle';
import { loadSettings } from './config';
import { openDatabase } from './db/database';
import { buildRegistrySchema } from './graphql/schema';
import { HEAVY_QUERIES_WAITING } from './http/heavy-queries';
import { startHttpServer } from './http/server';
import { createEventBus } from './modules/events/event-bus';

/** Runs the registry: database (created, migrated and seeded on first start), schema, HTTP server; stops on SIGINT or SIGTERM. */
export async function runService(): Promise<void> {
  const started = Date.now();
  const settings = loadSettings();
  // Read by V8 at each full collection: set before the first.
  if (settings.heapGrowthPercent > 0) setFlagsFromString(`--heap-growing-percent=${settings.heapGrowthPercent}`);
  // Objects are made in the young generation, whatever V8 saw of their creation site. Left to itself,
  // V8 moved creation sites of the commune lookup (W6) to the old generation, where their garbage, and
  // the young objects it pointed to, stayed until the next full collection: 9 MB per 1,000 lookups
  // instead of 1.2, and a full collection in the middle of the lookups every few seconds.
  setFlagsFromString('--no-allocation-site-pretenuring');
  const { orm, seeded, statistics } = await openDatabase(settings, settings.seedOnStart ? builtBundle : undefined, { statisticsLater: true });
  // After a first start, the planner statistics come in while the service starts and answers.
  const statisticsIn = statistics.catch((err) => {
    console.error(JSON.stringify({ level: 'error', message: `Planner statistics not refreshed: ${String(err?.message ?? err)}` }));
  });
  const closeDatabase = () => statisticsIn.then(() => orm.close());
  const bus = await createEventBus(settings.redisUrl).catch(async (err) => {
    await closeDatabase();
    throw err;
  });
  const schema = await buildRegistrySchema(bus.pubSub);
  const running = await startHttpServer(orm, schema, {
    port: settings.port, host: settings.host, tokenSecret: settings.tokenSecret, events: bus.pubSub, mode: settings.mode, introspection: settings.introspection,
    explorer: settings.explorer, metrics: settings.metrics, responseCacheBytes: settings.responseCacheBytes,
    heavyQueries: { slots: settings.heavyQuerySlots, maxWaiting: HEAVY_QUERIES_WAITING },
    log: (line) => console.log(JSON.stringify(line)),
  })
    .catch(async (err) => {
      await Promise.all([closeDatabase(), bus.close()]);
      throw err;
    });
  // Listening before the ready line: whoever reads it may stop the service at once (a signal with no
  // listener yet ends the process on the spot). `on`, not `once`: a library watching signals
  // (signal-exit) re-raises one nobody else listens to any more.
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await running.stop();
    await Promise.all([closeDatabase(), bus.close()]);
    console.log(JSON.stringify({ level: 'info', message: 'Registry stopped' }));
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  console.log(JSON.stringify({
    level: 'info',
    message: `Registry ready at ${running.url}`,
    database: settings.databaseUrl ? 'postgresql' : `sqlite:${settings.sqlitePath}`,
    events: settings.redisUrl ? 'redis' : 'in-process',
    seeded,
    mode: settings.mode,
    heapGrowthPercent: settings.heapGrowthPercent,
    startMs: Date.now() - started,
  }));
}
