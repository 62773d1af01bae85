import { foldForSearch } from '../shared/text';
import type { SeedNetwork } from '../../seeds/network.types';
import type { Load } from './insert';

interface EtalabRegion { code: string; nom: string; zone: string }
interface EtalabDepartement { code: string; nom: string; region: string }
interface EtalabCommune {
  code: string; nom: string; type: string; departement: string; region: string;
  commune?: string; population?: number; codesPostaux?: string[];
}
interface EtalabEpci { code: string; membres: { code: string }[] }

/** Communes split into municipal arrondissements: coverage is by arrondissement, as in UNML's file. */
export const SPLIT_COMMUNES = new Set(['75056', '69123', '13055']);

/** Regions a Mission Locale must cover every commune of: those of the network's ARML still in activity. */
function coverableRegions(network: SeedNetwork): Set<string> {
  return new Set(network.organizations.flatMap((o) => (o.kind === 'ARML' && !o.dissolvedOn ? o.regions ?? [] : []).map((r) => r.regionCode)));
}

/**
 * Inserts the official geography (regions, départements, communes and arrondissements municipaux,
 * postal codes) from `@etalab/decoupage-administratif`. Communes of the network's coverable regions
 * are marked as units a Mission Locale must cover. Returns the region of each département.
 */
export async function loadGeography(bulk: Load, network: SeedNetwork): Promise<Map<string, string>> {
  const coverable = coverableRegions(network);
  const regions: EtalabRegion[] = require('@etalab/decoupage-administratif/data/regions.json');
  const departements: EtalabDepartement[] = require('@etalab/decoupage-administratif/data/departements.json');
  const all: EtalabCommune[] = require('@etalab/decoupage-administratif/data/communes.json');
  const epcis: EtalabEpci[] = require('@etalab/decoupage-administratif/data/epci.json');

  const epciOf = new Map<string, string>();
  for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e.code);

  // Collectivities with no département in the dataset (Saint-Martin...) get one named after themselves.
  const depts = departements.map((d) => ({ code: d.code, name: d.nom, region_code: d.region }));
  const deptCodes = new Set(depts.map((d) => d.code));
  const communes = all.filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal');
  for (const c of communes) {
    if (!deptCodes.has(c.departement)) {
      const region = regions.find((r) => r.code === c.region);
      depts.push({ code: c.departement, name: region?.nom ?? c.nom, region_code: c.region });
      deptCodes.add(c.departement);
    }
  }
  await bulk.insert('region', regions.map((r) => ({ code: r.code, name: r.nom, zone: r.zone })));
  await bulk.insert('departement', depts);
  await bulk.insert('commune', communes.map((c) => {
    const isArrondissement = c.type === 'arrondissement-municipal';
    return {
      code: c.code,
      name: c.nom,
      search_name: foldForSearch(c.nom),
      kind: isArrondissement ? 'MUNICIPAL_ARRONDISSEMENT' : 'COMMUNE',
      departement_code: c.departement,
      region_code: c.region,
      parent_code: isArrondissement ? c.commune ?? null : null,
      epci_code: epciOf.get(isArrondissement ? c.commune ?? '' : c.code) ?? null,
      population: c.population ?? null,
      coverable: coverable.has(c.region) && !SPLIT_COMMUNES.has(c.code),
    };
  }));
  await bulk.insert('commune_postal_code', communes.flatMap((c) => [...new Set(c.codesPostaux ?? [])].map((p) => ({ commune_code: c.code, postal_code: p }))));
  return new Map(depts.map((d) => [d.code, d.region_code]));
}
