import type { EntityManager } from '@mikro-orm/knex';
import { AccessRole } from '../../src/modules/access/caller';
import { databaseKinds } from '../support/databases';
import { startRegistry, TestRegistry } from '../support/registry';
import { twoRegionNetwork } from '../support/two-region-network';

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) {
  organization { id kind name foundedOn version region { code } parent { name } regions { code } identifiers { scheme value } provenance { status } }
  userErrors { field code message }
} }`;

describe.each(databaseKinds())('creating structures on %s', (kind) => {
  let r: TestRegistry;
  const tokens: Record<string, string> = {};
  const knex = () => (r.orm.em as EntityManager).getKnex();
  const snapshot = async () => {
    const out: Record<string, number> = {};
    for (const t of ['organization', 'organization_identifier', 'organization_link', 'organization_region', 'audit_event', 'idempotency_key']) {
      out[t] = Number((await knex()(t).count({ n: '*' }))[0].n);
    }
    return out;
  };
  const missionLocale = (extra: Record<string, unknown> = {}) => ({
    kind: 'MISSION_LOCALE', name: 'Mission Locale de Vitré Communauté', legalForm: 'ASSOCIATION_1901', foundedOn: '2026-09-01', departementCode: '35', ...extra,
  });

  beforeAll(async () => {
    r = await startRegistry(kind, { network: twoRegionNetwork() });
    const num = Object.fromEntries((await knex()('organization').select('id', 'name')).map((o: any) => [o.name, Number(o.id)]));
    tokens.national = (await r.mintToken(AccessRole.NATIONAL, null)).token;
    tokens.arml = (await r.mintToken(AccessRole.ARML, num['Association régionale des Missions Locales de Bretagne'])).token;
    tokens.ml = (await r.mintToken(AccessRole.MISSION_LOCALE, num['Mission Locale du Pays de Fougères'])).token;
  });
  afterAll(() => r?.stop());

  it("lets an ARML create a Mission Locale of its region, which joins it from its founding day; a replay returns it", async () => {
    const input = missionLocale({ identifiers: [{ scheme: 'SIREN', value: '326 093 663' }], idempotencyKey: 'vitre' });
    const res = await r.query(CREATE, { input }, tokens.arml);
    expect(res.errors).toBeUndefined();
    expect(res.data.createOrganization).toEqual({
      organization: {
        id: expect.any(String), kind: 'MISSION_LOCALE', name: 'Mission Locale de Vitré Communauté', foundedOn: '2026-09-01', version: 1,
        region: { code: '53' }, parent: { name: 'Association régionale des Missions Locales de Bretagne' }, regions: [], identifiers: [{ scheme: 'SIREN', value: '326093663' }], provenance: { status: 'OFFICIAL' },
      },
      userErrors: [],
    });
    const created = res.data.createOrganization.organization.id;
    const before = await r.query(`query($id: ID!) { organization(id: $id) { parent(asOf: "2026-08-31") { name } } }`, { id: created });
    expect(before.data.organization.parent).toBeNull();
    const after = await snapshot();
    const replay = await r.query(CREATE, { input }, tokens.arml);
    expect(replay.data.createOrganization.organization.id).toBe(created);
    expect(await snapshot()).toEqual(after);
    const audit = await knex()('audit_event').where('operation', 'createOrganization');
    expect(audit.map((a: any) => a.actor_role)).toEqual(['ARML']);
  });

  it('refuses callers outside their scope, and writes nothing', async () => {
    const before = await snapshot();
    const refusals: [Record<string, unknown>, string | undefined, string][] = [
      [missionLocale({ departementCode: '14', name: 'Mission Locale du Bessin' }), tokens.arml, 'FORBIDDEN'],
      [missionLocale(), tokens.ml, 'FORBIDDEN'],
      [missionLocale(), undefined, 'UNAUTHENTICATED'],
      [{ kind: 'PARTNER', partnerCategory: 'OTHER', name: 'Association Tremplin', legalForm: 'ASSOCIATION_1901', foundedOn: '2020-01-01' }, tokens.arml, 'FORBIDDEN'],
      [{ kind: 'ARML', name: 'ARML Centre-Val de Loire', legalForm: 'ASSOCIATION_1901', foundedOn: '2020-01-01', regionCodes: ['24'] }, tokens.ml, 'FORBIDDEN'],
    ];
    for (const [input, token, code] of refusals) {
      const res = await r.query(CREATE, { input }, token);
      expect({ input, code: res.errors?.[0]?.extensions?.code }).toEqual({ input, code });
      expect(res.data?.createOrganization ?? null).toBeNull();
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets the national secretariat create an ARML (member by right of UNML) and a partner organization', async () => {
    const arml = await r.query(CREATE, { input: { kind: 'ARML', name: 'Association régionale des Missions Locales Centre-Val de Loire', legalForm: 'ASSOCIATION_1901', foundedOn: '2016-01-01', regionCodes: ['24'] } }, tokens.national);
    expect(arml.data.createOrganization.userErrors).toEqual([]);
    expect(arml.data.createOrganization.organization).toMatchObject({ kind: 'ARML', regions: [{ code: '24' }], parent: { name: 'Union nationale des Missions Locales' } });
    const partner = await r.query(CREATE, { input: { kind: 'PARTNER', partnerCategory: 'OTHER', name: 'Association Tremplin', legalForm: 'ASSOCIATION_1901', foundedOn: '2020-01-01' } }, tokens.national);
    expect(partner.data.createOrganization.userErrors).toEqual([]);
    expect(partner.data.createOrganization.organization).toMatchObject({ kind: 'PARTNER', parent: null });
  });

  it('refuses inconsistent structures with stable codes, and malformed input before anything runs', async () => {
    const before = await snapshot();
    const domain: [Record<string, unknown>, string[]][] = [
      [missionLocale({ departementCode: '99' }), ['UNKNOWN_DEPARTEMENT']],
      [missionLocale({ identifiers: [{ scheme: 'SIRET', value: '12345678901234' }] }), ['INVALID_IDENTIFIER']],
      [missionLocale({ identifiers: [{ scheme: 'SIREN', value: '326093663' }] }), ['IDENTIFIER_TAKEN']],
      [missionLocale({ regionCodes: ['53'], partnerCategory: 'OTHER' }), ['PARTNER_CATEGORY_ONLY_FOR_PARTNERS', 'REGIONS_ONLY_FOR_ARML']],
      [{ kind: 'PARTNER', name: 'Association Sans Catégorie', legalForm: 'ASSOCIATION_1901', foundedOn: '2020-01-01' }, ['PARTNER_CATEGORY_REQUIRED']],
      [{ kind: 'ARML', name: 'ARML bis', legalForm: 'ASSOCIATION_1901', foundedOn: '2020-01-01', regionCodes: ['53', '99'] }, ['REGION_ALREADY_COVERED', 'UNKNOWN_REGION']],
      [{ kind: 'ARML', name: 'ARML sans région', legalForm: 'ASSOCIATION_1901', foundedOn: '2020-01-01' }, ['REGIONS_REQUIRED']],
    ];
    for (const [input, codes] of domain) {
      const res = await r.query(CREATE, { input }, tokens.national);
      expect(res.errors).toBeUndefined();
      expect({ input, codes: res.data.createOrganization.userErrors.map((e: any) => e.code) }).toEqual({ input, codes });
      expect(res.data.createOrganization.organization).toBeNull();
    }
    const malformed = [
      missionLocale({ name: '' }), missionLocale({ name: 'x'.repeat(10_000) }), missionLocale({ foundedOn: '2026-02-30' }),
      missionLocale({ kind: 'UNML' }), missionLocale({ kind: 'CONFEDERATION' }), missionLocale({ legalForm: 'SARL' }),
      missionLocale({ website: 'not a url' }), missionLocale({ departementCode: 'Ille-et-Vilaine' }),
    ];
    for (const input of malformed) {
      const res = await r.query(CREATE, { input }, tokens.national);
      expect({ input, code: res.errors?.[0]?.extensions?.code }).toEqual({ input, code: 'BAD_USER_INPUT' });
    }
    expect(await snapshot()).toEqual(before);
  });
});
