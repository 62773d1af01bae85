import type { EntityManager } from '@mikro-orm/knex';
import type { SeedGovernance } from '../../seeds/governance.types';
import { AccessRole } from '../../src/modules/access/caller';
import { databaseKinds } from '../support/databases';
import { startRegistry, TestRegistry } from '../support/registry';
import { twoRegionNetwork } from '../support/two-region-network';

const fixture = { status: 'ILLUSTRATIVE' as const, source: 'test fixture' };

/** Rennes' board with its president, who also sits in the ARML's general assembly on Rennes' behalf. */
function governance(): SeedGovernance {
  const terms = [{ startDate: '2026-01-01' }];
  return {
    colleges: [{ organizationKey: 'ml-35-rennes', colleges: [1, 2, 3, 4].map((number) => ({ number, name: `Collège ${number}` })) }],
    bodies: [
      { key: 'rennes/board', organizationKey: 'ml-35-rennes', kind: 'BOARD', name: 'CA Rennes', terms, provenance: fixture,
        posts: [{ key: 'president', kind: 'PRESIDENT', label: 'Président', seats: 1, collegeNumber: 1 }] },
      { key: 'arml/ag', organizationKey: 'arml-53', kind: 'GENERAL_ASSEMBLY', name: 'AG ARML Bretagne', terms, provenance: fixture,
        posts: [{ key: 'members', kind: 'MEMBER', label: 'Membres', seats: 20 }] },
    ],
    persons: [{ key: 'anne', givenName: 'Anne', familyName: 'Maire', provenance: fixture, publicRoles: [{ kind: 'MAYOR', label: 'Maire de Rennes' }] }],
    mandates: [
      { bodyKey: 'rennes/board', postKey: 'president', termStartDate: '2026-01-01', personKey: 'anne', collegeNumber: 1, role: 'TITULAIRE', startDate: '2026-01-01', provenance: fixture },
      { bodyKey: 'arml/ag', postKey: 'members', termStartDate: '2026-01-01', personKey: 'anne', onBehalfOfKey: 'ml-35-rennes', role: 'TITULAIRE', startDate: '2026-01-01', provenance: fixture },
    ],
  };
}

const MERGE = `mutation($input: MergeMissionsLocalesInput!) { mergeMissionsLocales(input: $input) {
  changeEvent { kind date origins { name } results { name } } userErrors { field code message }
} }`;

describe.each(databaseKinds())('merging two Missions Locales end to end on %s', (kind) => {
  let r: TestRegistry;
  const id: Record<string, string> = {};
  let national: string;

  beforeAll(async () => {
    r = await startRegistry(kind, { network: twoRegionNetwork(), governance: governance() });
    for (const o of (await r.query(`{ organizations(first: 100) { nodes { id name } } }`)).data.organizations.nodes) id[o.name] = o.id;
    national = (await r.mintToken(AccessRole.NATIONAL, null)).token;
  });
  afterAll(() => r?.stop());

  const rennes = () => id['Mission Locale du Bassin d’emploi de Rennes'];
  const fougeres = () => id['Mission Locale du Pays de Fougères'];
  const input = (extra: Record<string, unknown> = {}) => ({ absorbedId: rennes(), absorbedVersion: 1, intoId: fougeres(), intoVersion: 1, date: '2026-09-01', ...extra });

  it('refuses an ARML token outside one of the two, stale versions and a merge with itself, writing nothing', async () => {
    const knex = (r.orm.em as EntityManager).getKnex();
    const normandie = Number((await knex('organization').where({ name: 'Association régionale des Missions Locales de Normandie' }).first()).id);
    const other = (await r.mintToken(AccessRole.ARML, normandie)).token;
    expect((await r.query(MERGE, { input: input() }, other)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await r.query(MERGE, { input: input({ intoVersion: 7 }) }, national)).data.mergeMissionsLocales.userErrors.map((e: any) => e.code)).toEqual(['CONFLICT']);
    expect((await r.query(MERGE, { input: input({ intoId: rennes() }) }, national)).data.mergeMissionsLocales.userErrors[0].code).toBe('SAME_ORGANIZATION');
    expect(Number((await knex('change_event').count({ n: '*' }))[0].n)).toBe(0);
  });

  it('moves communes, sites and representation, dissolves the absorbed one, and keeps the history', async () => {
    const res = await r.query(MERGE, { input: input({ description: 'Fusion votée par les deux AG' }) }, national);
    expect(res.data.mergeMissionsLocales.userErrors).toEqual([]);
    expect(res.data.mergeMissionsLocales.changeEvent).toEqual({
      kind: 'MERGER', date: '2026-09-01',
      origins: [{ name: 'Mission Locale du Bassin d’emploi de Rennes' }, { name: 'Mission Locale du Pays de Fougères' }],
      results: [{ name: 'Mission Locale du Pays de Fougères' }],
    });
    const after = await r.query(`query($f: ID!, $r: ID!) {
      f: organization(id: $f) { communes { nodes { code } } sites { nodes { kind name } } representedBy { nodes { body { name } person { familyName } } } }
      fBefore: organization(id: $f) { communes(asOf: "2026-08-31") { totalCount } }
      r: organization(id: $r) { dissolvedOn parent { name } president { familyName } wasPresident: president(asOf: "2026-08-31") { familyName } changeEvents { kind } communes(asOf: "2026-08-31") { nodes { code } } }
      rennesCommune: commune(code: "35238") { missionsLocales { name } before: missionsLocales(asOf: "2026-08-31") { name } }
    }`, { f: fougeres(), r: rennes() });
    expect(after.errors).toBeUndefined();
    const { f, fBefore, r: gone, rennesCommune } = after.data;
    expect(f.communes.nodes.map((c: any) => c.code).sort()).toEqual(['35115', '35168', '35238']);
    expect(fBefore.communes.totalCount).toBe(2);
    expect(f.sites.nodes.filter((s: any) => s.kind === 'HEAD_OFFICE')).toHaveLength(1);
    expect(f.sites.nodes).toHaveLength(3);
    expect(f.representedBy.nodes).toEqual([{ body: { name: 'AG ARML Bretagne' }, person: { familyName: 'Maire' } }]);
    expect(gone).toMatchObject({ dissolvedOn: '2026-09-01', parent: null, president: null, wasPresident: { familyName: 'Maire' }, changeEvents: [{ kind: 'MERGER' }] });
    expect(gone.communes.nodes).toEqual([{ code: '35238' }]);
    expect(rennesCommune.missionsLocales).toEqual([{ name: 'Mission Locale du Pays de Fougères' }]);
    expect(rennesCommune.before).toEqual([{ name: 'Mission Locale du Bassin d’emploi de Rennes' }]);
    const audit = await (r.orm.em as EntityManager).getKnex()('audit_event').where({ operation: 'mergeMissionsLocales' });
    expect(JSON.parse(audit[0].after_json)).toMatchObject({ communesAdded: 1, sitesMoved: 2, mandatesMoved: 1, mandatesEnded: 1 });
    const again = await r.query(MERGE, { input: input({ absorbedVersion: 2, intoVersion: 2 }) }, national);
    expect(again.data.mergeMissionsLocales.userErrors.map((e: any) => e.code)).toEqual(['ORGANIZATION_DISSOLVED']);
  });
});
