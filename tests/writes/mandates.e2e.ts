import type { EntityManager } from '@mikro-orm/knex';
import { AccessRole } from '../../src/modules/access/caller';
import { databaseKinds } from '../support/databases';
import { startRegistry, TestRegistry } from '../support/registry';
import { twoRegionNetwork } from '../support/two-region-network';
import { emptyBoards } from '../support/empty-boards';

const OPEN = `mutation($input: OpenMandateInput!) { openMandate(input: $input) {
  mandate { id version startDate person { familyName } post { kind } } userErrors { field code message }
} }`;
const END = `mutation($input: EndMandateInput!) { endMandate(input: $input) {
  mandate { id version endDate endReason } userErrors { field code message }
} }`;

describe.each(databaseKinds())('the secretariat keeps mandates up to date on %s', (kind) => {
  let r: TestRegistry;
  const post: Record<string, string> = {};
  const person: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const count = async () => {
    const knex = (r.orm.em as EntityManager).getKnex();
    return [Number((await knex('mandate').count({ n: '*' }))[0].n), Number((await knex('audit_event').count({ n: '*' }))[0].n)];
  };

  beforeAll(async () => {
    r = await startRegistry(kind, { network: twoRegionNetwork(), governance: emptyBoards() });
    const res = await r.query(`{ governingBodies { nodes { organization { name } posts { id kind } } } persons { nodes { id givenName } } }`);
    for (const b of res.data.governingBodies.nodes) for (const p of b.posts) post[`${b.organization.name.includes('Caen') ? 'caen' : 'fougeres'}.${p.kind}`] = p.id;
    for (const p of res.data.persons.nodes) person[p.givenName] = p.id;
    const knex = (r.orm.em as EntityManager).getKnex();
    const orgId = async (name: string) => Number((await knex('organization').where({ name }).first()).id);
    tokens.national = (await r.mintToken(AccessRole.NATIONAL, null)).token;
    tokens.armlBretagne = (await r.mintToken(AccessRole.ARML, await orgId('Association régionale des Missions Locales de Bretagne'))).token;
    tokens.mlCaen = (await r.mintToken(AccessRole.MISSION_LOCALE, await orgId('Mission Locale de Caen'))).token;
  });
  afterAll(() => r?.stop());

  it('opens a president who is an elected official of collège 1, and refuses one who is not', async () => {
    const denied = await r.query(OPEN, { input: { postId: post['fougeres.PRESIDENT'], personId: person['Denis'], collegeNumber: 1, startDate: '2026-02-01' } }, tokens.armlBretagne);
    expect(denied.data.openMandate).toEqual({ mandate: null, userErrors: [expect.objectContaining({ code: 'ML_PRESIDENT_NOT_ELECTED' })] });
    const before = await count();
    const ok = await r.query(OPEN, { input: { postId: post['fougeres.PRESIDENT'], personId: person['Anne'], collegeNumber: 1, startDate: '2026-02-01', legalBasis: 'Délibération du CA du 31 janvier 2026' } }, tokens.armlBretagne);
    expect(ok.data.openMandate.userErrors).toEqual([]);
    expect(ok.data.openMandate.mandate).toMatchObject({ version: 1, startDate: '2026-02-01', person: { familyName: 'Maire' }, post: { kind: 'PRESIDENT' } });
    expect(await count()).toEqual([before[0] + 1, before[1] + 1]);
    const twice = await r.query(OPEN, { input: { postId: post['fougeres.PRESIDENT'], personId: person['Ève'], collegeNumber: 1, startDate: '2026-03-01' } }, tokens.national);
    expect(twice.data.openMandate.userErrors.map((e: any) => e.code)).toEqual(['SINGLE_SEAT_OVERLAP']);
    expect(await count()).toEqual([before[0] + 1, before[1] + 1]);
  });

  it('refuses callers outside the body’s scope and malformed input, writing nothing', async () => {
    const before = await count();
    const input = { postId: post['fougeres.BOARD_MEMBER'], personId: person['Ève'], startDate: '2026-02-01' };
    expect((await r.query(OPEN, { input })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await r.query(OPEN, { input }, tokens.mlCaen)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await r.query(OPEN, { input: { ...input, postId: post['caen.BOARD_MEMBER'] } }, tokens.armlBretagne)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const bad of [{ startDate: '2026-02-30' }, { personId: undefined }, { holderOrganizationId: person['Ève'] }, { legalBasis: 'x'.repeat(10_000) }, { role: 'CHEF' }]) {
      const res = await r.query(OPEN, { input: { ...input, ...bad } }, tokens.national);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const noTerm = await r.query(OPEN, { input: { ...input, startDate: '2025-06-01' } }, tokens.national);
    expect(noTerm.data.openMandate.userErrors.map((e: any) => e.code)).toEqual(['NO_TERM_ON_DATE']);
    expect(await count()).toEqual(before);
  });

  it('ends a mandate without deleting it, and refuses a stale version or an end before the start', async () => {
    const opened = await r.query(OPEN, { input: { postId: post['caen.BOARD_MEMBER'], personId: person['Denis'], collegeNumber: 3, startDate: '2026-02-01' } }, tokens.mlCaen);
    const m = opened.data.openMandate.mandate;
    expect(opened.data.openMandate.userErrors).toEqual([]);
    const early = await r.query(END, { input: { id: m.id, version: 1, endDate: '2026-01-15', endReason: 'RESIGNED' } }, tokens.mlCaen);
    expect(early.data.endMandate.userErrors.map((e: any) => e.code)).toEqual(['END_BEFORE_START']);
    const ended = await r.query(END, { input: { id: m.id, version: 1, endDate: '2026-06-30', endReason: 'RESIGNED' } }, tokens.mlCaen);
    expect(ended.data.endMandate.mandate).toMatchObject({ version: 2, endDate: '2026-06-30', endReason: 'RESIGNED' });
    const stale = await r.query(END, { input: { id: m.id, version: 1, endDate: '2026-07-01', endReason: 'OTHER' } }, tokens.national);
    expect(stale.data.endMandate.userErrors.map((e: any) => e.code)).toEqual(['CONFLICT']);
    const history = await r.query(`query($id: ID!) { node(id: $id) { ... on Person { mandates(history: true) { nodes { startDate endDate } } now: mandates(asOf: "2026-08-01") { totalCount } } } }`, { id: person['Denis'] });
    expect(history.data.node.mandates.nodes).toEqual([{ startDate: '2026-02-01', endDate: '2026-06-30' }]);
    expect(history.data.node.now.totalCount).toBe(0);
  });

  it('shows a person’s contact details only to scopes covering them, whatever the path', async () => {
    const knex = (r.orm.em as EntityManager).getKnex();
    const anne = Number((await knex('person').where({ given_name: 'Anne' }).first()).id);
    await knex('person_contact').insert({ person_id: anne, kind: 'EMAIL', value: 'anne.maire@example.org' });
    const direct = `query($id: ID!) { node(id: $id) { ... on Person { contacts { kind value } } } }`;
    const nested = `{ governingBodies { nodes { composition { nodes { person { givenName contacts { value } } } } } } }`;
    const seen = (res: any) => res.data.governingBodies.nodes.flatMap((b: any) => b.composition.nodes).filter((m: any) => m.person?.givenName === 'Anne').map((m: any) => m.person.contacts);
    expect((await r.query(direct, { id: person['Anne'] })).data.node.contacts).toBeNull();
    expect((await r.query(direct, { id: person['Anne'] }, tokens.mlCaen)).data.node.contacts).toBeNull();
    expect(seen(await r.query(nested, {}, tokens.mlCaen))).toEqual([null]);
    expect((await r.query(direct, { id: person['Anne'] }, tokens.armlBretagne)).data.node.contacts).toEqual([{ kind: 'EMAIL', value: 'anne.maire@example.org' }]);
    expect(seen(await r.query(nested, {}, tokens.national))).toEqual([[{ value: 'anne.maire@example.org' }]]);
    expect(seen(await r.query(nested))).toEqual([null]);
  });
});

describe.each(databaseKinds())('handing over and correcting mandates on %s', (kind) => {
  it('replaces a president the same day, and records a correction without losing the wrong record', async () => {
    const r = await startRegistry(kind, { network: twoRegionNetwork(), governance: emptyBoards() });
    try {
      const token = (await r.mintToken(AccessRole.NATIONAL, null)).token;
      const res = await r.query(`{ governingBodies { nodes { organization { name } posts { id kind } } } persons { nodes { id givenName } } }`);
      const board = res.data.governingBodies.nodes.find((b: any) => b.organization.name.includes('Fougères'));
      const president = board.posts.find((p: any) => p.kind === 'PRESIDENT').id;
      const person = (n: string) => res.data.persons.nodes.find((p: any) => p.givenName === n).id;
      const opened = (await r.query(OPEN, { input: { postId: president, personId: person('Anne'), collegeNumber: 1, startDate: '2026-01-15' } }, token)).data.openMandate.mandate;

      const REPLACE = `mutation($input: ReplaceMandateInput!) { replaceMandate(input: $input) { mandate { id startDate person { familyName } } userErrors { code } } }`;
      const badSuccessor = await r.query(REPLACE, { input: { id: opened.id, version: 1, date: '2026-05-01', successor: { personId: person('Denis'), collegeNumber: 1 } } }, token);
      expect(badSuccessor.data.replaceMandate.userErrors.map((e: any) => e.code)).toEqual(['ML_PRESIDENT_NOT_ELECTED']);
      const replaced = await r.query(REPLACE, { input: { id: opened.id, version: 1, date: '2026-05-01', successor: { personId: person('Ève'), collegeNumber: 1 } } }, token);
      expect(replaced.data.replaceMandate).toEqual({ mandate: { id: expect.any(String), startDate: '2026-05-01', person: { familyName: 'Élue' } }, userErrors: [] });

      const CORRECT = `mutation($input: CorrectMandateInput!) { correctMandate(input: $input) { mandate { id startDate } userErrors { code } } }`;
      const corrected = await r.query(CORRECT, { input: { id: replaced.data.replaceMandate.mandate.id, version: 1, startDate: '2026-05-02', legalBasis: 'Erratum au PV du CA' } }, token);
      expect(corrected.data.correctMandate.userErrors).toEqual([]);
      const reading = await r.query(`query($id: ID!) { node(id: $id) { ... on Organization {
        april: president(asOf: "2026-04-30") { familyName } mayFirst: president(asOf: "2026-05-01") { familyName } mayTwo: president(asOf: "2026-05-02") { familyName }
      } } }`, { id: (await r.query(`{ organizations(filter: { search: "fougeres" }) { nodes { id } } }`)).data.organizations.nodes[0].id });
      expect(reading.data.node).toEqual({ april: { familyName: 'Maire' }, mayFirst: null, mayTwo: { familyName: 'Élue' } });
      const history = await r.query(`query($id: ID!) { node(id: $id) { ... on Person { mandates(history: true) { nodes { startDate endReason correctedBy { startDate } } } } } }`, { id: person('Ève') });
      expect(history.data.node.mandates.nodes).toEqual([
        { startDate: '2026-05-01', endReason: 'CORRECTED', correctedBy: { startDate: '2026-05-02' } },
        { startDate: '2026-05-02', endReason: null, correctedBy: null },
      ]);
    } finally {
      await r.stop();
    }
  });
});
