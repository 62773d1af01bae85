import { databaseKinds } from '../support/databases';
import { bundle } from '../support/bundled';
import { startRegistry, TestRegistry } from '../support/registry';

describe.each(databaseKinds())('a young person’s commune, looked up on %s', (kind) => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry(kind, bundle());
  });
  afterAll(() => registry?.stop());

  it('finds the Mission Locale serving a commune by INSEE code, and climbs to ARML and UNML', async () => {
    const res = await registry.query(`{
      commune(code: "35115") {
        name postalCodes departement { name } region { name }
        missionsLocales { name parent { name parent { name shortName } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const c = res.data.commune;
    expect(c).toMatchObject({ name: 'Fougères', postalCodes: ['35300'], departement: { name: 'Ille-et-Vilaine' }, region: { name: 'Bretagne' } });
    expect(c.missionsLocales).toHaveLength(1);
    expect(c.missionsLocales[0].name).toMatch(/Fougères/);
    expect(c.missionsLocales[0].parent.name).toMatch(/Bretagne/);
    expect(c.missionsLocales[0].parent.parent.shortName).toBe('UNML');
  });

  it('goes back down the chain: UNML → ARML Bretagne → its Missions Locales → their communes', async () => {
    const res = await registry.query(`{
      unml { members { nodes { name regions { code } members(first: 100) { nodes { name communes(first: 100) { nodes { code } } } } } } }
    }`);
    const bretagne = res.data.unml.members.nodes.find((a: any) => a.regions.some((r: any) => r.code === '53'));
    const fougeres = bretagne.members.nodes.find((m: any) => /Fougères/.test(m.name));
    expect(fougeres.communes.nodes.map((c: any) => c.code)).toContain('35115');
  });

  it('lists every commune and Mission Locale behind a postal code shared by several communes', async () => {
    // 35300 is Fougères' code; pick a postal code of the bundled geography shared by several communes.
    const shared = await registry.query(`{ communes(filter: { postalCode: "44150" }) { totalCount nodes { code name missionsLocales { name } } } }`);
    expect(shared.errors).toBeUndefined();
    const communes = shared.data.communes;
    expect(communes.totalCount).toBeGreaterThan(1);
    expect(communes.nodes).toHaveLength(communes.totalCount);
    for (const c of communes.nodes) expect(c.missionsLocales.length).toBe(1);
  });

  it('answers for Paris through its arrondissements', async () => {
    const res = await registry.query(`{
      paris: commune(code: "75056") { name kind missionsLocales { name } }
      p19: commune(code: "75119") { name kind parent { code } missionsLocales { name } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.p19.kind).toBe('MUNICIPAL_ARRONDISSEMENT');
    expect(res.data.p19.parent.code).toBe('75056');
    expect(res.data.p19.missionsLocales).toHaveLength(1);
    expect(res.data.paris.missionsLocales.map((m: any) => m.name)).toContain(res.data.p19.missionsLocales[0].name);
  });

  it('refuses a malformed postal code or INSEE code with a clear error', async () => {
    const res = await registry.query(`{ communes(filter: { postalCode: "3530" }) { totalCount } }`);
    expect(res.data).toBeNull();
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('postalCode must be 5 digits');
    const bad = await registry.query(`{ commune(code: "35 115") { name } }`);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const unknown = await registry.query(`{ commune(code: "99999") { name } }`);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.commune).toBeNull();
  });
});
