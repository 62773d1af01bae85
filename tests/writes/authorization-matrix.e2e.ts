import type { EntityManager } from '@mikro-orm/knex';
import { AccessRole } from '../../src/modules/access/caller';
import { databaseKinds } from '../support/databases';
import { startRegistry, TestRegistry } from '../support/registry';
import { FOUGERES, RENNES } from '../support/tiny-network';
import { CAEN, twoRegionNetwork } from '../support/two-region-network';

/**
 * The role × target matrix, one representative mutation per family: four callers (national
 * secretariat, ARML Bretagne, Mission Locale de Fougères, anonymous) against four targets (the
 * caller's own Mission Locale, another one of the same region, one of another region, a guessed id).
 * An allowed call changes the registry; a refused one gets FORBIDDEN, UNAUTHENTICATED or NOT_FOUND
 * and leaves every table exactly as it was.
 */

const GUESSED = Buffer.from('Organization:99999', 'utf8').toString('base64url');

type Caller = 'national' | 'arml' | 'ml' | 'anonymous';
type Target = 'own' | 'sameRegion' | 'otherRegion' | 'guessed';
const CALLERS: Caller[] = ['anonymous', 'ml', 'arml', 'national'];
const TARGETS: Target[] = ['own', 'sameRegion', 'otherRegion', 'guessed'];

/** Who may write what, as the README states it: the scope is the target's organization. */
const STANDARD: Record<Caller, Target[]> = { national: ['own', 'sameRegion', 'otherRegion'], arml: ['own', 'sameRegion'], ml: ['own'], anonymous: [] };

interface Family {
  name: string;
  /** Callers and targets allowed; every other cell is refused. */
  allowed: Record<Caller, Target[]>;
  /** The mutation for one cell: its document, variables and the payload field. */
  call(target: string, n: number): Promise<{ query: string; input: Record<string, unknown>; field: string }>;
  /** Domain answers an allowed caller may get when an earlier cell already did the change. */
  repeats?: string[];
}

describe.each(databaseKinds())('the role × target matrix of every mutation family on %s', (kind) => {
  let r: TestRegistry;
  const id: Record<string, string> = {};
  const tokens: Partial<Record<Caller, string>> = {};
  const postOf: Record<string, string> = {};
  let person = '';
  const knex = () => (r.orm.em as EntityManager).getKnex();

  /** Everything a write may touch. */
  const TABLES = ['organization', 'organization_name', 'organization_link', 'site', 'college', 'governing_body', 'post', 'body_term', 'mandate',
    'partnership', 'partnership_convention', 'change_event', 'change_event_participant', 'convention', 'convention_party',
    'convention_status_change', 'audit_event', 'idempotency_key'];
  const snapshot = async () => {
    const out: Record<string, unknown> = {};
    for (const t of TABLES) out[t] = Number((await knex()(t).count({ n: '*' }))[0].n);
    out.organizations = await knex()('organization').select('id', 'name', 'website', 'version', 'dissolved_on').orderBy('id');
    out.links = await knex()('organization_link').select('id', 'end_date').orderBy('id');
    return out;
  };

  beforeAll(async () => {
    r = await startRegistry(kind, { network: twoRegionNetwork() });
    const res = await r.query(`{ organizations(filter: { includeDissolved: true }, first: 100) { nodes { id name } } }`);
    for (const o of res.data.organizations.nodes) id[o.name] = o.id;
    const num = Object.fromEntries((await knex()('organization').select('id', 'name')).map((o: any) => [o.name, Number(o.id)]));
    tokens.national = (await r.mintToken(AccessRole.NATIONAL, null)).token;
    tokens.arml = (await r.mintToken(AccessRole.ARML, num['Association régionale des Missions Locales de Bretagne'])).token;
    tokens.ml = (await r.mintToken(AccessRole.MISSION_LOCALE, num[FOUGERES])).token;
    // A board with a term and a 50-seat post in each target Mission Locale, and a person, for the mandates family.
    const ok = async (mutation: string, type: string, input: Record<string, unknown>, pick: string) => {
      const res = await r.query(`mutation($input: ${type}!) { ${mutation}(input: $input) { ${pick} { id } userErrors { code } } }`, { input }, tokens.national);
      expect(res.data[mutation].userErrors).toEqual([]);
      return res.data[mutation][pick].id as string;
    };
    for (const name of [FOUGERES, RENNES, CAEN]) {
      const body = await ok('createGoverningBody', 'CreateGoverningBodyInput', { organizationId: id[name], kind: 'BOARD', name: `CA – ${name}` }, 'body');
      await ok('openBodyTerm', 'OpenBodyTermInput', { bodyId: body, startDate: '2026-01-01' }, 'term');
      postOf[id[name]] = await ok('createPost', 'CreatePostInput', { bodyId: body, kind: 'BOARD_MEMBER', label: 'Administrateur', seats: 50 }, 'post');
    }
    person = await ok('createPerson', 'CreatePersonInput', { givenName: 'Camille', familyName: 'Administratrice' }, 'person');
  });
  afterAll(() => r?.stop());

  const targetId = (t: Target) => ({ own: id[FOUGERES], sameRegion: id[RENNES], otherRegion: id[CAEN], guessed: GUESSED })[t];
  const versionOf = async (orgId: string) =>
    (await r.query(`query($id: ID!) { organization(id: $id) { version } }`, { id: orgId })).data.organization?.version ?? 1;
  const communeOf = (orgId: string) => (orgId === id[CAEN] ? '14118' : '35115');

  const families: Family[] = [
    {
      name: 'organizations (updateOrganization)', allowed: STANDARD,
      call: async (target, n) => ({
        query: `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { id } userErrors { code } } }`,
        input: { id: target, version: await versionOf(target), website: `https://example.org/${n}` }, field: 'updateOrganization',
      }),
    },
    {
      name: 'sites (createSite)', allowed: STANDARD,
      call: async (target, n) => ({
        query: `mutation($input: CreateSiteInput!) { createSite(input: $input) { site { id } userErrors { code } } }`,
        input: { organizationId: target, kind: 'ANTENNA', name: `Antenne ${n}`, communeCode: communeOf(target) }, field: 'createSite',
      }),
    },
    {
      name: 'governance structure (createCollege)', allowed: STANDARD,
      call: async (target, n) => ({
        query: `mutation($input: CreateCollegeInput!) { createCollege(input: $input) { college { id } userErrors { code } } }`,
        input: { organizationId: target, number: 5 + (n % 16), name: `Collège ${n}` }, field: 'createCollege',
      }),
    },
    {
      name: 'partnerships (createPartnership)', allowed: STANDARD,
      call: async (target) => ({
        query: `mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { partnership { id } userErrors { code } } }`,
        input: { networkOrganizationId: target, partnerId: id['France Travail'], theme: 'EMPLOYMENT', scope: 'LOCAL', startDate: '2026-01-01' },
        field: 'createPartnership',
      }),
    },
    {
      name: 'change events (recordChangeEvent, a renaming)', allowed: STANDARD, repeats: ['NAME_UNCHANGED'],
      call: async (target, n) => ({
        query: `mutation($input: RecordChangeEventInput!) { recordChangeEvent(input: $input) { changeEvent { id } userErrors { code } } }`,
        input: { kind: 'RENAMING', date: `2026-0${1 + (n % 9)}-01`, description: 'Changement de nom', originIds: [target], resultIds: [target], newName: `Mission Locale ${n}` },
        field: 'recordChangeEvent',
      }),
    },
    {
      // Rights on both ends: the member and its ARML; a Mission Locale token has no rights on its ARML.
      name: 'memberships (endMembership of the target’s link to its ARML)',
      allowed: { national: ['own', 'sameRegion', 'otherRegion'], arml: ['own', 'sameRegion'], ml: [], anonymous: [] }, repeats: ['ALREADY_ENDED'],
      call: async (target) => {
        const res = await r.query(`query($id: ID!) { organization(id: $id) { memberships(history: true) { id } } }`, { id: target });
        const link = res.data.organization?.memberships[0]?.id ?? Buffer.from('OrganizationLink:99999', 'utf8').toString('base64url');
        return {
          query: `mutation($input: EndMembershipInput!) { endMembership(input: $input) { membership { id } userErrors { code } } }`,
          input: { id: link, endDate: '2027-01-01' }, field: 'endMembership',
        };
      },
    },
    {
      name: 'mandates (openMandate on the target’s board)', allowed: STANDARD,
      call: async (target) => ({
        query: `mutation($input: OpenMandateInput!) { openMandate(input: $input) { mandate { id } userErrors { code } } }`,
        input: { postId: postOf[target] ?? Buffer.from('Post:99999', 'utf8').toString('base64url'), personId: person, startDate: '2026-02-01' },
        field: 'openMandate',
      }),
    },
    {
      // An ARML changes only the conventions it is a party to; a Mission Locale token none.
      name: 'conventions (createConvention with the target as beneficiary)',
      allowed: { national: ['own', 'sameRegion', 'otherRegion'], arml: [], ml: [], anonymous: [] },
      call: async (target, n) => ({
        query: `mutation($input: CreateConventionInput!) { createConvention(input: $input) { convention { id } userErrors { code } } }`,
        input: {
          kind: 'OTHER', title: `Convention ${n}`, startDate: '2026-01-01', endDate: '2026-12-31', draftedOn: '2025-11-01',
          parties: [{ organizationId: target, role: 'BENEFICIARY' }, { organizationId: id['DREETS Bretagne'], role: 'FINANCER' }],
        },
        field: 'createConvention',
      }),
    },
  ];

  it.each(families.map((f) => [f.name, f] as const))('%s', async (_name, family) => {
    let n = 0;
    const cells: string[] = [];
    for (const target of TARGETS) {
      for (const caller of CALLERS) {
        n++;
        const { query, input, field } = await family.call(targetId(target), n);
        const before = await snapshot();
        const res = await r.query(query, { input }, tokens[caller]);
        const cell = `${caller} → ${target}`;
        if (family.allowed[caller].includes(target)) {
          expect({ cell, errors: res.errors }).toEqual({ cell, errors: undefined });
          const codes = res.data[field].userErrors.map((e: any) => e.code);
          expect({ cell, codes: codes.filter((c: string) => !(family.repeats ?? []).includes(c)) }).toEqual({ cell, codes: [] });
          if (codes.length === 0) expect({ cell, changed: JSON.stringify(await snapshot()) !== JSON.stringify(before) }).toEqual({ cell, changed: true });
          cells.push(`${cell}: allowed`);
        } else {
          const expected = caller === 'anonymous' ? ['UNAUTHENTICATED']
            : target !== 'guessed' ? ['FORBIDDEN'] : caller === 'national' ? ['NOT_FOUND'] : ['FORBIDDEN', 'NOT_FOUND'];
          const code = res.errors?.[0]?.extensions?.code;
          expect({ cell, refused: expected.includes(code) }).toEqual({ cell, refused: true });
          expect(res.data?.[field] ?? null).toBeNull();
          expect({ cell, after: await snapshot() }).toEqual({ cell, after: before });
          cells.push(`${cell}: ${code}`);
        }
      }
    }
    expect(cells).toHaveLength(CALLERS.length * TARGETS.length);
  });
});
