import { foldForSearch } from '../../shared/text';

/**
 * Finding the commune of a Mission Locale's head office from the file's `Code Postal ML` and
 * `Ville ML`. Pure: the candidate communes come from the registry's postal codes.
 */

/** A commune that may hold the head office. */
export interface PlaceCandidate {
  code: string;
  name: string;
  /** For a municipal arrondissement: its commune (75056 for Paris). */
  parentCode: string | null;
  departementCode: string;
}

/**
 * Key of a place name as addresses write it: folded, "St"/"Ste" spelt out, CEDEX dropped, ordinals
 * reduced to their number, so "ST MALO CEDEX" matches "Saint-Malo" and "Paris - 18ème Arrondissement"
 * (UNML's spelling) matches "Paris 18e Arrondissement" (INSEE's).
 */
export function placeKey(name: string): string {
  return foldForSearch(name)
    .replace(/\bcedex( \d+)?$/, '')
    .split(' ')
    .filter(Boolean)
    .map((w) => (w === 'st' ? 'saint' : w === 'ste' ? 'sainte' : w.replace(/^(\d+)(er|ere|eme|e)$/, '$1')))
    .join(' ');
}

/**
 * The candidate whose name matches `city`, or undefined when none or several do. When the match is
 * Paris, Lyon or Marseille and the candidates hold exactly one of its arrondissements (the one of the
 * postal code), the arrondissement is returned: sites, like coverage, are placed by arrondissement.
 */
export function choosePlace(city: string, candidates: PlaceCandidate[]): PlaceCandidate | undefined {
  const key = placeKey(city);
  const matches = candidates.filter((c) => placeKey(c.name) === key);
  if (matches.length !== 1) return undefined;
  const arrondissements = candidates.filter((c) => c.parentCode === matches[0].code);
  return arrondissements.length === 1 ? arrondissements[0] : matches[0];
}

/**
 * Départements a postal code may belong to, for CEDEX codes the registry does not list:
 * the first two digits, three overseas, and both Corsican départements for 20.
 */
export function departementsOfPostalCode(postalCode: string): string[] {
  if (!/^\d{5}$/.test(postalCode)) return [];
  if (postalCode.startsWith('20')) return ['2A', '2B'];
  if (postalCode.startsWith('97') || postalCode.startsWith('98')) return [postalCode.slice(0, 3)];
  return [postalCode.slice(0, 2)];
}
