import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createClient, Client } from 'graphql-ws';
import Redis from 'ioredis';
import WebSocket from 'ws';
import { openDatabase } from '../../src/db/database';
import { createEventBus } from '../../src/modules/events/event-bus';
import { AccessRole } from '../../src/modules/access/caller';
import { TokenService } from '../../src/modules/access/token.service';
import { createTestDatabase } from '../support/databases';
import { emptyBoards } from '../support/empty-boards';
import { startRegistry, TEST_TOKEN_SECRET } from '../support/registry';
import { twoRegionNetwork } from '../support/two-region-network';

/** Set by the global setup when Redis answers; empty when the two-instance test must be skipped. */
const REDIS_URL = process.env.TEST_REDIS ?? '';
const OPEN = `mutation($input: OpenMandateInput!) { openMandate(input: $input) { mandate { id } userErrors { code } } }`;

/** Collects the events of one subscription. */
function subscribe(client: Client, query: string): { events: any[]; next(): Promise<any> } {
  const events: any[] = [];
  const waiting: ((e: any) => void)[] = [];
  client.subscribe({ query }, {
    next: (e) => (waiting.length ? waiting.shift()!(e) : events.push(e)),
    error: (e) => events.push({ error: e }),
    complete: () => undefined,
  });
  return {
    events,
    next: () => new Promise((resolve, reject) => {
      if (events.length) return resolve(events.shift());
      const timer = setTimeout(() => reject(new Error('no event within 10 s')), 10_000);
      waiting.push((e) => {
        clearTimeout(timer);
        resolve(e);
      });
    }),
  };
}

const connected = (client: Client) => new Promise<void>((resolve) => client.on('connected', () => resolve()));
const wsUrl = (httpUrl: string) => httpUrl.replace('http://', 'ws://');

async function postsAndPeople(url: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ governingBodies { nodes { organization { name } posts { id kind } } } persons { nodes { id givenName } } }' }) });
  const { data } = (await res.json()) as any;
  const post = (org: string, kind: string) => data.governingBodies.nodes.find((b: any) => b.organization.name.includes(org)).posts.find((p: any) => p.kind === kind).id;
  const person = (name: string) => data.persons.nodes.find((p: any) => p.givenName === name).id;
  return { post, person };
}

describe('live updates in one process', () => {
  it('delivers mandate and composition changes to subscribers, filtered by region', async () => {
    const r = await startRegistry('sqlite', { network: twoRegionNetwork(), governance: emptyBoards() });
    const client = createClient({ url: wsUrl(r.url), webSocketImpl: WebSocket, lazy: false });
    try {
      const ready = connected(client);
      const bretagne = subscribe(client, `subscription { mandateChanged(regionCode: "53") { operation mandate { startDate person { familyName } } } }`);
      const normandie = subscribe(client, `subscription { mandateChanged(regionCode: "28") { operation } }`);
      const bodies = subscribe(client, `subscription { bodyCompositionChanged { body { name composition { totalCount } } } }`);
      await ready;
      await new Promise((resolve) => setTimeout(resolve, 200));
      const { token } = await r.mintToken(AccessRole.NATIONAL, null);
      const { post, person } = await postsAndPeople(r.url);
      const opened = await r.query(OPEN, { input: { postId: post('Fougères', 'BOARD_MEMBER'), personId: person('Ève'), startDate: '2026-03-01' } }, token);
      expect(opened.data.openMandate.userErrors).toEqual([]);
      expect(await bretagne.next()).toEqual({ data: { mandateChanged: { operation: 'openMandate', mandate: { startDate: '2026-03-01', person: { familyName: 'Élue' } } } } });
      expect(await bodies.next()).toEqual({ data: { bodyCompositionChanged: { body: { name: 'CA ml-35-fougeres', composition: { totalCount: 1 } } } } });
      expect(normandie.events).toEqual([]);
    } finally {
      await client.dispose();
      await r.stop();
    }
  });
});

describe('a configured Redis that does not answer', () => {
  it('stops the start with a fatal line saying so', async () => {
    const db = await createTestDatabase('sqlite');
    const child = spawn(process.execPath, [join(__dirname, '../../dist/src/main.js')], {
      env: { ...process.env, SQLITE_PATH: db.settings.sqlitePath, DATABASE_URL: '', REDIS_URL: 'redis://127.0.0.1:1', PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (chunk) => { err += chunk; });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toMatch(/"level":"fatal","message":"REDIS_URL is set but Redis does not answer/);
  });
});

(REDIS_URL ? describe : describe.skip)('live updates across two instances sharing Redis', () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((c) => c.kill('SIGTERM')));

  /** Waits until instance A has subscribed to the topic in Redis (under load, that may take a while). */
  async function subscribedInRedis(topic: string) {
    const redis = new Redis(REDIS_URL);
    try {
      for (let waited = 0; waited < 15_000; waited += 50) {
        const [, count] = (await redis.pubsub('NUMSUB', topic)) as [string, number];
        if (Number(count) > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no subscriber on ${topic} in Redis after 15 s`);
    } finally {
      redis.disconnect();
    }
  }

  /** Starts the compiled service as a real process and waits for its ready line. */
  function start(env: NodeJS.ProcessEnv): Promise<string> {
    const child = spawn(process.execPath, [join(__dirname, '../../dist/src/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    return new Promise((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk) => {
        out += chunk;
        const line = out.split('\n').find((l) => l.includes('Registry ready'));
        if (line) resolve(JSON.parse(line).message.replace('Registry ready at ', ''));
      });
      child.stderr!.on('data', (chunk) => process.stderr.write(chunk));
      child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    });
  }

  it('delivers on a bus subscribed to within 0-4 ms of its creation (no SUBSCRIBE lost to the Redis handshake)', async () => {
    const rounds = 25;
    let delivered = 0;
    for (let round = 0; round < rounds; round++) {
      const bus = await createEventBus(REDIS_URL);
      // Subscribing 0-4 ms later lands, on loopback, in the window where the connection is open but its handshake is not done.
      await new Promise((resolve) => setTimeout(resolve, round % 5));
      const topic = `handshake-${process.pid}-${round}`;
      try {
        const iterator = (bus.pubSub.subscribe as any)(topic)[Symbol.asyncIterator]();
        const first = iterator.next();
        await subscribedInRedis(topic);
        bus.pubSub.publish(topic as any, { operation: 'test', entityId: round, organizationIds: [], regionCodes: [], occurredAt: '' });
        const event = await Promise.race([first, new Promise((resolve) => setTimeout(() => resolve(null), 5_000))]) as IteratorResult<any> | null;
        if (event?.value?.entityId === round) delivered++;
        await iterator.return?.();
      } finally {
        await bus.close();
      }
    }
    expect(delivered).toBe(rounds);
  });

  it('shows a subscriber on one instance the mandate opened on the other', async () => {
    const db = await createTestDatabase('sqlite');
    const { orm } = await openDatabase(db.settings, () => ({ network: twoRegionNetwork(), governance: emptyBoards() }));
    const { token } = await new TokenService((orm.em as any).getKnex(), TEST_TOKEN_SECRET).mint({ role: AccessRole.NATIONAL, organizationId: null, label: 'test' });
    await orm.close();
    const base = { ...process.env, SQLITE_PATH: db.settings.sqlitePath, DATABASE_URL: '', SEED_ON_START: 'false', TOKEN_SECRET: TEST_TOKEN_SECRET, REDIS_URL, HOST: '127.0.0.1' };
    // Port 0: each instance listens on a port the system knows to be free, and says which in its ready line
    // (a fixed port could be one the system had just given to some connection: EADDRINUSE).
    const [a, b] = await Promise.all([start({ ...base, PORT: '0' }), start({ ...base, PORT: '0' })]);
    const client = createClient({ url: wsUrl(a), webSocketImpl: WebSocket, lazy: false });
    try {
      const ready = connected(client);
      const events = subscribe(client, `subscription { mandateChanged(regionCode: "53") { operation mandate { person { familyName } } } }`);
      await ready;
      await subscribedInRedis('MANDATE_CHANGED');
      const { post, person } = await postsAndPeople(b);
      const res = await fetch(b, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: OPEN, variables: { input: { postId: post('Fougères', 'BOARD_MEMBER'), personId: person('Anne'), startDate: '2026-03-01' } } }),
      });
      expect(((await res.json()) as any).data.openMandate.userErrors).toEqual([]);
      expect(await events.next()).toEqual({ data: { mandateChanged: { operation: 'openMandate', mandate: { person: { familyName: 'Maire' } } } } });
    } finally {
      await client.dispose();
    }
  });
});
