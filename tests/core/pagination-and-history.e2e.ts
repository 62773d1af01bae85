import { databaseKinds } from '../support/databases';
import { bundle } from '../support/bundled';
import { startRegistry, TestRegistry } from '../support/registry';

describe.each(databaseKinds())('paging through lists and reading history on %s', (kind) => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry(kind, bundle());
  });
  afterAll(() => registry?.stop());

  const page = (vars: Record<string, unknown>) => registry.query(`
    query($first: Int, $after: String, $last: Int, $before: String) {
      organizations(filter: { kinds: [MISSION_LOCALE] }, first: $first, after: $after, last: $last, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id name }
      }
    }`, vars);

  it('walks the 437 Missions Locales in pages of 100, in a stable order, without overlap', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 10; i++) {
      const res = await page({ first: 100, after });
      expect(res.errors).toBeUndefined();
      const conn = res.data.organizations;
      expect(conn.totalCount).toBe(437);
      seen.push(...conn.nodes.map((n: any) => n.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(437);
    expect(new Set(seen).size).toBe(437);
    const last = await page({ last: 37 });
    expect(last.data.organizations.nodes.map((n: any) => n.id)).toEqual(seen.slice(400));
    expect(last.data.organizations.pageInfo.hasPreviousPage).toBe(true);
    // Past the end: no node, and still the number of matches (counted apart, as the page read none).
    const past = await page({ first: 10, after: Buffer.from('o:999').toString('base64url') });
    expect(past.errors).toBeUndefined();
    expect(past.data.organizations).toMatchObject({ totalCount: 437, nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    const before = await page({ first: 5, before: last.data.organizations.pageInfo.startCursor });
    expect(before.data.organizations.nodes.map((n: any) => n.id)).toEqual(seen.slice(0, 5));
    const none = await registry.query(`{ organizations(filter: { search: "no such structure anywhere" }, first: 10) { totalCount nodes { id } } }`);
    expect(none.data.organizations).toEqual({ totalCount: 0, nodes: [] });
  });

  it("walks a Mission Locale's communes in pages, with cursors and page information", async () => {
    const communes = (after?: string) => registry.query(`query($after: String) { organizations(filter: { kinds: [MISSION_LOCALE], search: "Fougères" }, first: 1) { nodes {
      communes(first: 30, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { code } } nodes { code } } } } }`, { after });
    const all = await registry.query(`{ organizations(filter: { kinds: [MISSION_LOCALE], search: "Fougères" }, first: 1) { nodes { communes(first: 100) { totalCount nodes { code } } } } }`);
    expect(all.errors).toBeUndefined();
    const { totalCount, nodes } = all.data.organizations.nodes[0].communes;
    const firstHundred: string[] = nodes.map((c: any) => c.code);
    expect(totalCount).toBeGreaterThan(60);
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 20; i++) {
      const res = await communes(after);
      expect(res.errors).toBeUndefined();
      const conn = res.data.organizations.nodes[0].communes;
      expect(conn.totalCount).toBe(totalCount);
      expect(conn.edges.map((e: any) => e.node.code)).toEqual(conn.nodes.map((n: any) => n.code));
      expect(conn.pageInfo).toEqual({
        hasPreviousPage: i > 0, hasNextPage: seen.length + conn.nodes.length < totalCount,
        startCursor: conn.edges[0].cursor, endCursor: conn.edges[conn.edges.length - 1].cursor,
      });
      seen.push(...conn.nodes.map((n: any) => n.code));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(totalCount);
    expect(seen.slice(0, 100)).toEqual(firstHundred);
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(totalCount);
  });

  it('caps page sizes at 100 and rejects bad cursors', async () => {
    const big = await page({ first: 101 });
    expect(big.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(big.errors![0].message).toMatch(/first/);
    const zero = await page({ first: 0 });
    expect(zero.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const cursor = await page({ first: 10, after: 'not-a-cursor' });
    expect(cursor.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const nested = await registry.query(`{ unml { members(first: 500) { totalCount } } }`);
    expect(nested.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('keeps the 2016 regional mergers: dissolved ARML, their members before, the merged ARML after', async () => {
    const res = await registry.query(`{
      organizations(filter: { kinds: [ARML], includeDissolved: true }) { totalCount nodes { name dissolvedOn changeEvents { kind date origins { name } results { name } } } }
      before: unml { members(asOf: "2015-06-01", first: 100) { totalCount } }
      now: unml { members(first: 100) { totalCount } }
    }`);
    expect(res.errors).toBeUndefined();
    const dissolved = res.data.organizations.nodes.filter((o: any) => o.dissolvedOn);
    expect(dissolved.length).toBeGreaterThanOrEqual(10);
    for (const old of dissolved) {
      const merger = old.changeEvents.find((e: any) => e.kind === 'MERGER');
      expect(merger).toBeDefined();
      expect(merger.origins.map((o: any) => o.name)).toContain(old.name);
      expect(merger.results).toHaveLength(1);
    }
    expect(res.data.now.members.totalCount).toBe(15);
    expect(res.data.before.members.totalCount).toBeGreaterThan(15);
  });

  it('knows ARML Océan Indien was ARML de La Réunion, and that Mayotte joined in 2023', async () => {
    const res = await registry.query(`{
      organizations(filter: { kinds: [ARML], regionCode: "04" }) { nodes {
        name formerNames { name validUntil }
        in2022: regions(asOf: "2022-06-01") { code }
        now: regions { code }
        changeEvents { kind date }
      } }
      antilles: organizations(filter: { kinds: [ARML], regionCode: "978" }) { nodes { name foundedOn changeEvents { kind date } } }
    }`);
    expect(res.errors).toBeUndefined();
    const oi = res.data.organizations.nodes[0];
    expect(oi.formerNames.map((n: any) => n.name).join()).toMatch(/Réunion/);
    expect(oi.in2022.map((r: any) => r.code)).toEqual(['04']);
    expect(oi.now.map((r: any) => r.code).sort()).toEqual(['04', '06']);
    expect(oi.changeEvents.map((e: any) => e.kind)).toContain('RENAMING');
    const ag = res.data.antilles.nodes[0];
    expect(ag.foundedOn).toBe('2022-12-05');
    expect(ag.changeEvents).toContainEqual({ kind: 'CREATION', date: '2022-12-05' });
  });

  it('reads a date that is not a calendar date as bad input, in a variable or in the query text', async () => {
    const res = await registry.query(`query($d: Date) { unml { members(asOf: $d) { totalCount } } }`, { d: '2023-02-30' });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('calendar date written YYYY-MM-DD');
    const literal = await registry.query(`{ unml { members(asOf: "2023-02-30") { totalCount } } }`);
    expect(literal.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.errors![0].message).toContain('calendar date written YYYY-MM-DD');
  });
});
