import type { EntityManager } from '@mikro-orm/knex';
import { AccessRole } from '../../src/modules/access/caller';
import { databaseKinds } from '../support/databases';
import { startRegistry, TestRegistry } from '../support/registry';
import { tinyConventions } from '../support/tiny-conventions';
import { twoRegionNetwork } from '../support/two-region-network';

const FIELDS = 'convention { id version status signedOn fundingTotal parties { role organization { name } } } userErrors { field code message }';
const CREATE = `mutation($input: CreateConventionInput!) { createConvention(input: $input) { ${FIELDS} } }`;
const STATUS = `mutation($input: ChangeConventionStatusInput!) { changeConventionStatus(input: $input) { ${FIELDS} } }`;
const PARTY = `mutation($input: AddConventionPartyInput!) { addConventionParty(input: $input) { ${FIELDS} } }`;
const FUNDING = `mutation($input: AddFundingLineInput!) { addFundingLine(input: $input) { ${FIELDS} } }`;
const DOCUMENT = `mutation($input: AddConventionDocumentInput!) { addConventionDocument(input: $input) { ${FIELDS} } }`;

describe.each(databaseKinds())('an ARML officer records the conventions it signs on %s', (kind) => {
  let r: TestRegistry;
  const org: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const tables = ['convention', 'convention_party', 'convention_status_change', 'funding_line', 'convention_document', 'audit_event'];
  const counts = async () => {
    const knex = (r.orm.em as EntityManager).getKnex();
    return Promise.all(tables.map(async (t) => Number((await knex(t).count({ n: '*' }))[0].n)));
  };
  const codes = (res: any, field: string) => res.data[field].userErrors.map((e: any) => e.code);

  beforeAll(async () => {
    r = await startRegistry(kind, { network: twoRegionNetwork(), conventions: tinyConventions() });
    const res = await r.query(`{ organizations(first: 100) { nodes { id name } } }`);
    for (const o of res.data.organizations.nodes) org[o.name] = o.id;
    const knex = (r.orm.em as EntityManager).getKnex();
    const id = async (name: string) => Number((await knex('organization').where({ name }).first()).id);
    tokens.national = (await r.mintToken(AccessRole.NATIONAL, null)).token;
    tokens.bzh = (await r.mintToken(AccessRole.ARML, await id('Association régionale des Missions Locales de Bretagne'))).token;
    tokens.normandie = (await r.mintToken(AccessRole.ARML, await id('Association régionale des Missions Locales de Normandie'))).token;
    tokens.ml = (await r.mintToken(AccessRole.MISSION_LOCALE, await id('Mission Locale du Pays de Fougères'))).token;
  });
  afterAll(() => r?.stop());

  const cpo = () => ({
    kind: 'CPO_STATE_ARML', title: 'CPO État–ARML Bretagne 2026-2028', startDate: '2026-01-01', endDate: '2028-12-31', draftedOn: '2025-11-01',
    parties: [{ organizationId: org['Association régionale des Missions Locales de Bretagne'], role: 'SIGNATORY' }],
  });

  it('walks a CPO from draft to signed, with its parties and funding, each step checked against the rules', async () => {
    const created = await r.query(CREATE, { input: cpo() }, tokens.bzh);
    expect(created.data.createConvention.userErrors).toEqual([]);
    let c = created.data.createConvention.convention;
    expect(c).toMatchObject({ version: 1, status: 'DRAFT', fundingTotal: '0.00' });

    const skip = await r.query(STATUS, { input: { id: c.id, version: 1, status: 'SIGNED', date: '2025-12-01', signedOn: '2025-12-01' } }, tokens.bzh);
    expect(codes(skip, 'changeConventionStatus')).toEqual(['STATUS_TRANSITION_NOT_ALLOWED', 'SIGNED_WITHOUT_TWO_SIGNATORIES']);
    c = (await r.query(STATUS, { input: { id: c.id, version: 1, status: 'IN_NEGOTIATION', date: '2025-11-15' } }, tokens.bzh)).data.changeConventionStatus.convention;
    const undated = await r.query(STATUS, { input: { id: c.id, version: 2, status: 'SIGNED', date: '2025-12-01' } }, tokens.bzh);
    expect(codes(undated, 'changeConventionStatus')).toEqual(['SIGNED_WITHOUT_DATE', 'SIGNED_WITHOUT_TWO_SIGNATORIES']);

    const dreets = org['DREETS Bretagne'];
    c = (await r.query(PARTY, { input: { conventionId: c.id, version: 2, organizationId: dreets, role: 'SIGNATORY' } }, tokens.bzh)).data.addConventionParty.convention;
    const twice = await r.query(PARTY, { input: { conventionId: c.id, version: 3, organizationId: dreets, role: 'SIGNATORY' } }, tokens.bzh);
    expect(codes(twice, 'addConventionParty')).toEqual(['DUPLICATE_PARTY_ROLE']);
    const notFinancer = await r.query(FUNDING, { input: { conventionId: c.id, version: 3, financerId: dreets, year: 2026, axis: '1', amount: '48250.75' } }, tokens.bzh);
    expect(codes(notFinancer, 'addFundingLine')).toEqual(['FINANCER_NOT_PARTY']);
    c = (await r.query(PARTY, { input: { conventionId: c.id, version: 3, organizationId: dreets, role: 'FINANCER' } }, tokens.bzh)).data.addConventionParty.convention;
    c = (await r.query(FUNDING, { input: { conventionId: c.id, version: 4, financerId: dreets, year: 2026, axis: '1', amount: '48250.75' } }, tokens.bzh)).data.addFundingLine.convention;
    c = (await r.query(FUNDING, { input: { conventionId: c.id, version: 5, financerId: dreets, year: 2026, axis: '2', amount: '0.30' } }, tokens.bzh)).data.addFundingLine.convention;
    expect(c.fundingTotal).toBe('48251.05');
    c = (await r.query(STATUS, { input: { id: c.id, version: 6, status: 'SIGNED', date: '2025-12-01', signedOn: '2025-12-01' } }, tokens.bzh)).data.changeConventionStatus.convention;
    expect(c).toMatchObject({ status: 'SIGNED', signedOn: '2025-12-01', version: 7 });
    c = (await r.query(DOCUMENT, { input: { conventionId: c.id, version: 7, title: 'Convention signée', url: 'https://example.org/cpo.pdf' } }, tokens.bzh)).data.addConventionDocument.convention;
    expect(c.version).toBe(8);
    const stale = await r.query(STATUS, { input: { id: c.id, version: 7, status: 'IN_FORCE', date: '2026-01-01' } }, tokens.bzh);
    expect(codes(stale, 'changeConventionStatus')).toEqual(['CONFLICT']);
    const audit = await (r.orm.em as EntityManager).getKnex()('audit_event').where({ entity_type: 'Convention' }).count({ n: '*' });
    expect(Number(audit[0].n)).toBe(8);
  });

  it('refuses what breaks a rule, writing nothing', async () => {
    const before = await counts();
    const twoYears = await r.query(CREATE, { input: { ...cpo(), endDate: '2027-12-31' } }, tokens.bzh);
    expect(codes(twoYears, 'createConvention')).toEqual(['CPO_NOT_THREE_YEARS']);
    const backwards = await r.query(CREATE, { input: { ...cpo(), kind: 'OTHER', endDate: '2025-12-31' } }, tokens.bzh);
    expect(codes(backwards, 'createConvention')).toEqual(['END_BEFORE_START']);
    const cpo2018 = (await r.query(`{ conventions(filter: { search: "2018" }) { nodes { id } } }`)).data.conventions.nodes[0].id;
    const declination = await r.query(CREATE, { input: { ...cpo(), kind: 'REGIONAL_DECLINATION', nationalConventionId: cpo2018 } }, tokens.bzh);
    expect(codes(declination, 'createConvention')).toEqual(['DECLINATION_PARENT_NOT_NATIONAL']);
    expect(await counts()).toEqual(before);
  });

  it('refuses callers outside their scope and malformed input, writing nothing', async () => {
    const before = await counts();
    expect((await r.query(CREATE, { input: cpo() })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await r.query(CREATE, { input: cpo() }, tokens.normandie)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await r.query(CREATE, { input: cpo() }, tokens.ml)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const existing = (await r.query(`{ conventions(filter: { search: "2018" }) { nodes { id version } } }`)).data.conventions.nodes[0];
    const foreign = await r.query(DOCUMENT, { input: { conventionId: existing.id, version: existing.version, title: 'x' } }, tokens.normandie);
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const bad of [{ title: '' }, { title: 'x'.repeat(10_000) }, { endDate: '2028-02-30' }, { kind: 'TREATY' }, { parties: [] }]) {
      expect((await r.query(CREATE, { input: { ...cpo(), ...bad } }, tokens.national)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    for (const amount of ['-1', '12.345', 12.5, '1e3']) {
      const res = await r.query(FUNDING, { input: { conventionId: existing.id, version: existing.version, financerId: org['DREETS Bretagne'], year: 2026, amount } }, tokens.national);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await counts()).toEqual(before);
  });
});
