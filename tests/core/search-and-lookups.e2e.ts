import { databaseKinds } from '../support/databases';
import { bundle, bundledNetwork } from '../support/bundled';
import { startRegistry, TestRegistry } from '../support/registry';

describe.each(databaseKinds())('finding a structure on %s', (kind) => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry(kind, bundle());
  });
  afterAll(() => registry?.stop());

  const search = async (text: string, extra = '') => {
    const res = await registry.query(`query($f: OrganizationFilter) { organizations(filter: $f) { totalCount nodes { name kind } } }`, { f: { search: text, ...(extra ? JSON.parse(extra) : {}) } });
    expect(res.errors).toBeUndefined();
    return res.data.organizations;
  };

  it('ignores case and accents in names: "fougeres" finds Fougères, "saint etienne" finds Saint-Étienne', async () => {
    const f = await search('fougeres');
    expect(f.nodes.map((o: any) => o.name)).toEqual(expect.arrayContaining([expect.stringMatching(/Fougères/)]));
    const se = await search('saint etienne');
    expect(se.nodes.some((o: any) => /Saint-Étienne/.test(o.name))).toBe(true);
    expect((await search('FOUGÈRES')).totalCount).toBe(f.totalCount);
    const communes = await registry.query(`{ communes(filter: { search: "saint etienne", departementCode: "42" }) { nodes { code name } } }`);
    expect(communes.data.communes.nodes).toContainEqual({ code: '42218', name: 'Saint-Étienne' });
  });

  it('filters by kind, region and département', async () => {
    const res = await registry.query(`{
      armls: organizations(filter: { kinds: [ARML] }) { totalCount }
      bzh: organizations(filter: { kinds: [MISSION_LOCALE], regionCode: "53" }) { totalCount nodes { region { code } } }
      d35: organizations(filter: { kinds: [MISSION_LOCALE], departementCode: "35" }) { totalCount nodes { departement { code } } }
      armlOI: organizations(filter: { kinds: [ARML], regionCode: "06" }) { nodes { name } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.armls.totalCount).toBe(15);
    const expected = bundledNetwork().organizations.filter((o) => o.kind === 'MISSION_LOCALE' && !o.dissolvedOn && o.departementCode === '35').length;
    expect(res.data.d35.totalCount).toBe(expected);
    expect(res.data.d35.nodes.every((o: any) => o.departement.code === '35')).toBe(true);
    expect(res.data.bzh.nodes.every((o: any) => o.region.code === '53')).toBe(true);
    expect(res.data.armlOI.nodes).toHaveLength(1);
  });

  it('orders lists by name, by département or by founding date, ties broken so pages never overlap', async () => {
    const res = await registry.query(`{
      byName: organizations(filter: { kinds: [MISSION_LOCALE] }, first: 5) { nodes { name } }
      byDept: organizations(filter: { kinds: [MISSION_LOCALE] }, orderBy: { field: DEPARTEMENT, direction: DESC }, first: 3) { nodes { departement { code } } }
      byFounding: organizations(filter: { kinds: [ARML] }, orderBy: { field: FOUNDED_ON, direction: DESC }, first: 1) { nodes { name foundedOn } }
    }`);
    expect(res.errors).toBeUndefined();
    const names = res.data.byName.nodes.map((n: any) => n.name);
    const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    expect([...names].sort((a, b) => (fold(a) < fold(b) ? -1 : 1))).toEqual(names);
    expect(res.data.byDept.nodes.map((n: any) => n.departement.code)).toEqual(['978', '976', '974']);
    expect(res.data.byFounding.nodes).toEqual([{ name: expect.stringMatching(/Antilles-Guyane/), foundedOn: '2022-12-05' }]);
  });

  it('looks up a Mission Locale by SIRET and by SIREN, and refreshes it by global id', async () => {
    const real = bundledNetwork().organizations.find((o) => o.kind === 'MISSION_LOCALE' && o.identifiers?.some((i) => i.scheme === 'SIRET'))!;
    const siret = real.identifiers!.find((i) => i.scheme === 'SIRET')!.value;
    const res = await registry.query(`query($v: String!, $s: String!) {
      bySiret: organizationByIdentifier(scheme: SIRET, value: $v) { id name provenance { status source } identifiers { scheme value } }
      bySiren: organizationByIdentifier(scheme: SIREN, value: $s) { name }
    }`, { v: siret, s: siret.slice(0, 9) });
    expect(res.errors).toBeUndefined();
    expect(res.data.bySiret.name).toBe(real.name);
    expect(res.data.bySiret.provenance.status).toBe('OFFICIAL');
    expect(res.data.bySiret.identifiers).toContainEqual({ scheme: 'SIRET', value: siret });
    const again = await registry.query(`query($id: ID!) { node(id: $id) { id ... on Organization { name } } organization(id: $id) { name } }`, { id: res.data.bySiret.id });
    expect(again.data.node).toEqual({ id: res.data.bySiret.id, name: real.name });
    expect(again.data.organization.name).toBe(real.name);
  });

  it('rejects an identifier whose Luhn key is wrong, and answers null for an unknown valid one', async () => {
    const bad = await registry.query(`{ organizationByIdentifier(scheme: SIRET, value: "32970535400037") { name } }`);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/SIRET/);
    const unknown = await registry.query(`{ organizationByIdentifier(scheme: SIREN, value: "732829320") { name } }`);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.organizationByIdentifier).toBeNull();
  });

  it('fetches regions, départements and communes by INSEE code and by global id', async () => {
    const res = await registry.query(`{ region(code: "53") { id name departements { code } } departement(code: "2A") { id name region { code } } commune(code: "42218") { id name } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.region.departements.map((d: any) => d.code)).toEqual(['22', '29', '35', '56']);
    expect(res.data.departement.region.code).toBe('94');
    const ids = [res.data.region.id, res.data.departement.id, res.data.commune.id, 'bm90LWFuLWlk'];
    const nodes = await registry.query(`query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`, { ids });
    expect(nodes.data.nodes.map((n: any) => n?.__typename ?? null)).toEqual(['Region', 'Departement', 'Commune', null]);
  });
});
