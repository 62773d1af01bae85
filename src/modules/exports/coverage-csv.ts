import type { Knex } from '@mikro-orm/knex';
import { COVERAGE_COLUMNS } from '../coverage-import/coverage-file';
import { IdentifierScheme, OrganizationKind } from '../organization/organization.enums';
import { SiteKind } from '../site/site.entity';
import { ExportOptions, existingOn, inEffectOn } from './dated-rows';

/**
 * The coverage on a day in UNML's commune-coverage format, the file `npm run import:coverage` reads:
 * one row per (commune, Mission Locale), `;`-separated, UTF-8 with a BOM (so spreadsheets read the
 * accents), CRLF line ends. Importing it on the same day changes nothing.
 *
 * `Code ML` is the Mission Locale's UNML code. A Mission Locale the registry knows no UNML code for
 * gets an empty `Code ML`: its rows stay in the file (the coverage is complete), and the importer
 * rejects them (EMPTY_ML_CODE) instead of creating a duplicate Mission Locale.
 */

/** One line of the file, by column name. */
export type CoverageCsvRow = Record<(typeof COVERAGE_COLUMNS)[number], string>;

interface CoverageRow {
  organization_id: number; commune_code: string; commune_name: string;
  departement_code: string; departement_name: string; region_code: string; region_name: string;
}
interface MissionLocaleRow {
  id: number; name: string; region_code: string | null; region_name: string | null; unml_code: string | null;
  address: string | null; postal_code: string | null; city: string | null;
}

/** The rows of the file, in two statements: the coverage in effect with its geography, then each Mission Locale with its code and head office. */
export async function coverageRows(knex: Knex, { asOf }: ExportOptions): Promise<CoverageCsvRow[]> {
  const [coverage, missionsLocales] = await Promise.all([
    existingOn(inEffectOn(knex('commune_coverage as cc'), asOf, 'cc.'), asOf, 'o.')
      .join('organization as o', 'o.id', 'cc.organization_id')
      .join('commune as c', 'c.code', 'cc.commune_code')
      .join('departement as d', 'd.code', 'c.departement_code')
      .join('region as r', 'r.code', 'c.region_code')
      .where('o.kind', OrganizationKind.MISSION_LOCALE)
      .select('cc.organization_id', 'c.code as commune_code', 'c.name as commune_name', 'd.code as departement_code',
        'd.name as departement_name', 'r.code as region_code', 'r.name as region_name') as Promise<CoverageRow[]>,
    // A Mission Locale has at most one head office, and normally one UNML code; should it have several,
    // the ordering makes the first row carry the smallest code and, like the importer, the oldest head office.
    existingOn(knex('organization as o'), asOf, 'o.')
      .where('o.kind', OrganizationKind.MISSION_LOCALE)
      .leftJoin('region as r', 'r.code', 'o.region_code')
      .leftJoin('organization_identifier as i', (j) => j.on('i.organization_id', 'o.id').andOnVal('i.scheme', IdentifierScheme.UNML_CODE))
      .leftJoin('site as s', (j) => j.on('s.organization_id', 'o.id').andOnVal('s.kind', SiteKind.HEAD_OFFICE))
      .leftJoin('commune as sc', 'sc.code', 's.commune_code')
      .select('o.id', 'o.name', 'o.region_code', 'r.name as region_name', 'i.value as unml_code',
        's.address', 's.postal_code', 'sc.name as city')
      .orderBy(['o.id', 'i.value', 's.id']) as Promise<MissionLocaleRow[]>,
  ]);
  const mlById = new Map<number, MissionLocaleRow>();
  for (const ml of missionsLocales) if (!mlById.has(Number(ml.id))) mlById.set(Number(ml.id), ml);

  // One row per (commune, Mission Locale), even if two coverage records overlap.
  const seen = new Set<string>();
  const unique = coverage.filter((c) => {
    const key = `${c.commune_code}|${c.organization_id}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
  const coveringCount = new Map<string, number>();
  for (const c of unique) coveringCount.set(c.commune_code, (coveringCount.get(c.commune_code) ?? 0) + 1);

  // Grouped by Mission Locale, by name (French collation), then by commune code.
  const collator = new Intl.Collator('fr');
  const rank = new Map([...mlById.values()]
    .sort((a, b) => collator.compare(a.name, b.name) || Number(a.id) - Number(b.id))
    .map((ml, i) => [Number(ml.id), i]));
  unique.sort((a, b) => rank.get(Number(a.organization_id))! - rank.get(Number(b.organization_id))!
    || (a.commune_code < b.commune_code ? -1 : 1));

  return unique.map((c) => {
    const ml = mlById.get(Number(c.organization_id))!;
    return {
      'Code INSEE': c.commune_code,
      'Nom Commune': c.commune_name,
      'Département Commune': `${c.departement_name}(${c.departement_code})`,
      'Région Commune': `${c.region_name}(${c.region_code})`,
      'Code Région Commune': c.region_code,
      'Code ML': ml.unml_code ?? '',
      'Nom Officiel ML': ml.name,
      'Région ML': ml.region_name ?? '',
      'Code Région ML': ml.region_code ?? '',
      'Commune présente sur plusieurs ML': coveringCount.get(c.commune_code)! > 1 ? 'Oui' : 'Non',
      'Adresse ML': ml.address ?? '',
      'Code Postal ML': ml.postal_code ?? '',
      'Ville ML': ml.city ?? '',
    };
  });
}

/** The coverage file on `asOf`, as text. */
export async function buildCoverageCsv(knex: Knex, options: ExportOptions): Promise<string> {
  return formatCoverageCsv(await coverageRows(knex, options));
}

/** Writes rows in UNML's format: header, `;`, CRLF, a BOM first. */
export function formatCoverageCsv(rows: CoverageCsvRow[]): string {
  const lines = [COVERAGE_COLUMNS.join(';'), ...rows.map((r) => COVERAGE_COLUMNS.map((c) => csvField(r[c])).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * A field as the importer splits it back: quoted (with doubled quotes) when it holds a `;` or a quote;
 * line breaks, which would cut the row in two, become spaces (the importer collapses spaces anyway).
 */
export function csvField(value: string): string {
  if (!/[;"\r\n]/.test(value)) return value;
  const flat = value.replace(/[\r\n]+/g, ' ');
  return /[;"]/.test(flat) ? `"${flat.replace(/"/g, '""')}"` : flat;
}
