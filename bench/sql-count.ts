/**
 * SQL statements per request, measured in process (the child server cannot be instrumented from
 * outside): opens the already-seeded database named by the environment, builds the schema, starts
 * the real HTTP server on a free loopback port, and counts knex 'query' events during each request,
 * one request at a time so every statement is attributed to its request.
 *
 * Usage: node dist/bench/sql-count.js <requests.json> where the file maps workload ids to lists
 * of JSON bodies. Prints one JSON line: { [workload]: { mean, min, max, requests } }.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import type { EntityManager } from '@mikro-orm/knex';
import { loadSettings } from '../src/config';
import { openDatabase } from '../src/db/database';
import { buildRegistrySchema } from '../src/graphql/schema';
import { startHttpServer } from '../src/http/server';
import { createEventBus } from '../src/modules/events/event-bus';

export interface SqlCount {
  mean: number;
  min: number;
  max: number;
  requests: number;
}

async function main() {
  const requests = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Record<string, string[]>;
  const settings = { ...loadSettings(), port: 0, host: '127.0.0.1' };
  const { orm } = await openDatabase(settings);
  const bus = await createEventBus();
  const server = await startHttpServer(orm, await buildRegistrySchema(bus.pubSub), { port: 0, host: '127.0.0.1', events: bus.pubSub });
  const knex = (orm.em as EntityManager).getKnex();
  let statements = 0;
  knex.on('query', () => { statements++; });
  const out: Record<string, SqlCount> = {};
  try {
    for (const [id, bodies] of Object.entries(requests)) {
      const counts: number[] = [];
      for (const body of bodies) {
        statements = 0;
        const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const text = await res.text();
        if (res.status !== 200 || text.includes('"errors":[')) throw new Error(`${id}: ${text.slice(0, 300)}`);
        counts.push(statements);
      }
      out[id] = {
        mean: Math.round((counts.reduce((a, b) => a + b, 0) / counts.length) * 10) / 10,
        min: Math.min(...counts), max: Math.max(...counts), requests: counts.length,
      };
    }
  } finally {
    await server.stop();
    await orm.close(true);
    await bus.close();
  }
  console.log(JSON.stringify(out));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
