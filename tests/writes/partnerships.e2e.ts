import type { EntityManager } from '@mikro-orm/knex';
import { toGlobalId } from '../../src/graphql/node';
import { AccessRole } from '../../src/modules/access/caller';
import { databaseKinds } from '../support/databases';
import { startRegistry, TestRegistry } from '../support/registry';
import { tinyConventions } from '../support/tiny-conventions';
import { BRETAGNE, FOUGERES, FRANCE_TRAVAIL, RENNES } from '../support/tiny-network';
import { CAEN, NORMANDIE, twoRegionNetwork } from '../support/two-region-network';

const FIELDS = `partnership { id version theme scope description startDate endDate networkOrganization { name } partner { name } conventions { title } }
  userErrors { field code message }`;
const CREATE = `mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdatePartnershipInput!) { updatePartnership(input: $input) { ${FIELDS} } }`;
const END = `mutation($input: EndPartnershipInput!) { endPartnership(input: $input) { ${FIELDS} } }`;

const DIRECCTE = 'Direccte Bretagne';

/** Two regions with their conventions, and the Direccte, replaced by the DREETS on 1 April 2021. */
function network() {
  const n = twoRegionNetwork();
  n.organizations.push({
    key: 'partner-direccte-53', kind: 'PARTNER', partnerCategory: 'STATE_SERVICE', name: DIRECCTE, legalForm: 'PUBLIC_BODY', dissolvedOn: '2021-04-01',
    provenance: { status: 'ILLUSTRATIVE', source: 'test fixture' },
  });
  return n;
}

describe.each(databaseKinds())('recording the partnerships of the network on %s', (kind) => {
  let r: TestRegistry;
  const id: Record<string, string> = {};
  const convention: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const knex = () => (r.orm.em as EntityManager).getKnex();

  /** What a partnership write may touch: a refusal leaves all of it as it was. */
  const snapshot = async () => {
    const count = async (t: string) => Number((await knex()(t).count({ n: '*' }))[0].n);
    return {
      partnerships: await knex()('partnership').orderBy('id'), conventions: await knex()('partnership_convention').orderBy('id'),
      audit: await count('audit_event'), keys: await count('idempotency_key'),
    };
  };
  const errorCode = (res: any) => res.errors?.[0].extensions?.code;
  const codes = (res: any, field: string) => res.data[field].userErrors.map((e: any) => e.code);
  const create = (network: string, partner: string, extra: Record<string, unknown> = {}) =>
    ({ networkOrganizationId: id[network], partnerId: id[partner], theme: 'EMPLOYMENT', scope: 'REGIONAL', startDate: '2024-03-01', ...extra });
  /** The stored partnership of `network` with `partner` (seeded ones included): global id and version. */
  const stored = async (network: string, partner: string) => {
    const row = await knex()('partnership as p').join('organization as n', 'n.id', 'p.network_organization_id').join('organization as o', 'o.id', 'p.partner_id')
      .where({ 'n.name': network, 'o.name': partner }).select('p.id', 'p.version').orderBy('p.id').first();
    return { id: toGlobalId('Partnership', String(row.id)), version: Number(row.version) };
  };

  beforeAll(async () => {
    r = await startRegistry(kind, { network: network(), conventions: tinyConventions() });
    const num: Record<string, number> = {};
    for (const o of await knex()('organization').select('id', 'name')) {
      num[o.name] = Number(o.id);
      id[o.name] = toGlobalId('Organization', String(o.id));
    }
    for (const c of (await r.query(`{ conventions(first: 50) { nodes { id reference title } } }`)).data.conventions.nodes) convention[c.title] = c.id;
    tokens.national = (await r.mintToken(AccessRole.NATIONAL, null)).token;
    tokens.bzh = (await r.mintToken(AccessRole.ARML, num[BRETAGNE])).token;
    tokens.normandie = (await r.mintToken(AccessRole.ARML, num[NORMANDIE])).token;
    tokens.fougeres = (await r.mintToken(AccessRole.MISSION_LOCALE, num[FOUGERES])).token;
  });
  afterAll(() => r?.stop());

  const declination = () => convention['Déclinaison bretonne de l’accord-cadre France Travail'];
  const cpo2023 = () => convention['CPO État–ARML Bretagne 2023-2025'];
  const nationalFt = () => convention['Accord-cadre UNML – France Travail'];

  it('an ARML officer records its regional partnership with France Travail, then updates and ends it; every step is audited', async () => {
    const input = create(BRETAGNE, FRANCE_TRAVAIL, { conventionIds: [declination()], idempotencyKey: 'ft-53' });
    const created = await r.query(CREATE, { input }, tokens.bzh);
    expect(created.data.createPartnership.userErrors).toEqual([]);
    const p = created.data.createPartnership.partnership;
    expect(p).toMatchObject({
      version: 1, theme: 'EMPLOYMENT', scope: 'REGIONAL', startDate: '2024-03-01', endDate: null,
      networkOrganization: { name: BRETAGNE }, partner: { name: FRANCE_TRAVAIL }, conventions: [{ title: 'Déclinaison bretonne de l’accord-cadre France Travail' }],
    });
    const afterCreate = await snapshot();
    expect((await r.query(CREATE, { input }, tokens.bzh)).data.createPartnership.partnership.id).toBe(p.id);
    expect(await snapshot()).toEqual(afterCreate);

    const updated = await r.query(UPDATE, { input: {
      id: p.id, version: 1, description: 'Accompagnement des jeunes vers l’emploi', endDate: '2026-12-15', conventionIds: [declination(), cpo2023()],
    } }, tokens.bzh);
    expect(updated.data.updatePartnership.partnership).toMatchObject({
      version: 2, description: 'Accompagnement des jeunes vers l’emploi', endDate: '2026-12-15', theme: 'EMPLOYMENT',
      conventions: expect.arrayContaining([{ title: 'CPO État–ARML Bretagne 2023-2025' }, { title: 'Déclinaison bretonne de l’accord-cadre France Travail' }]),
    });
    const beforeStale = await snapshot();
    const stale = await r.query(UPDATE, { input: { id: p.id, version: 1, theme: 'DIGITAL' } }, tokens.bzh);
    expect(stale.data.updatePartnership).toEqual({ partnership: null, userErrors: [expect.objectContaining({ code: 'CONFLICT', field: ['input', 'version'] })] });
    const staleEnd = await r.query(END, { input: { id: p.id, version: 1, endDate: '2026-06-30' } }, tokens.bzh);
    expect(codes(staleEnd, 'endPartnership')).toEqual(['CONFLICT']);
    expect(await snapshot()).toEqual(beforeStale);

    const ended = await r.query(END, { input: { id: p.id, version: 2, endDate: '2026-06-30' } }, tokens.bzh);
    expect(ended.data.endPartnership.partnership).toMatchObject({ version: 3, endDate: '2026-06-30' });
    const beforeAgain = await snapshot();
    const again = await r.query(END, { input: { id: p.id, version: 3, endDate: '2026-09-01' } }, tokens.bzh);
    expect(again.data.endPartnership).toEqual({ partnership: null, userErrors: [expect.objectContaining({ code: 'ALREADY_ENDED', field: ['input', 'endDate'] })] });
    expect(await snapshot()).toEqual(beforeAgain);

    const current = await r.query(`query($id: ID!) { organization(id: $id) { now: partnerships(filter: { activeOn: "2026-05-01" }) { nodes { partner { name } } }
      later: partnerships(filter: { activeOn: "2026-07-01" }) { totalCount } } }`, { id: id[BRETAGNE] });
    expect(current.data.organization).toEqual({ now: { nodes: [{ partner: { name: FRANCE_TRAVAIL } }] }, later: { totalCount: 0 } });
    const history = await r.query(`query($id: ID!) { node(id: $id) { ... on Partnership { history { nodes { operation actorRole before after } } } } }`, { id: p.id }, tokens.national);
    const lines = history.data.node.history.nodes;
    expect(lines.map((e: any) => [e.operation, e.actorRole])).toEqual([['createPartnership', 'ARML'], ['updatePartnership', 'ARML'], ['endPartnership', 'ARML']]);
    expect(JSON.parse(lines[1].before)).toMatchObject({ version: 1, end_date: null, conventionIds: [expect.any(Number)] });
    expect(JSON.parse(lines[1].after)).toMatchObject({ version: 2, end_date: '2026-12-15' });
    expect(JSON.parse(lines[1].after).conventionIds).toHaveLength(2);
    const log = await r.query(`{ auditLog(filter: { entityType: "Partnership" }) { totalCount } }`, {}, tokens.national);
    expect(log.data.auditLog.totalCount).toBe(3);
  });

  it('a Mission Locale records and updates its own local partnerships, and the secretariat any', async () => {
    const own = await r.query(CREATE, { input: create(FOUGERES, 'Conseil régional de Bretagne', { theme: 'MOBILITY', scope: 'LOCAL', startDate: '2026-01-01' }) }, tokens.fougeres);
    expect(own.data.createPartnership.partnership).toMatchObject({ theme: 'MOBILITY', scope: 'LOCAL', networkOrganization: { name: FOUGERES }, version: 1 });
    const seeded = await stored(FOUGERES, FRANCE_TRAVAIL);
    const updated = await r.query(UPDATE, { input: { id: seeded.id, version: seeded.version, theme: 'TRAINING_AND_APPRENTICESHIP' } }, tokens.fougeres);
    expect(updated.data.updatePartnership.partnership).toMatchObject({ theme: 'TRAINING_AND_APPRENTICESHIP', version: seeded.version + 1 });

    const unml = await stored('Union nationale des Missions Locales', FRANCE_TRAVAIL);
    const cleared = await r.query(UPDATE, { input: { id: unml.id, version: unml.version, conventionIds: [] } }, tokens.national);
    expect(cleared.data.updatePartnership.partnership).toMatchObject({ conventions: [], version: unml.version + 1 });
    const caen = await r.query(CREATE, { input: create(CAEN, 'DREETS Bretagne', { theme: 'JUSTICE', scope: 'LOCAL' }) }, tokens.national);
    expect(caen.data.createPartnership.userErrors).toEqual([]);
    const audit = await knex()('audit_event').where({ entity_type: 'Partnership' }).whereIn('actor_role', ['MISSION_LOCALE', 'NATIONAL']).orderBy('id').pluck('operation');
    expect(audit).toEqual(['createPartnership', 'updatePartnership', 'updatePartnership', 'createPartnership']);
  });

  it('refuses callers outside the network structure’s scope and anonymous callers, writing nothing', async () => {
    const fougeres = await stored(FOUGERES, FRANCE_TRAVAIL);
    const unml = await stored('Union nationale des Missions Locales', FRANCE_TRAVAIL);
    const guessedOrg = toGlobalId('Organization', '999999');
    const guessed = toGlobalId('Partnership', '999999');
    const cases: [string, Record<string, unknown>, string | undefined, string][] = [
      [CREATE, create(BRETAGNE, FRANCE_TRAVAIL), undefined, 'UNAUTHENTICATED'],
      [UPDATE, { id: fougeres.id, version: fougeres.version, theme: 'HEALTH' }, undefined, 'UNAUTHENTICATED'],
      [END, { id: fougeres.id, version: fougeres.version, endDate: '2026-06-30' }, undefined, 'UNAUTHENTICATED'],
      [CREATE, create(CAEN, FRANCE_TRAVAIL), tokens.bzh, 'FORBIDDEN'],
      [CREATE, create(BRETAGNE, FRANCE_TRAVAIL), tokens.normandie, 'FORBIDDEN'],
      [UPDATE, { id: fougeres.id, version: fougeres.version, theme: 'HEALTH' }, tokens.normandie, 'FORBIDDEN'],
      [END, { id: unml.id, version: unml.version, endDate: '2026-06-30' }, tokens.bzh, 'FORBIDDEN'],
      [CREATE, create(RENNES, FRANCE_TRAVAIL), tokens.fougeres, 'FORBIDDEN'],
      [CREATE, create(BRETAGNE, FRANCE_TRAVAIL), tokens.fougeres, 'FORBIDDEN'],
      [END, { id: unml.id, version: unml.version, endDate: '2026-06-30' }, tokens.fougeres, 'FORBIDDEN'],
      [CREATE, { ...create(BRETAGNE, FRANCE_TRAVAIL), networkOrganizationId: guessedOrg }, tokens.bzh, 'FORBIDDEN'],
      [CREATE, { ...create(BRETAGNE, FRANCE_TRAVAIL), networkOrganizationId: guessedOrg }, tokens.national, 'NOT_FOUND'],
      [CREATE, { ...create(BRETAGNE, FRANCE_TRAVAIL), partnerId: guessedOrg }, tokens.bzh, 'NOT_FOUND'],
      [CREATE, create(BRETAGNE, FRANCE_TRAVAIL, { conventionIds: [toGlobalId('Convention', '999999')] }), tokens.bzh, 'NOT_FOUND'],
      [UPDATE, { id: guessed, version: 1, theme: 'HEALTH' }, tokens.national, 'NOT_FOUND'],
      [END, { id: guessed, version: 1, endDate: '2026-06-30' }, tokens.bzh, 'NOT_FOUND'],
      [END, { id: guessed, version: 1, endDate: '2026-06-30' }, undefined, 'UNAUTHENTICATED'],
    ];
    for (const [mutation, input, token, code] of cases) {
      const before = await snapshot();
      const res = await r.query(mutation, { input }, token);
      expect([input, errorCode(res)]).toEqual([input, code]);
      expect(await snapshot()).toEqual(before);
    }
  });

  it('rejects malformed input at the edge with BAD_USER_INPUT, writing nothing', async () => {
    const p = await stored(FOUGERES, FRANCE_TRAVAIL);
    const cases: [string, Record<string, unknown>][] = [
      [CREATE, { ...create(BRETAGNE, FRANCE_TRAVAIL), networkOrganizationId: '' }],
      [CREATE, { ...create(BRETAGNE, FRANCE_TRAVAIL), partnerId: 'x'.repeat(10_000) }],
      [CREATE, create(BRETAGNE, FRANCE_TRAVAIL, { theme: 'SPACE' })],
      [CREATE, create(BRETAGNE, FRANCE_TRAVAIL, { scope: 'GLOBAL' })],
      [CREATE, create(BRETAGNE, FRANCE_TRAVAIL, { startDate: '2026-02-30' })],
      [CREATE, create(BRETAGNE, FRANCE_TRAVAIL, { endDate: 'demain' })],
      [CREATE, create(BRETAGNE, FRANCE_TRAVAIL, { description: '' })],
      [CREATE, create(BRETAGNE, FRANCE_TRAVAIL, { description: '   ' })],
      [CREATE, create(BRETAGNE, FRANCE_TRAVAIL, { description: 'x'.repeat(10_000) })],
      [CREATE, create(BRETAGNE, FRANCE_TRAVAIL, { conventionIds: [declination(), declination()] })],
      [CREATE, create(BRETAGNE, FRANCE_TRAVAIL, { conventionIds: [id[BRETAGNE]] })],
      [CREATE, create(BRETAGNE, FRANCE_TRAVAIL, { conventionIds: Array.from({ length: 51 }, (_, i) => toGlobalId('Convention', String(i + 1))) })],
      [UPDATE, { id: p.id, version: 0, theme: 'HEALTH' }],
      [UPDATE, { id: p.id, version: '1', theme: 'HEALTH' }],
      [UPDATE, { id: id[FOUGERES], version: p.version, theme: 'HEALTH' }],
      [UPDATE, { id: p.id, version: p.version, theme: 'health' }],
      [END, { id: p.id, version: p.version, endDate: '2026-06-31' }],
    ];
    for (const [mutation, input] of cases) {
      const before = await snapshot();
      const res = await r.query(mutation, { input }, tokens.national);
      expect([input, errorCode(res)]).toEqual([input, 'BAD_USER_INPUT']);
      expect(await snapshot()).toEqual(before);
    }
  });

  it('answers each partnership rule with a typed user error, writing nothing', async () => {
    const before = await snapshot();
    const refused = async (input: Record<string, unknown>) => (await r.query(CREATE, { input }, tokens.national)).data.createPartnership.userErrors
      .map((e: any) => [e.code, e.field.join('.')]);
    expect(await refused(create('DREETS Bretagne', FRANCE_TRAVAIL))).toEqual([['WRONG_ORGANIZATION_KIND', 'input.networkOrganizationId']]);
    expect(await refused(create(BRETAGNE, RENNES))).toEqual([['WRONG_ORGANIZATION_KIND', 'input.partnerId']]);
    expect(await refused(create(BRETAGNE, FRANCE_TRAVAIL, { endDate: '2024-03-01' }))).toEqual([['END_BEFORE_START', 'input.endDate']]);
    expect(await refused(create(BRETAGNE, FRANCE_TRAVAIL, { endDate: '2023-12-31' }))).toEqual([['END_BEFORE_START', 'input.endDate']]);
    expect(await refused(create(FOUGERES, FRANCE_TRAVAIL, { conventionIds: [nationalFt(), declination()] })))
      .toEqual([['CONVENTION_NOT_OF_PARTY', 'input.conventionIds.0'], ['CONVENTION_NOT_OF_PARTY', 'input.conventionIds.1']]);
    expect(await refused(create(BRETAGNE, DIRECCTE, { startDate: '2022-01-01' }))).toEqual([['ORGANIZATION_DISSOLVED', 'input.partnerId']]);

    const p = await stored(FOUGERES, FRANCE_TRAVAIL);
    const update = await r.query(UPDATE, { input: { id: p.id, version: p.version, endDate: '2019-12-31', conventionIds: [cpo2023()] } }, tokens.national);
    expect(codes(update, 'updatePartnership')).toEqual(['END_BEFORE_START', 'CONVENTION_NOT_OF_PARTY']);
    const end = await r.query(END, { input: { id: p.id, version: p.version, endDate: '2020-01-01' } }, tokens.national);
    expect(codes(end, 'endPartnership')).toEqual(['END_BEFORE_START']);
    expect(await snapshot()).toEqual(before);
  });

  it('lets one of two concurrent edits of the same version win, and tells the other', async () => {
    const created = await r.query(CREATE, { input: create(NORMANDIE, FRANCE_TRAVAIL) }, tokens.normandie);
    const pid = created.data.createPartnership.partnership.id;
    const [a, b] = await Promise.all(['HEALTH', 'HOUSING'].map((theme) => r.query(UPDATE, { input: { id: pid, version: 1, theme } }, tokens.normandie)));
    expect([a, b].map((x) => x.data.updatePartnership.userErrors[0]?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    expect(Number((await knex()('partnership').where('id', Number(Buffer.from(pid, 'base64url').toString().split(':')[1])).first()).version)).toBe(2);
  });
});
