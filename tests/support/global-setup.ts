import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { POSTGRES_URL, postgresReachable } from './databases';

/** Debian's Chromium, which drives the explorer test (apt-get install chromium). */
export const CHROMIUM = '/usr/bin/chromium';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** True when something answers PING on the Redis port. */
function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(2000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

/** Decides once per run which databases the suites cover, and says loudly when PostgreSQL is skipped. */
export default async function globalSetup(): Promise<void> {
  if (!process.env.TEST_REDIS) {
    process.env.TEST_REDIS = (await redisReachable(REDIS_URL)) ? REDIS_URL : '';
    if (!process.env.TEST_REDIS) process.stdout.write(`\n*** Redis not reachable at ${REDIS_URL}: the two-instance live-update test is SKIPPED ***\n`);
  }
  if (process.env.TEST_CHROMIUM === undefined) {
    process.env.TEST_CHROMIUM = [CHROMIUM, '/usr/bin/chromium-browser'].find((path) => existsSync(path)) ?? '';
    if (!process.env.TEST_CHROMIUM) {
      process.stdout.write(`\n*** Chromium not found at ${CHROMIUM} (Debian package chromium): the explorer browser test is SKIPPED ***\n`);
    }
  }
  if (process.env.TEST_DATABASES) return;
  if (await postgresReachable()) {
    process.env.TEST_DATABASES = 'sqlite,postgresql';
    process.stdout.write(`\nDatabases under test: SQLite and PostgreSQL (${POSTGRES_URL})\n`);
  } else {
    process.env.TEST_DATABASES = 'sqlite';
    process.stdout.write(`\n*** PostgreSQL not reachable at ${POSTGRES_URL}: the PostgreSQL runs are SKIPPED, only SQLite is tested ***\n`);
  }
}
