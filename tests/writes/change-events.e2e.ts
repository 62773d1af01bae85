import type { EntityManager } from '@mikro-orm/knex';
import { toGlobalId } from '../../src/graphql/node';
import { AccessRole } from '../../src/modules/access/caller';
import { databaseKinds } from '../support/databases';
import { startRegistry, TestRegistry } from '../support/registry';
import { BRETAGNE, FOUGERES, FRANCE_TRAVAIL, RENNES, UNML } from '../support/tiny-network';
import { CAEN, NORMANDIE, twoRegionNetwork } from '../support/two-region-network';

const RECORD = `mutation($input: RecordChangeEventInput!) { recordChangeEvent(input: $input) {
  changeEvent { id kind date description origins { name } results { name } } userErrors { field code message }
} }`;

const BASSE_NORMANDIE = 'Association régionale des Missions Locales de Basse-Normandie';
const VITRE = 'Mission Locale du Pays de Vitré';
const METROPOLE = 'Mission Locale de Rennes Métropole';
const BROCELIANDE = 'Mission Locale du Pays de Brocéliande';

/** Two regions, three Missions Locales of Ille-et-Vilaine founded in 2026, and the former ARML of Basse-Normandie (dissolved in 2016). */
function network() {
  const n = twoRegionNetwork();
  const fixture = { status: 'ILLUSTRATIVE' as const, source: 'test fixture' };
  const ml = (key: string, name: string, foundedOn: string) => ({
    key, kind: 'MISSION_LOCALE' as const, name, legalForm: 'ASSOCIATION_1901' as const, departementCode: '35', foundedOn, provenance: fixture,
  });
  n.organizations.push(
    ml('ml-35-vitre', VITRE, '2026-01-01'), ml('ml-35-metropole', METROPOLE, '2026-09-01'), ml('ml-35-broceliande', BROCELIANDE, '2026-09-01'),
    { key: 'arml-25', kind: 'ARML', name: BASSE_NORMANDIE, legalForm: 'ASSOCIATION_1901', foundedOn: '1995-01-01', dissolvedOn: '2016-01-01', provenance: fixture },
  );
  return n;
}

describe.each(databaseKinds())('recording creations, splits, renamings and dissolutions on %s', (kind) => {
  let r: TestRegistry;
  const id: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const knex = () => (r.orm.em as EntityManager).getKnex();

  /** What recording an event may touch: a refusal leaves all of it as it was. */
  const snapshot = async () => {
    const count = async (t: string) => Number((await knex()(t).count({ n: '*' }))[0].n);
    return {
      events: await count('change_event'), participants: await count('change_event_participant'), names: await count('organization_name'),
      organizations: await knex()('organization').orderBy('id').select('id', 'name', 'dissolved_on', 'version'),
      links: await knex()('organization_link').orderBy('id'), audit: await count('audit_event'), keys: await count('idempotency_key'),
    };
  };
  const errorCode = (res: any) => res.errors?.[0].extensions?.code;
  const codes = (res: any) => res.data.recordChangeEvent.userErrors.map((e: any) => e.code);
  const event = (eventKind: string, origins: string[], results: string[], extra: Record<string, unknown> = {}) => ({
    kind: eventKind, date: '2026-09-01', description: 'Délibération des assemblées générales', originIds: origins.map((n) => id[n]), resultIds: results.map((n) => id[n]), ...extra,
  });

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

  it('an ARML officer records a split in its region: the origin is dissolved, its membership ends, and each structure’s history shows it', async () => {
    const input = event('SPLIT', [RENNES], [METROPOLE, BROCELIANDE], { description: 'Scission de la Mission Locale de Rennes', idempotencyKey: 'split-35' });
    const res = await r.query(RECORD, { input }, tokens.bzh);
    expect(res.data.recordChangeEvent.userErrors).toEqual([]);
    expect(res.data.recordChangeEvent.changeEvent).toMatchObject({
      kind: 'SPLIT', date: '2026-09-01', description: 'Scission de la Mission Locale de Rennes', origins: [{ name: RENNES }], results: [{ name: METROPOLE }, { name: BROCELIANDE }],
    });
    const after = await snapshot();
    const replay = await r.query(RECORD, { input }, tokens.bzh);
    expect(replay.data.recordChangeEvent.changeEvent.id).toBe(res.data.recordChangeEvent.changeEvent.id);
    expect(await snapshot()).toEqual(after);

    const read = await r.query(`query($r: ID!, $m: ID!) {
      r: organization(id: $r) { dissolvedOn version parent { name } before: parent(asOf: "2026-08-31") { name } memberships(history: true) { endDate } changeEvents { kind } }
      m: organization(id: $m) { dissolvedOn changeEvents { kind origins { name } } } }`, { r: id[RENNES], m: id[METROPOLE] });
    expect(read.data).toEqual({
      r: { dissolvedOn: '2026-09-01', version: 2, parent: null, before: { name: BRETAGNE }, memberships: [{ endDate: '2026-09-01' }], changeEvents: [{ kind: 'SPLIT' }] },
      m: { dissolvedOn: null, changeEvents: [{ kind: 'SPLIT', origins: [{ name: RENNES }] }] },
    });
    const history = await r.query(`query($id: ID!) { node(id: $id) { ... on Organization { history { nodes { operation actorRole after } } } } }`, { id: id[RENNES] }, tokens.bzh);
    expect(history.data.node.history.nodes.map((e: any) => [e.operation, e.actorRole])).toEqual([['recordChangeEvent', 'ARML']]);
    expect(JSON.parse(history.data.node.history.nodes[0].after)).toMatchObject({ dissolved_on: '2026-09-01', version: 2, membershipsEnded: [expect.any(Number)] });
    const log = await r.query(`{ auditLog(filter: { operation: "recordChangeEvent" }) { nodes { entityType } } }`, {}, tokens.national);
    expect(log.data.auditLog.nodes).toEqual([{ entityType: 'ChangeEvent' }, { entityType: 'Organization' }]);
    const eventHistory = await r.query(`query($id: ID!) { node(id: $id) { ... on ChangeEvent { history { nodes { operation after } } } } }`,
      { id: res.data.recordChangeEvent.changeEvent.id }, tokens.national);
    expect(JSON.parse(eventHistory.data.node.history.nodes[0].after)).toMatchObject({ kind: 'SPLIT', dissolved: [{ membershipsEnded: [expect.any(Number)] }] });
  });

  it('a Mission Locale records its own renaming, and the former name is kept as updateOrganization keeps it', async () => {
    const newName = 'Mission Locale du Pays de Fougères-Marches de Bretagne';
    const res = await r.query(RECORD, { input: event('RENAMING', [FOUGERES], [FOUGERES], { date: '2026-07-01', newName }) }, tokens.fougeres);
    expect(res.data.recordChangeEvent).toMatchObject({ changeEvent: { kind: 'RENAMING', origins: [{ name: newName }], results: [{ name: newName }] }, userErrors: [] });
    const org = await r.query(`query($id: ID!) { organization(id: $id) { name version formerNames { name validUntil } changeEvents { kind date } } }`, { id: id[FOUGERES] });
    expect(org.data.organization).toEqual({
      name: newName, version: 2, formerNames: [{ name: FOUGERES, validUntil: '2026-07-01' }], changeEvents: [{ kind: 'RENAMING', date: '2026-07-01' }],
    });
    expect((await r.query(`{ organizations(filter: { search: "marches de bretagne" }) { totalCount } }`)).data.organizations.totalCount).toBe(1);
    const audit = await knex()('audit_event').where('actor_role', 'MISSION_LOCALE').orderBy('id').select('operation', 'entity_type');
    expect(audit).toEqual([{ operation: 'updateOrganization', entity_type: 'Organization' }, { operation: 'recordChangeEvent', entity_type: 'ChangeEvent' }]);

    const before = await snapshot();
    const same = await r.query(RECORD, { input: event('RENAMING', [FOUGERES], [FOUGERES], { date: '2026-08-01', newName }) }, tokens.fougeres);
    expect(same.data.recordChangeEvent).toEqual({ changeEvent: null, userErrors: [expect.objectContaining({ code: 'NAME_UNCHANGED', field: ['input', 'newName'] })] });
    expect(await snapshot()).toEqual(before);
  });

  it('the national secretariat records a partner’s renaming, a creation, a split its origin survives and a dissolution, each with only its own consequences', async () => {
    const renamed = await r.query(RECORD, { input: event('RENAMING', [FRANCE_TRAVAIL], [FRANCE_TRAVAIL], { date: '2024-01-01', description: 'Pôle emploi devient France Travail' }) }, tokens.national);
    expect(renamed.data.recordChangeEvent.userErrors).toEqual([]);
    const created = await r.query(RECORD, { input: event('CREATION', [], [VITRE], { date: '2026-01-01' }) }, tokens.national);
    expect(created.data.recordChangeEvent.changeEvent).toMatchObject({ kind: 'CREATION', origins: [], results: [{ name: VITRE }] });
    const carved = await r.query(RECORD, { input: event('SPLIT', [FOUGERES], [FOUGERES, BROCELIANDE], { date: '2026-10-01' }) }, tokens.national);
    expect(carved.data.recordChangeEvent.changeEvent.results).toHaveLength(2);
    const dissolved = await r.query(RECORD, { input: event('DISSOLUTION', [CAEN], [], { date: '2026-12-31' }) }, tokens.national);
    expect(dissolved.data.recordChangeEvent.changeEvent).toMatchObject({ kind: 'DISSOLUTION', origins: [{ name: CAEN }], results: [] });
    const read = await r.query(`query($ft: ID!, $v: ID!, $c: ID!, $f: ID!) {
      ft: organization(id: $ft) { name version formerNames { name } } v: organization(id: $v) { version dissolvedOn }
      f: organization(id: $f) { dissolvedOn parent { name } changeEvents { kind } }
      c: organization(id: $c) { dissolvedOn parent(asOf: "2027-01-01") { name } before: parent(asOf: "2026-12-30") { name } sites { totalCount } communes(asOf: "2027-01-01") { totalCount } } }`,
    { ft: id[FRANCE_TRAVAIL], v: id[VITRE], c: id[CAEN], f: id[FOUGERES] });
    expect(read.data).toEqual({
      ft: { name: FRANCE_TRAVAIL, version: 1, formerNames: [] },
      v: { version: 1, dissolvedOn: null },
      f: { dissolvedOn: null, parent: { name: BRETAGNE }, changeEvents: [{ kind: 'RENAMING' }, { kind: 'SPLIT' }] },
      c: { dissolvedOn: '2026-12-31', parent: null, before: { name: NORMANDIE }, sites: { totalCount: 1 }, communes: { totalCount: 1 } },
    });
  });

  it('refuses callers without rights on every structure involved, and anonymous callers, writing nothing', async () => {
    const guessed = toGlobalId('Organization', '999999');
    const cases: [Record<string, unknown>, string | undefined, string][] = [
      [event('DISSOLUTION', [FOUGERES], []), undefined, 'UNAUTHENTICATED'],
      [event('DISSOLUTION', [CAEN], []), tokens.bzh, 'FORBIDDEN'],
      [event('SPLIT', [CAEN], [CAEN, VITRE]), tokens.normandie, 'FORBIDDEN'],
      [event('RENAMING', [UNML], [UNML], { newName: 'Union nationale' }), tokens.bzh, 'FORBIDDEN'],
      [event('RENAMING', [FRANCE_TRAVAIL], [FRANCE_TRAVAIL]), tokens.bzh, 'FORBIDDEN'],
      [event('DISSOLUTION', [VITRE], []), tokens.fougeres, 'FORBIDDEN'],
      [event('SPLIT', [FOUGERES], [FOUGERES, VITRE]), tokens.fougeres, 'FORBIDDEN'],
      [{ ...event('CREATION', [], []), resultIds: [guessed] }, tokens.bzh, 'FORBIDDEN'],
      [{ ...event('CREATION', [], []), resultIds: [guessed] }, tokens.national, 'NOT_FOUND'],
      [{ ...event('SPLIT', [], [VITRE, METROPOLE]), originIds: [guessed] }, tokens.national, 'NOT_FOUND'],
    ];
    for (const [input, token, code] of cases) {
      const before = await snapshot();
      const res = await r.query(RECORD, { input }, token);
      expect([input, errorCode(res)]).toEqual([input, code]);
      expect(await snapshot()).toEqual(before);
    }
  });

  it('rejects malformed input at the edge with BAD_USER_INPUT — a merger included — writing nothing', async () => {
    const cases: Record<string, unknown>[] = [
      event('MERGER', [FOUGERES, VITRE], [FOUGERES]),
      event('EXPLOSION', [FOUGERES], []),
      event('DISSOLUTION', [VITRE], [], { date: '2026-02-30' }),
      event('DISSOLUTION', [VITRE], [], { date: 'hier' }),
      event('DISSOLUTION', [VITRE], [], { description: '' }),
      event('DISSOLUTION', [VITRE], [], { description: '   ' }),
      event('DISSOLUTION', [VITRE], [], { description: 'x'.repeat(10_000) }),
      { ...event('DISSOLUTION', [], []), originIds: [''] },
      { ...event('DISSOLUTION', [], []), originIds: ['x'.repeat(10_000)] },
      { ...event('DISSOLUTION', [], []), originIds: [id[VITRE], id[VITRE]] },
      { ...event('DISSOLUTION', [], []), originIds: [toGlobalId('Site', '1')] },
      { ...event('SPLIT', [FOUGERES], []), resultIds: Array.from({ length: 51 }, (_, i) => toGlobalId('Organization', String(i + 1))) },
      event('RENAMING', [VITRE], [VITRE], { newName: '' }),
      event('RENAMING', [VITRE], [VITRE], { newName: 'x'.repeat(10_000) }),
      event('RENAMING', [VITRE], [VITRE], { idempotencyKey: 'k'.repeat(10_000) }),
    ];
    for (const input of cases) {
      const before = await snapshot();
      const res = await r.query(RECORD, { input }, tokens.national);
      expect([input, errorCode(res)]).toEqual([input, 'BAD_USER_INPUT']);
      expect(await snapshot()).toEqual(before);
    }
  });

  it('refuses inconsistent shapes and states with typed user errors, writing nothing', async () => {
    const before = await snapshot();
    const refused = async (input: Record<string, unknown>) => codes(await r.query(RECORD, { input }, tokens.national));
    expect(await refused(event('CREATION', [FOUGERES], [VITRE]))).toEqual(['WRONG_ORIGIN_COUNT']);
    expect(await refused(event('CREATION', [], []))).toEqual(['WRONG_RESULT_COUNT']);
    expect(await refused(event('CREATION', [], [VITRE, METROPOLE]))).toEqual(['WRONG_RESULT_COUNT']);
    expect(await refused(event('SPLIT', [FOUGERES, VITRE], [METROPOLE, BROCELIANDE]))).toEqual(['WRONG_ORIGIN_COUNT']);
    expect(await refused(event('SPLIT', [VITRE], [METROPOLE]))).toEqual(['WRONG_RESULT_COUNT']);
    expect(await refused(event('RENAMING', [VITRE], [BRETAGNE]))).toEqual(['RENAMING_NOT_SAME_ORGANIZATION']);
    expect(await refused(event('RENAMING', [VITRE], []))).toEqual(['WRONG_RESULT_COUNT']);
    expect(await refused(event('DISSOLUTION', [], []))).toEqual(['WRONG_ORIGIN_COUNT']);
    expect(await refused(event('DISSOLUTION', [VITRE], [METROPOLE]))).toEqual(['WRONG_RESULT_COUNT']);
    expect(await refused(event('DISSOLUTION', [VITRE], [], { newName: 'Autre nom' }))).toEqual(['NEW_NAME_ONLY_FOR_RENAMING']);
    expect(await refused(event('DISSOLUTION', [BASSE_NORMANDIE], []))).toEqual(['ORGANIZATION_DISSOLVED']);
    expect(await refused(event('RENAMING', [BASSE_NORMANDIE], [BASSE_NORMANDIE], { date: '2020-01-01' }))).toEqual(['ORGANIZATION_DISSOLVED']);
    expect(await refused(event('DISSOLUTION', [VITRE], [], { date: '2025-06-01' }))).toEqual(['BEFORE_FOUNDING']);
    const fields = await r.query(RECORD, { input: event('SPLIT', [VITRE, BASSE_NORMANDIE], [METROPOLE]) }, tokens.national);
    expect(fields.data.recordChangeEvent.userErrors.map((e: any) => [e.code, e.field.join('.')])).toEqual([
      ['WRONG_ORIGIN_COUNT', 'input.originIds'], ['WRONG_RESULT_COUNT', 'input.resultIds'], ['ORGANIZATION_DISSOLVED', 'input.originIds.1'],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('lets one of two concurrent dissolutions win, and tells the other', async () => {
    const both = await Promise.all([1, 2].map(() => r.query(RECORD, { input: event('DISSOLUTION', [VITRE], [], { date: '2027-06-30' }) }, tokens.bzh)));
    expect(both.map((x) => x.data.recordChangeEvent.userErrors[0]?.code ?? 'OK').sort()).toEqual(['OK', 'ORGANIZATION_DISSOLVED']);
    expect(Number((await knex()('change_event').where('kind', 'DISSOLUTION').where('date', '2027-06-30').count({ n: '*' }))[0].n)).toBe(1);
  });
});
