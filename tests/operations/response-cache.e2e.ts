import { Client } from 'pg';
import sqlite3 from 'sqlite3';
import { AccessRole } from '../../src/modules/access/caller';
import { databaseKinds } from '../support/databases';
import { startRegistry, TestRegistry } from '../support/registry';
import { FOUGERES, tinyNetwork } from '../support/tiny-network';

const LIST = 'query List { organizations(filter: { kinds: [MISSION_LOCALE] }) { nodes { id name version } } }';

/** Runs one statement on a connection of its own, as another process (an import, another instance) would. */
async function writeElsewhere(r: TestRegistry, sql: string): Promise<void> {
  if (r.kind === 'postgresql') {
    const client = new Client({ connectionString: r.orm.config.getClientUrl() });
    await client.connect();
    await client.query(sql);
    await client.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const db = new sqlite3.Database(r.orm.config.get('dbName')!);
    db.exec(`PRAGMA busy_timeout = 5000; ${sql}`, (err) => db.close(() => (err ? reject(err) : resolve())));
  });
}

describe.each(databaseKinds())('the response cache of anonymous queries on %s', (kind) => {
  let r: TestRegistry;
  let national: string;
  const post = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await fetch(r.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { cache: res.headers.get('x-cache'), text: await res.text(), requestId: res.headers.get('x-request-id') };
  };
  const names = (text: string): string[] => JSON.parse(text).data.organizations.nodes.map((n: { name: string }) => n.name);
  const snapshot = async (): Promise<string> =>
    String((await r.orm.em.getConnection().execute('select pg_current_snapshot()::text as s'))[0].s);
  /**
   * Sends a query twice (`attempt` numbers the text, so one try's answer is never another's hit) and
   * returns both answers. On PostgreSQL the cache's generation is the cluster's transaction snapshot,
   * which the writes of the test suites running beside this one, in their own databases, also move:
   * a second answer missed while the snapshot moved is right, so that pair is tried again (at most 5
   * times). A miss while nothing moved is returned, and fails the test.
   */
  const twice = async (query: (attempt: number) => string, variables: Record<string, unknown> = {}) => {
    for (let attempt = 1; ; attempt++) {
      const before = kind === 'postgresql' ? await snapshot() : '';
      const first = await post(query(attempt), variables);
      const { result: second, statements } = await r.countSql(() => post(query(attempt), variables));
      if (second.cache === 'hit' || kind !== 'postgresql' || attempt === 5 || (await snapshot()) === before) return { first, second, statements };
    }
  };

  beforeAll(async () => {
    r = await startRegistry(kind, { network: tinyNetwork() }, { responseCacheBytes: 8 * 1024 * 1024 });
    national = (await r.mintToken(AccessRole.NATIONAL, null)).token;
  });
  afterAll(async () => r?.stop());

  it('answers a repeated anonymous query from memory, reading only the data generation', async () => {
    const { first, second, statements } = await twice((attempt) => `${LIST} # ${attempt}`);
    expect(first.cache).toBe('miss');
    expect(second.cache).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(second.requestId).not.toBe(first.requestId);
    // On SQLite the generation is read on the cache's own connection, outside the service's pool.
    expect(statements).toHaveLength(kind === 'postgresql' ? 1 : 0);
    const metrics = await (await fetch(r.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/^registry_graphql_cached_answers_total\{operation="List"\} 1$/m);
    // Other variables, another answer.
    const fougeres = JSON.parse(first.text).data.organizations.nodes.find((n: { name: string }) => n.name === FOUGERES);
    const one = await twice((attempt) => `query One($id: ID!) { organization(id: $id) { name } } # ${attempt}`, { id: fougeres.id });
    expect([one.first.cache, one.second.cache]).toEqual(['miss', 'hit']);
  });

  it('never keeps what a token holder reads, nor an answer with errors', async () => {
    expect((await post(LIST, {}, national)).cache).toBeNull();
    expect((await post(LIST, {}, national)).cache).toBeNull();
    const refused = 'query TooMany { organizations(first: 1000) { totalCount } }';
    const a = await post(refused);
    expect(JSON.parse(a.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const b = await post(refused);
    expect([a.cache, b.cache]).toEqual([null, null]);
  });

  it('forgets everything when a mutation of this server changes the data, before the mutation is answered', async () => {
    const before = await post(LIST);
    const fougeres = JSON.parse(before.text).data.organizations.nodes.find((n: { name: string }) => n.name === FOUGERES);
    const renamed = await r.query(
      'mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { name } userErrors { code } } }',
      { input: { id: fougeres.id, version: fougeres.version, shortName: 'ML Fougères' } }, national,
    );
    expect(renamed.data.updateOrganization.userErrors).toEqual([]);
    const after = await post('query List { organizations(filter: { kinds: [MISSION_LOCALE] }) { nodes { id name version shortName } } }');
    expect(after.cache).toBe('miss');
    const again = await post(LIST);
    expect(again.cache).toBe('miss');
    expect(JSON.parse(again.text).data.organizations.nodes.find((n: { id: string }) => n.id === fougeres.id).version).toBe(fougeres.version + 1);
  });

  it('sees a write made by another process (an import, another instance) on the next query', async () => {
    expect((await twice(() => LIST)).second.cache).toBe('hit');
    await writeElsewhere(r, `update organization set name = 'Mission Locale renommée ailleurs' where name = '${FOUGERES}'`);
    const after = await post(LIST);
    expect(after.cache).toBe('miss');
    expect(names(after.text)).toContain('Mission Locale renommée ailleurs');
    await writeElsewhere(r, `update organization set name = '${FOUGERES}' where name = 'Mission Locale renommée ailleurs'`);
    expect(names((await post(LIST)).text)).toContain(FOUGERES);
  });
});
