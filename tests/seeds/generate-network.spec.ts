import { generateNetwork, missionLocaleCountsByRegion } from '../../seeds/generate-network';
import { isValidSiren, isValidSiret } from '../../seeds/luhn';
import type { SeedNetwork, SeedOrganization } from '../../seeds/network.types';

interface RawCommune {
  code: string;
  type: string;
  commune?: string;
  departement: string;
  region: string;
}

const rawCommunes: RawCommune[] = require('@etalab/decoupage-administratif/data/communes.json');

/** The coverage scope, rebuilt here independently of the generator. */
const IN_SCOPE_REGIONS = new Set(['11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94', '01', '02', '03', '04', '06', '978']);
const SPLIT_CITIES = new Set(['75056', '69123', '13055']);
const scope = new Map(
  rawCommunes
    .filter((c) => IN_SCOPE_REGIONS.has(c.region))
    .filter((c) =>
      c.type === 'commune-actuelle' ? !SPLIT_CITIES.has(c.code) : c.type === 'arrondissement-municipal' && SPLIT_CITIES.has(c.commune ?? ''),
    )
    .map((c) => [c.code, c]),
);

/** Missions Locales per INSEE region in 2022: the documented rule (2015 counts brought down to 437). */
const EXPECTED_COUNTS: Record<string, number> = {
  '11': 74, '24': 20, '27': 25, '28': 25, '32': 42, '44': 42, '52': 21, '53': 17, '75': 42, '76': 26, '84': 60, '93': 27, '94': 4,
  '01': 1, '02': 3, '03': 2, '04': 4, '06': 1, '978': 1,
};

const missionsLocales = (n: SeedNetwork) => n.organizations.filter((o) => o.kind === 'MISSION_LOCALE');
const currentArml = (n: SeedNetwork) => n.organizations.filter((o) => o.kind === 'ARML' && !o.dissolvedOn);
const byKey = (n: SeedNetwork) => new Map(n.organizations.map((o) => [o.key, o]));
const currentParent = (o: SeedOrganization) => o.memberships?.find((m) => !m.endDate)?.parentKey;

/** Coverage errors: communes covered twice, codes out of scope, in-scope communes left uncovered. */
function coverageProblems(n: SeedNetwork): { duplicates: string[]; outOfScope: string[]; missing: string[] } {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const ml of missionsLocales(n)) {
    for (const code of ml.communes ?? []) {
      if (seen.has(code)) duplicates.push(code);
      seen.add(code);
    }
  }
  return {
    duplicates,
    outOfScope: [...seen].filter((code) => !scope.has(code)),
    missing: [...scope.keys()].filter((code) => !seen.has(code)),
  };
}

function countsPerRegion(n: SeedNetwork): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const ml of missionsLocales(n)) {
    const region = scope.get(ml.sites![0].communeCode)!.region;
    counts[region] = (counts[region] ?? 0) + 1;
  }
  return counts;
}

describe('generateNetwork() at scale 1', () => {
  let network: SeedNetwork;
  beforeAll(() => {
    network = generateNetwork();
  });

  it('has one UNML, the 15 current ARML and 437 Missions Locales', () => {
    expect(network.organizations.filter((o) => o.kind === 'UNML').map((o) => o.key)).toEqual(['unml']);
    expect(currentArml(network).map((o) => o.key).sort()).toEqual(
      ['11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94'].map((c) => `arml-${c}`).concat(['arml-antilles-guyane', 'arml-ocean-indien']).sort(),
    );
    expect(missionsLocales(network)).toHaveLength(437);
  });

  it('distributes the Missions Locales per region by the documented rule', () => {
    expect(missionLocaleCountsByRegion(1)).toEqual(EXPECTED_COUNTS);
    expect(countsPerRegion(network)).toEqual(EXPECTED_COUNTS);
    expect(Object.values(EXPECTED_COUNTS).reduce((a, b) => a + b, 0)).toBe(437);
    const perArml = (key: string) => missionsLocales(network).filter((ml) => currentParent(ml) === key).length;
    expect(perArml('arml-ocean-indien')).toBe(5);
    expect(perArml('arml-antilles-guyane')).toBe(7);
  });

  it('covers every in-scope commune exactly once, with no other code', () => {
    expect(scope.size).toBe(34918);
    expect(coverageProblems(network)).toEqual({ duplicates: [], outOfScope: [], missing: [] });
  });

  it("keeps each Mission Locale's communes and sites in its département and its ARML's regions", () => {
    const orgs = byKey(network);
    for (const ml of missionsLocales(network)) {
      const arml = orgs.get(currentParent(ml)!)!;
      expect(arml.kind).toBe('ARML');
      const regions = new Set(arml.regions!.filter((r) => !r.endDate).map((r) => r.regionCode));
      for (const code of [...ml.communes!, ...ml.sites!.map((s) => s.communeCode)]) {
        expect(scope.get(code)?.departement).toBe(ml.departementCode);
        expect(regions.has(scope.get(code)!.region)).toBe(true);
      }
    }
  });

  it('gives each Mission Locale one head office, first, then up to three antennas, all in covered communes', () => {
    for (const ml of missionsLocales(network)) {
      const sites = ml.sites!;
      expect(sites[0].kind).toBe('HEAD_OFFICE');
      expect(sites.filter((s) => s.kind === 'HEAD_OFFICE')).toHaveLength(1);
      expect(sites.length).toBeLessThanOrEqual(4);
      for (const s of sites) expect(ml.communes).toContain(s.communeCode);
    }
  });

  it('uses unique keys and only references existing organizations', () => {
    const keys = network.organizations.map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
    const orgs = byKey(network);
    for (const o of network.organizations) for (const m of o.memberships ?? []) expect(orgs.has(m.parentKey)).toBe(true);
    for (const e of network.events) for (const key of [...e.fromKeys, ...e.toKeys]) expect(orgs.has(key)).toBe(true);
    for (const ml of missionsLocales(network)) expect(ml.key).toMatch(new RegExp(`^ml-${ml.departementCode!.toLowerCase()}-[a-z0-9-]+$`));
  });

  it('only carries SIREN and SIRET numbers that pass the Luhn check', () => {
    const identifiers = network.organizations.flatMap((o) => o.identifiers ?? []);
    const sirets = identifiers.filter((i) => i.scheme === 'SIRET').map((i) => i.value);
    expect(sirets.length).toBeGreaterThanOrEqual(40);
    for (const siret of sirets) expect(isValidSiret(siret)).toBe(true);
    for (const i of identifiers.filter((i) => i.scheme === 'SIREN')) expect(isValidSiren(i.value)).toBe(true);
    for (const o of network.organizations) {
      const siret = o.identifiers?.find((i) => i.scheme === 'SIRET')?.value;
      if (siret) expect(o.identifiers).toContainEqual({ scheme: 'SIREN', value: siret.slice(0, 9) });
      for (const s of o.sites ?? []) if (s.siret) expect(isValidSiret(s.siret)).toBe(true);
    }
  });

  it('is deterministic', () => {
    expect(generateNetwork()).toEqual(network);
  });

  it('marks generated Missions Locales as illustrative and real ones as official', () => {
    const mls = missionsLocales(network);
    const official = mls.filter((ml) => ml.provenance.status === 'OFFICIAL');
    expect(official.length).toBeGreaterThanOrEqual(100);
    for (const ml of mls.filter((m) => m.provenance.status === 'ILLUSTRATIVE')) expect(ml.provenance.source).toMatch(/INSEE geography/);
  });

  it('includes the real Missions Locales the sources name', () => {
    const mls = missionsLocales(network);
    const named = (fragment: string) => mls.filter((ml) => ml.name.includes(fragment));

    const fougeres = named('Fougères');
    expect(fougeres).toHaveLength(1);
    expect(fougeres[0].departementCode).toBe('35');
    expect(fougeres[0].communes).toContain('35115');

    const saintEtienne = mls.find((ml) => ml.name === 'Mission Locale de Saint-Étienne')!;
    expect(saintEtienne.departementCode).toBe('42');
    expect(saintEtienne.communes).toContain('42218');

    const granville = mls.find((ml) => ml.name === 'Mission Locale de Granville')!;
    expect(granville.identifiers).toContainEqual({ scheme: 'SIRET', value: '42006771200026' });
    expect(granville.sites![0]).toMatchObject({ kind: 'HEAD_OFFICE', communeCode: '50218', latitude: 48.8328644, longitude: -1.5688104 });

    const paris = mls.find((ml) => ml.key === 'ml-75-paris')!;
    expect(paris.communes).toHaveLength(20);
    expect(paris.identifiers).toContainEqual({ scheme: 'UNML_CODE', value: '75119' });

    const saintMartin = mls.find((ml) => ml.key === 'ml-978-saint-martin')!;
    expect(saintMartin.communes).toEqual(['97801']);
    expect(currentParent(saintMartin)).toBe('arml-antilles-guyane');

    const annex3 = [
      'Mission Locale du Genevois', 'Mission Locale Centre Bretagne', 'Mission Locale Rurale des Marches de Bourgogne',
      'Mission Locale de Bastia', 'Mission Locale Métropole Sud', 'Mission Locale Rurale du Grand Plateau Picard',
      'Mission Locale Intercommunale de Rambouillet', 'Mission Locale Sud de La Réunion', 'Mission Locale Havraise',
      "Mission Locale de l'Arrondissement de Tulle", 'Mission Locale Ouest Audois', 'Mission Locale Est-Var',
      "Mission Locale du Pays d'Ancenis",
    ];
    for (const name of annex3) expect(named(name).map((ml) => ml.provenance.status)).toEqual(['OFFICIAL']);
  });

  it('keeps the history of the ARML: 2016 mergers, the Antilles-Guyane creation, the Océan Indien renaming', () => {
    const orgs = byKey(network);
    const mergers = network.events.filter((e) => e.kind === 'MERGER');
    expect(mergers.map((e) => e.toKeys[0]).sort()).toEqual(['arml-27', 'arml-28', 'arml-32', 'arml-44', 'arml-75', 'arml-76', 'arml-84']);
    expect(mergers.find((e) => e.toKeys[0] === 'arml-84')!.fromKeys).toEqual(['arml-auvergne', 'arml-rhone-alpes']);
    for (const key of mergers.flatMap((e) => e.fromKeys)) {
      const former = orgs.get(key)!;
      expect(former.dissolvedOn).toBeDefined();
      expect(former.memberships).toEqual([expect.objectContaining({ parentKey: 'unml', kind: 'MEMBER_BY_RIGHT', endDate: former.dissolvedOn })]);
    }
    expect(network.events).toContainEqual(
      expect.objectContaining({ kind: 'CREATION', date: '2022-12-05', fromKeys: [], toKeys: ['arml-antilles-guyane'], provenance: expect.objectContaining({ status: 'OFFICIAL' }) }),
    );
    expect(network.events).toContainEqual(
      expect.objectContaining({ kind: 'RENAMING', fromKeys: ['arml-ocean-indien'], toKeys: ['arml-ocean-indien'] }),
    );
    const oceanIndien = orgs.get('arml-ocean-indien')!;
    expect(oceanIndien.formerNames![0].name).toMatch(/La Réunion/);
    expect(oceanIndien.regions).toEqual([
      expect.objectContaining({ regionCode: '04' }),
      { regionCode: '06', startDate: '2023-01-01' },
    ]);
    expect(orgs.get('arml-44')!.legalForm).toBe('ASSOCIATION_1908');
    for (const arml of currentArml(network)) expect(arml.memberships).toEqual([expect.objectContaining({ parentKey: 'unml', kind: 'MEMBER_BY_RIGHT' })]);
  });

  it('gives Missions Locales of merged regions an ended membership of their former ARML', () => {
    const orgs = byKey(network);
    const granville = orgs.get('ml-50-granville')!;
    expect(granville.memberships).toEqual([
      { parentKey: 'arml-basse-normandie', kind: 'MEMBER', startDate: '2000-01-01', endDate: '2016-01-01' },
      { parentKey: 'arml-28', kind: 'MEMBER', startDate: '2016-01-01' },
    ]);
    for (const ml of missionsLocales(network)) {
      const [first, ...rest] = ml.memberships!;
      for (const next of rest) expect(first.endDate! <= next.startDate).toBe(true); // end dates are exclusive: no gap, no overlap
    }
  });

  it('lists the partners: DGEFP, DMML, France Travail, each region’s State service and council', () => {
    const partners = network.organizations.filter((o) => o.kind === 'PARTNER');
    const keys = new Set(partners.map((p) => p.key));
    for (const key of ['partner-dgefp', 'partner-dmml', 'partner-france-travail', 'partner-afpa']) expect(keys.has(key)).toBe(true);
    expect(partners.filter((p) => p.partnerCategory === 'REGIONAL_COUNCIL')).toHaveLength(18);
    expect(partners.filter((p) => p.key.startsWith('partner-dreets-'))).toHaveLength(18);
    expect(byKey(network).get('partner-france-travail')!.formerNames).toEqual([{ name: 'Pôle emploi', validUntil: '2024-01-01' }]);
    for (const p of partners) expect(p.key).toMatch(/^partner-/);
  });
});

describe('generateNetwork({ scale: 10 })', () => {
  let network: SeedNetwork;
  let elapsed: number;
  beforeAll(() => {
    const start = Date.now();
    network = generateNetwork({ scale: 10 });
    elapsed = Date.now() - start;
  });

  it('has 4,370 Missions Locales over the same communes, each covered exactly once', () => {
    expect(missionsLocales(network)).toHaveLength(4370);
    expect(coverageProblems(network)).toEqual({ duplicates: [], outOfScope: [], missing: [] });
    const keys = network.organizations.map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps the same UNML and ARML', () => {
    const armlKeys = (n: SeedNetwork) => n.organizations.filter((o) => o.kind !== 'MISSION_LOCALE').map((o) => o.key);
    expect(armlKeys(network)).toEqual(armlKeys(generateNetwork()));
  });

  it('shares the Missions Locales by region in proportion, within the communes available', () => {
    expect(countsPerRegion(network)).toEqual(missionLocaleCountsByRegion(10));
    expect(missionLocaleCountsByRegion(10)['978']).toBe(1);
  });

  it('runs well under 5 seconds', () => {
    expect(elapsed).toBeLessThan(5000);
  });
});

describe('generateNetwork() options', () => {
  it('rejects a scale that is not a positive integer', () => {
    expect(() => generateNetwork({ scale: 0 })).toThrow(RangeError);
    expect(() => generateNetwork({ scale: 1.5 })).toThrow(RangeError);
  });
});
