import { databaseKinds } from '../support/databases';
import { bundle, bundledNetwork } from '../support/bundled';
import { startRegistry, TestRegistry } from '../support/registry';
import { checkCoverage } from '../../src/modules/territory/coverage-check';

/** The query a network-map frontend sends: UNML → every ARML → every Mission Locale, with coverage and sites. */
export const NETWORK_MAP = /* GraphQL */ `
  query NetworkMap {
    unml {
      id name
      members(first: 100) {
        totalCount
        nodes {
          id name shortName
          regions { code name }
          members(first: 100) {
            totalCount
            nodes {
              id name
              region { code name }
              departement { code name }
              communes { totalCount }
              sites { totalCount }
            }
          }
        }
      }
    }
  }`;

describe.each(databaseKinds())('network-map frontend on %s', (kind) => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry(kind, bundle());
  });
  afterAll(() => registry?.stop());

  it('loads UNML, the 15 ARML and the 437 Missions Locales with their regions in one request', async () => {
    const res = await registry.query(NETWORK_MAP);
    expect(res.errors).toBeUndefined();
    const armls = res.data.unml.members.nodes;
    expect(res.data.unml.name).toBe('Union nationale des Missions Locales');
    expect(res.data.unml.members.totalCount).toBe(15);
    expect(armls).toHaveLength(15);
    const mls = armls.flatMap((a: any) => a.members.nodes);
    expect(mls).toHaveLength(437);
    expect(armls.reduce((n: number, a: any) => n + a.members.totalCount, 0)).toBe(437);
    for (const arml of armls) {
      const regionCodes = arml.regions.map((r: any) => r.code);
      expect(regionCodes.length).toBeGreaterThan(0);
      for (const ml of arml.members.nodes) {
        // Each Mission Locale lies in one of its ARML's regions and covers at least one commune from a head office.
        expect(regionCodes).toContain(ml.region.code);
        expect(ml.communes.totalCount).toBeGreaterThan(0);
        expect(ml.sites.totalCount).toBeGreaterThan(0);
      }
    }
    const oceanIndien = armls.find((a: any) => a.regions.some((r: any) => r.code === '06'));
    expect(oceanIndien.regions.map((r: any) => r.name).sort()).toEqual(['La Réunion', 'Mayotte']);
  });

  it('covers every commune of the network exactly once in the bundled data', async () => {
    const res = await registry.query(`{ unml { members(first: 100) { nodes { members(first: 100) { nodes { communes { totalCount } } } } } } }`);
    const covered = res.data.unml.members.nodes.flatMap((a: any) => a.members.nodes).reduce((n: number, ml: any) => n + ml.communes.totalCount, 0);
    const report = await checkCoverage((registry.orm.em as any).getKnex(), new Date().toISOString().slice(0, 10));
    expect(report.uncovered).toEqual([]);
    expect(report.coveredSeveralTimes).toEqual([]);
    expect(report.coveredOnce).toBe(report.coverableCommunes);
    expect(covered).toBe(report.coverableCommunes);
  });

  it('gives national and per-region figures that add up', async () => {
    const res = await registry.query(`{
      networkFigures { total { missionsLocales sites communesCovered populationCovered }
        regions { region { code name } figures { missionsLocales sites communesCovered populationCovered } } }
      unml { figures { missionsLocales sites } }
      bretagne: region(code: "53") { name arml { name } figures { missionsLocales } missionsLocales { totalCount } }
    }`);
    expect(res.errors).toBeUndefined();
    const { total, regions } = res.data.networkFigures;
    expect(total.missionsLocales).toBe(437);
    const network = bundledNetwork();
    const expectedSites = network.organizations.filter((o) => o.kind === 'MISSION_LOCALE' && !o.dissolvedOn).reduce((n, o) => n + (o.sites?.length ?? 0), 0);
    expect(total.sites).toBe(expectedSites);
    for (const key of ['missionsLocales', 'sites', 'communesCovered', 'populationCovered']) {
      expect(regions.reduce((n: number, r: any) => n + r.figures[key], 0)).toBe(total[key]);
    }
    expect(res.data.unml.figures).toEqual({ missionsLocales: total.missionsLocales, sites: total.sites });
    expect(total.populationCovered).toBeGreaterThan(60_000_000);
    expect(res.data.bretagne.figures.missionsLocales).toBe(res.data.bretagne.missionsLocales.totalCount);
    expect(res.data.bretagne.arml.name).toMatch(/Bretagne/);
  });
});
