/**
 * Folds a name for accent- and case-insensitive search:
 * "Saint-Étienne" → "saint etienne", "Cœur du Var" → "coeur du var".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
