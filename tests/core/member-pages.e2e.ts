import { databaseKinds } from '../support/databases';
import { bundle } from '../support/bundled';
import { startRegistry, TestRegistry } from '../support/registry';
import { offsetToCursor } from '../../src/graphql/pagination';

/**
 * An organization's members are read a page at a time in SQL (ranked by name, then id), except a page
 * counted from the end (`last`), which is cut from the whole list sorted in JavaScript. On a network ten
 * times the bundled one, where an ARML has about 290 Missions Locales, the two ways must give the same
 * members in the same order, with the same totals and page information.
 */
const PAGE = /* GraphQL */ `
  query Page($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $asOf: Date, $kinds: [OrganizationKind!]) {
    organization(id: $id) {
      members(first: $first, after: $after, last: $last, before: $before, asOf: $asOf, kinds: $kinds) {
        totalCount
        nodes { id name }
        edges { cursor }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }`;

interface Connection {
  totalCount: number;
  nodes: { id: string; name: string }[];
  edges: { cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

describe.each(databaseKinds())('members of an organization, page by page, on %s', (kind) => {
  let registry: TestRegistry;
  let armls: { id: string; name: string; total: number }[];

  const page = async (id: string, args: Record<string, unknown>): Promise<Connection> => {
    const res = await registry.query(PAGE, { id, ...args });
    expect(res.errors).toBeUndefined();
    return res.data.organization.members;
  };

  /** Every member, walking back from the end with `last`: the whole list sorted in JavaScript. */
  const wholeList = async (id: string, args: Record<string, unknown> = {}) => {
    const members: { id: string; name: string }[] = [];
    let before: string | undefined;
    for (;;) {
      const p = await page(id, { ...args, last: 100, before });
      members.unshift(...p.nodes);
      if (!p.pageInfo.hasPreviousPage) return { members, total: p.totalCount };
      before = p.pageInfo.startCursor!;
    }
  };

  beforeAll(async () => {
    registry = await startRegistry(kind, bundle(10));
    const res = await registry.query(`{ unml { members(first: 100) { nodes { id name members(first: 1) { totalCount } } } } }`);
    expect(res.errors).toBeUndefined();
    armls = res.data.unml.members.nodes
      .map((a: any) => ({ id: a.id, name: a.name, total: a.members.totalCount }))
      .sort((a: { total: number }, b: { total: number }) => b.total - a.total);
  }, 120_000);
  afterAll(() => registry?.stop());

  it('gives, page after page, the members of the whole list in its order', async () => {
    expect(armls[0].total).toBeGreaterThan(200);
    for (const arml of [armls[0], armls[1], armls[armls.length - 1]]) {
      const reference = await wholeList(arml.id);
      expect(reference.total).toBe(arml.total);
      expect(reference.members).toHaveLength(arml.total);
      const seen: { id: string; name: string }[] = [];
      let after: string | undefined;
      for (let offset = 0; ; offset += 37) {
        const p = await page(arml.id, { first: 37, after });
        expect(p.totalCount).toBe(arml.total);
        expect(p.edges.map((e) => e.cursor)).toEqual(p.nodes.map((_, i) => offsetToCursor(offset + i)));
        expect(p.pageInfo.hasPreviousPage).toBe(offset > 0);
        expect(p.pageInfo.hasNextPage).toBe(offset + 37 < arml.total);
        seen.push(...p.nodes);
        if (!p.pageInfo.hasNextPage) break;
        after = p.pageInfo.endCursor!;
      }
      expect(seen).toEqual(reference.members);
    }
  });

  it('cuts a window between two cursors, and past the end gives no member but the total', async () => {
    const arml = armls[0];
    const { members } = await wholeList(arml.id);
    const between = await page(arml.id, { first: 10, after: offsetToCursor(5), before: offsetToCursor(12) });
    expect(between.nodes).toEqual(members.slice(6, 12));
    expect(between.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: offsetToCursor(6), endCursor: offsetToCursor(11) });
    const fromStartToBefore = await page(arml.id, { before: offsetToCursor(3) });
    expect(fromStartToBefore.nodes).toEqual(members.slice(0, 3));

    const past = await page(arml.id, { first: 10, after: offsetToCursor(arml.total + 50) });
    expect(past).toEqual({
      totalCount: arml.total, nodes: [], edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });

  it('filters by kind and by date as the whole list does', async () => {
    const unml = (await registry.query(`{ unml { id } }`)).data.unml.id;
    expect((await page(unml, { first: 100, kinds: ['ARML'] })).totalCount).toBe(armls.length);
    expect(await page(unml, { first: 100, kinds: ['MISSION_LOCALE'] })).toMatchObject({ totalCount: 0, nodes: [] });
    // Before the 2016 regional mergers UNML had more ARML, some dissolved since.
    const before2016 = await wholeList(unml, { asOf: '2015-06-01' });
    expect(before2016.total).toBeGreaterThan(armls.length);
    const forward = await page(unml, { first: 100, asOf: '2015-06-01' });
    expect(forward.nodes).toEqual(before2016.members);
  });

  it("reads each member's coverage and site counts with its page, on the page's date only", async () => {
    const arml = armls[0];
    const today = new Date().toISOString().slice(0, 10);
    const counts = (asOf: string, communesAsOf: string) => registry.countSql(() => registry.query(`{ organization(id: "${arml.id}") {
      members(first: 100, asOf: "${asOf}") { nodes { id communes(asOf: "${communesAsOf}") { totalCount } sites { totalCount } } } } }`));
    const { result: same, statements } = await counts(today, today);
    expect((same as any).errors).toBeUndefined();
    // The organization, then its page of members with their counts: nothing more.
    expect(statements).toHaveLength(2);
    const nodes = (same as any).data.organization.members.nodes;
    // Each count as a Mission Locale asked alone answers it.
    for (const n of [nodes[0], nodes[41], nodes[nodes.length - 1]]) {
      const alone = await registry.query(`{ organization(id: "${n.id}") { communes { totalCount } sites { totalCount } } }`);
      expect(alone.errors).toBeUndefined();
      expect({ communes: n.communes, sites: n.sites }).toEqual(alone.data.organization);
    }
    expect(nodes.some((n: any) => n.communes.totalCount > 0) && nodes.some((n: any) => n.sites.totalCount > 0)).toBe(true);
    // Communes on another date than the page's: counted on their own date, in a statement of their own.
    const { result: other, statements: otherStatements } = await counts(today, '1990-01-01');
    expect((other as any).data.organization.members.nodes.map((n: any) => n.communes.totalCount)).toEqual(nodes.map(() => 0));
    expect(otherStatements).toHaveLength(3);
  });

  it('reads the pages of every ARML of a map in one statement, whatever the page', async () => {
    const cursor = offsetToCursor(40);
    const map = `{ unml { members(first: 100) { nodes { members(first: 20, after: "${cursor}") { totalCount nodes { id } } } } } }`;
    const { result, statements } = await registry.countSql(() => registry.query(map));
    expect((result as any).errors).toBeUndefined();
    const pages = (result as any).data.unml.members.nodes.map((a: any) => a.members);
    expect(pages.reduce((n: number, p: any) => n + p.totalCount, 0)).toBe(armls.reduce((n, a) => n + a.total, 0));
    expect(pages.every((p: any) => p.nodes.length === Math.max(0, Math.min(20, p.totalCount - 41)))).toBe(true);
    // UNML, its page of ARML, their pages of Missions Locales (and the counts of pages past the end, if any).
    const pastTheEnd = pages.some((p: any) => p.totalCount <= 41);
    expect(statements).toHaveLength(pastTheEnd ? 4 : 3);
  });
});
