import { OperationDefinitionNode, parse } from 'graphql';
import { assertAffordable, QUERY_LIMITS } from '../../src/http/query-limits';
import { databaseKinds } from '../support/databases';
import { GraphQLResponse, startRegistry, TestRegistry } from '../support/registry';
import { FOUGERES, tinyNetwork } from '../support/tiny-network';

/** The network map on a date: a whole-network read (about 60,000 objects in the worst case, whatever the data). */
const MAP = `query Map($asOf: Date) {
  unml { members(first: 100, asOf: $asOf) { nodes { name members(first: 100, asOf: $asOf) { nodes { name communes(asOf: $asOf) { totalCount } sites { totalCount } } } } } }
}`;
const CHEAP = `{ organizations(filter: { search: "Fougeres" }) { nodes { name } } }`;

/** Waits until `done` holds, checking every 10 ms for at most 5 s. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(done()).toBe(true);
}

/** Whole-network queries run one at a time (the deployed default); the others wait their turn, cheap ones never do. */
describe.each(databaseKinds())('whole-network queries on %s', (kind) => {
  let r: TestRegistry;
  beforeAll(async () => {
    r = await startRegistry(kind, { network: tinyNetwork() });
  });
  afterAll(() => r?.stop());

  it('wait for the slot another holds, while cheaper queries are answered; then run', async () => {
    const gate = r.heavyQueries!;
    const release = await gate.enter(); // held, as by a map being computed
    let answered = false;
    const map = r.query(MAP).then((res) => {
      answered = true;
      return res;
    });
    await until(() => gate.load.waiting === 1);
    const cheap = await r.query(CHEAP);
    expect(cheap.errors).toBeUndefined();
    expect(cheap.data.organizations.nodes).toEqual([{ name: FOUGERES }]);
    expect(answered).toBe(false);
    release();
    const res = await map;
    expect(res.errors).toBeUndefined();
    expect(res.data.unml.members.nodes[0].members.nodes.map((m: { name: string }) => m.name)).toContain(FOUGERES);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('give their slot back when they fail', async () => {
    const failed = await r.query(MAP, { asOf: 'not a date' });
    expect(failed.errors?.length).toBeGreaterThan(0);
    expect(r.heavyQueries!.load).toEqual({ running: 0, waiting: 0 });
    const [a, b] = await Promise.all([r.query(MAP), r.query(MAP)]);
    expect(a.errors).toBeUndefined();
    expect(b.data).toEqual(a.data);
    expect(r.heavyQueries!.load).toEqual({ running: 0, waiting: 0 });
  });

  it('are told by their worst case: the map is one, a commune lookup is not', () => {
    const worstCase = (query: string, variables = {}) => {
      const doc = parse(query);
      return assertAffordable(doc, doc.definitions[0] as OperationDefinitionNode, variables);
    };
    expect(worstCase(MAP)).toBeGreaterThanOrEqual(QUERY_LIMITS.heavyCost);
    const lookup = 'query ($p: String!) { communes(filter: { postalCode: $p }) { totalCount nodes { code name postalCodes missionsLocales { id name } } } }';
    expect(worstCase(lookup, { p: '35300' })).toBeLessThan(QUERY_LIMITS.heavyCost);
    expect(worstCase(CHEAP)).toBeLessThan(QUERY_LIMITS.heavyCost);
  });
});

describe.each(databaseKinds())('whole-network queries beyond the waiting bound on %s', (kind) => {
  let r: TestRegistry;
  beforeAll(async () => {
    r = await startRegistry(kind, { network: tinyNetwork() }, { heavyQueries: { slots: 1, maxWaiting: 0 } });
  });
  afterAll(() => r?.stop());

  it('are refused with SERVER_BUSY (HTTP 503) and a clear message, and succeed once the slot is free', async () => {
    const release = await r.heavyQueries!.enter();
    const busy: GraphQLResponse = await r.query(MAP);
    expect(busy.status).toBe(503);
    expect(busy.data).toBeUndefined();
    expect(busy.errors?.[0].extensions?.code).toBe('SERVER_BUSY');
    expect(busy.errors?.[0].message).toMatch(/busy .*send this one again/);
    expect((await r.query(CHEAP)).errors).toBeUndefined();
    release();
    const res = await r.query(MAP);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
  });
});
