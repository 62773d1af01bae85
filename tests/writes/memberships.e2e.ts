import type { EntityManager } from '@mikro-orm/knex';
import { toGlobalId } from '../../src/graphql/node';
import { AccessRole } from '../../src/modules/access/caller';
import { databaseKinds } from '../support/databases';
import { startRegistry, TestRegistry } from '../support/registry';
import { BRETAGNE, FOUGERES, RENNES, UNML } from '../support/tiny-network';
import { CAEN, NORMANDIE, twoRegionNetwork } from '../support/two-region-network';

const FIELDS = 'membership { id kind startDate endDate member { name } parent { name } } userErrors { field code message }';
const ADD = `mutation($input: AddMembershipInput!) { addMembership(input: $input) { ${FIELDS} } }`;
const END = `mutation($input: EndMembershipInput!) { endMembership(input: $input) { ${FIELDS} } }`;
const MEMBERSHIPS = `query($id: ID!) { organization(id: $id) { memberships(history: true) { id kind startDate endDate parent { name } } } }`;

const BASSE_NORMANDIE = 'Association régionale des Missions Locales de Basse-Normandie';

/** Two regions, ARML Normandie founded in 2016, and the former ARML of Basse-Normandie, dissolved when the regions merged. */
function network() {
  const n = twoRegionNetwork();
  n.organizations.find((o) => o.key === 'arml-28')!.foundedOn = '2016-01-01';
  n.organizations.push({
    key: 'arml-25', kind: 'ARML', name: BASSE_NORMANDIE, legalForm: 'ASSOCIATION_1901', foundedOn: '1995-01-01', dissolvedOn: '2016-01-01',
    provenance: { status: 'ILLUSTRATIVE', source: 'test fixture' },
  });
  return n;
}

describe.each(databaseKinds())('recording who is a member of whom on %s', (kind) => {
  let r: TestRegistry;
  const id: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const knex = () => (r.orm.em as EntityManager).getKnex();

  /** What a membership write may touch: a refusal leaves all of it as it was. */
  const snapshot = async () => {
    const count = async (t: string) => Number((await knex()(t).count({ n: '*' }))[0].n);
    return { links: await knex()('organization_link').orderBy('id'), audit: await count('audit_event'), keys: await count('idempotency_key') };
  };
  const errorCode = (res: any) => res.errors?.[0].extensions?.code;
  const codes = (res: any, field: string) => res.data[field].userErrors.map((e: any) => e.code);
  const membershipsOf = async (name: string) => (await r.query(MEMBERSHIPS, { id: id[name] })).data.organization.memberships;
  const openLinkOf = async (name: string) => (await membershipsOf(name)).find((m: any) => m.endDate === null).id as string;
  const add = (member: string, parent: string, extra: Record<string, unknown> = {}) =>
    ({ memberId: id[member], parentId: id[parent], kind: 'MEMBER', startDate: '2026-03-01', ...extra });

  beforeAll(async () => {
    r = await startRegistry(kind, { network: network() });
    const num: Record<string, number> = {};
    for (const o of await knex()('organization').select('id', 'name')) {
      num[o.name] = Number(o.id);
      id[o.name] = toGlobalId('Organization', String(o.id));
    }
    tokens.national = (await r.mintToken(AccessRole.NATIONAL, null)).token;
    tokens.bzh = (await r.mintToken(AccessRole.ARML, num[BRETAGNE])).token;
    tokens.normandie = (await r.mintToken(AccessRole.ARML, num[NORMANDIE])).token;
    tokens.fougeres = (await r.mintToken(AccessRole.MISSION_LOCALE, num[FOUGERES])).token;
  });
  afterAll(() => r?.stop());

  it('an ARML officer records a Mission Locale of its region leaving and joining again; both show in the history', async () => {
    const former = await openLinkOf(RENNES);
    const ended = await r.query(END, { input: { id: former, endDate: '2026-01-01' } }, tokens.bzh);
    expect(ended.data.endMembership).toEqual({
      membership: { id: former, kind: 'MEMBER', startDate: '2000-01-01', endDate: '2026-01-01', member: { name: RENNES }, parent: { name: BRETAGNE } }, userErrors: [],
    });
    const before = await snapshot();
    const again = await r.query(END, { input: { id: former, endDate: '2026-02-01' } }, tokens.bzh);
    expect(again.data.endMembership).toEqual({ membership: null, userErrors: [expect.objectContaining({ code: 'ALREADY_ENDED', field: ['input', 'id'] })] });
    expect(await snapshot()).toEqual(before);

    const input = add(RENNES, BRETAGNE, { startDate: '2026-07-01', idempotencyKey: 'rennes-rejoins' });
    const joined = await r.query(ADD, { input }, tokens.bzh);
    expect(joined.data.addMembership.userErrors).toEqual([]);
    expect(joined.data.addMembership.membership).toMatchObject({ kind: 'MEMBER', startDate: '2026-07-01', endDate: null, member: { name: RENNES }, parent: { name: BRETAGNE } });
    const afterJoin = await snapshot();
    const replay = await r.query(ADD, { input }, tokens.bzh);
    expect(replay.data.addMembership.membership.id).toBe(joined.data.addMembership.membership.id);
    expect(await snapshot()).toEqual(afterJoin);

    const read = await r.query(`query($id: ID!) { organization(id: $id) {
      between: parent(asOf: "2026-03-01") { name } now: parent(asOf: "2026-08-01") { name } memberships(history: true) { startDate endDate } } }`, { id: id[RENNES] });
    expect(read.data.organization).toEqual({
      between: null, now: { name: BRETAGNE },
      memberships: [{ startDate: '2000-01-01', endDate: '2026-01-01' }, { startDate: '2026-07-01', endDate: null }],
    });
    const log = await r.query(`{ auditLog(filter: { entityType: "OrganizationLink" }) { nodes { operation actorRole entityId before after } } }`, {}, tokens.national);
    expect(log.data.auditLog.nodes.map((e: any) => [e.operation, e.actorRole])).toEqual([['addMembership', 'ARML'], ['endMembership', 'ARML']]);
    expect(JSON.parse(log.data.auditLog.nodes[1].before)).toMatchObject({ end_date: null });
    expect(JSON.parse(log.data.auditLog.nodes[1].after)).toMatchObject({ end_date: '2026-01-01' });
    const HISTORY = `query($id: ID!) { node(id: $id) { ... on OrganizationLink { history { nodes { operation } } } } }`;
    const history = await r.query(HISTORY, { id: former }, tokens.national);
    expect(history.data.node.history.nodes).toEqual([{ operation: 'endMembership' }]);
    // The ARML reads the history of the links of its Missions Locales.
    expect((await r.query(HISTORY, { id: former }, tokens.bzh)).data.node.history.nodes).toEqual([{ operation: 'endMembership' }]);

    // An idempotency key already used for another operation is refused, and nothing is written.
    const reused = await snapshot();
    const wrongKey = await r.query(`mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { userErrors { code } } }`, {
      input: { networkOrganizationId: id[BRETAGNE], partnerId: id[BRETAGNE], theme: 'EMPLOYMENT', scope: 'REGIONAL', startDate: '2026-01-01', idempotencyKey: 'rennes-rejoins' },
    }, tokens.bzh);
    expect(wrongKey.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrongKey.errors?.[0].message).toMatch(/already used for addMembership/);
    expect(await snapshot()).toEqual(reused);
  });

  it('the national secretariat replaces an ARML’s membership of UNML', async () => {
    const former = await openLinkOf(NORMANDIE);
    expect((await r.query(END, { input: { id: former, endDate: '2027-01-01' } }, tokens.national)).data.endMembership.userErrors).toEqual([]);
    const res = await r.query(ADD, { input: add(NORMANDIE, UNML, { kind: 'MEMBER_BY_RIGHT', startDate: '2027-01-01' }) }, tokens.national);
    expect(res.data.addMembership.membership).toMatchObject({ kind: 'MEMBER_BY_RIGHT', startDate: '2027-01-01', parent: { name: UNML } });
    expect((await membershipsOf(NORMANDIE)).map((m: any) => [m.startDate, m.endDate])).toEqual([['2016-01-01', '2027-01-01'], ['2027-01-01', null]]);
    const audit = await knex()('audit_event').where({ entity_type: 'OrganizationLink', actor_role: 'NATIONAL' }).orderBy('id').pluck('operation');
    expect(audit).toEqual(['endMembership', 'addMembership']);
  });

  it('refuses callers without rights on both ends — a Mission Locale included — and anonymous callers, writing nothing', async () => {
    const fougeresLink = await openLinkOf(FOUGERES);
    const caenLink = await openLinkOf(CAEN);
    const guessed = toGlobalId('Organization', '999999');
    const cases: [string, Record<string, unknown>, string | undefined, string][] = [
      [ADD, add(FOUGERES, BRETAGNE), undefined, 'UNAUTHENTICATED'],
      [END, { id: fougeresLink, endDate: '2026-06-30' }, undefined, 'UNAUTHENTICATED'],
      [ADD, add(CAEN, BRETAGNE), tokens.bzh, 'FORBIDDEN'],
      [ADD, add(CAEN, BRETAGNE), tokens.normandie, 'FORBIDDEN'],
      [END, { id: caenLink, endDate: '2026-06-30' }, tokens.bzh, 'FORBIDDEN'],
      [ADD, add(BRETAGNE, UNML, { kind: 'MEMBER_BY_RIGHT' }), tokens.bzh, 'FORBIDDEN'],
      [END, { id: fougeresLink, endDate: '2026-06-30' }, tokens.fougeres, 'FORBIDDEN'],
      [ADD, add(FOUGERES, BRETAGNE), tokens.fougeres, 'FORBIDDEN'],
      [ADD, { ...add(FOUGERES, BRETAGNE), memberId: guessed }, tokens.bzh, 'FORBIDDEN'],
      [ADD, { ...add(FOUGERES, BRETAGNE), memberId: guessed }, tokens.national, 'NOT_FOUND'],
      [ADD, { ...add(FOUGERES, BRETAGNE), parentId: guessed }, tokens.national, 'NOT_FOUND'],
      [END, { id: toGlobalId('OrganizationLink', '999999'), endDate: '2026-06-30' }, tokens.national, 'NOT_FOUND'],
      [END, { id: toGlobalId('OrganizationLink', '999999'), endDate: '2026-06-30' }, undefined, 'UNAUTHENTICATED'],
    ];
    for (const [mutation, input, token, code] of cases) {
      const before = await snapshot();
      const res = await r.query(mutation, { input }, token);
      expect([input, errorCode(res)]).toEqual([input, code]);
      expect(await snapshot()).toEqual(before);
    }
  });

  it('rejects malformed input at the edge with BAD_USER_INPUT, writing nothing', async () => {
    const link = await openLinkOf(FOUGERES);
    const cases: [string, Record<string, unknown>][] = [
      [ADD, { ...add(FOUGERES, BRETAGNE), memberId: '' }],
      [ADD, { ...add(FOUGERES, BRETAGNE), memberId: 'x'.repeat(10_000) }],
      [ADD, { ...add(FOUGERES, BRETAGNE), parentId: 'not an id' }],
      [ADD, { ...add(FOUGERES, BRETAGNE), parentId: toGlobalId('Site', '1') }],
      [ADD, add(FOUGERES, BRETAGNE, { startDate: '2026-02-30' })],
      [ADD, add(FOUGERES, BRETAGNE, { startDate: '01/03/2026' })],
      [ADD, add(FOUGERES, BRETAGNE, { kind: 'ASSOCIATE' })],
      [ADD, add(FOUGERES, BRETAGNE, { idempotencyKey: 'k'.repeat(10_000) })],
      [END, { id: '', endDate: '2026-06-30' }],
      [END, { id: link, endDate: '2026-13-01' }],
      [END, { id: id[FOUGERES], endDate: '2026-06-30' }],
    ];
    for (const [mutation, input] of cases) {
      const before = await snapshot();
      expect(errorCode(await r.query(mutation, { input }, tokens.national))).toBe('BAD_USER_INPUT');
      expect(await snapshot()).toEqual(before);
    }
  });

  it('answers each membership rule with a typed user error, writing nothing', async () => {
    const before = await snapshot();
    const refused = async (input: Record<string, unknown>) => codes(await r.query(ADD, { input }, tokens.national), 'addMembership');
    expect(await refused(add(FOUGERES, NORMANDIE))).toEqual(['MEMBERSHIP_OVERLAP']);
    expect(await refused(add(FOUGERES, UNML))).toEqual(['WRONG_PARENT_KIND']);
    expect(await refused(add(BRETAGNE, NORMANDIE, { kind: 'MEMBER_BY_RIGHT' }))).toEqual(['WRONG_PARENT_KIND']);
    expect(await refused(add(CAEN, NORMANDIE, { kind: 'MEMBER_BY_RIGHT' }))).toEqual(['WRONG_LINK_KIND', 'MEMBERSHIP_OVERLAP']);
    expect(await refused(add('DREETS Bretagne', BRETAGNE))).toEqual(['WRONG_MEMBER_KIND']);
    expect(await refused(add(CAEN, BASSE_NORMANDIE))).toEqual(['ORGANIZATION_DISSOLVED', 'MEMBERSHIP_OVERLAP']);
    expect(await refused(add(CAEN, NORMANDIE, { startDate: '2010-01-01' }))).toEqual(['BEFORE_FOUNDING', 'MEMBERSHIP_OVERLAP']);
    const wrongParent = await r.query(ADD, { input: add(FOUGERES, UNML) }, tokens.national);
    expect(wrongParent.data.addMembership).toEqual({ membership: null, userErrors: [expect.objectContaining({ field: ['input', 'parentId'] })] });
    const link = await openLinkOf(FOUGERES);
    for (const endDate of ['2000-01-01', '1999-06-30']) {
      const res = await r.query(END, { input: { id: link, endDate } }, tokens.national);
      expect(res.data.endMembership).toEqual({ membership: null, userErrors: [expect.objectContaining({ code: 'END_BEFORE_START', field: ['input', 'endDate'] })] });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets one of two concurrent ends, and one of two concurrent joins, win', async () => {
    const link = await openLinkOf(CAEN);
    const ends = await Promise.all([1, 2].map(() => r.query(END, { input: { id: link, endDate: '2026-06-30' } }, tokens.national)));
    expect(ends.map((x) => x.data.endMembership.userErrors[0]?.code ?? 'OK').sort()).toEqual(['ALREADY_ENDED', 'OK']);
    const joins = await Promise.all([1, 2].map(() => r.query(ADD, { input: add(CAEN, NORMANDIE, { startDate: '2026-09-01' }) }, tokens.normandie)));
    expect(joins.map((x) => x.data.addMembership.userErrors[0]?.code ?? 'OK').sort()).toEqual(['MEMBERSHIP_OVERLAP', 'OK']);
    expect((await membershipsOf(CAEN)).map((m: any) => [m.startDate, m.endDate])).toEqual([['2016-01-01', '2026-06-30'], ['2026-09-01', null]]);
  });
});
