import type { Knex } from '@mikro-orm/knex';
import { isIsoDate } from '../../graphql/scalars';
import { today } from '../../shared/dates';
import { buildCoverageCsv } from './coverage-csv';
import { ExportOptions } from './dated-rows';
import { buildSitesGeoJson } from './geojson';
import { buildPopolo } from './popolo';

/**
 * The open-data exports, as the HTTP endpoints and the command offer them: one name, one path,
 * one content type, one builder each. Public data only: no export needs a token.
 */

export const EXPORT_NAMES = ['popolo', 'sites', 'head-offices', 'coverage'] as const;
export type ExportName = (typeof EXPORT_NAMES)[number];

interface ExportKind {
  /** Path on the HTTP server. */
  path: string;
  contentType: string;
  extension: string;
  /** Whether `history` applies (Popolo only: the other exports describe one day). */
  history: boolean;
  build(knex: Knex, options: ExportOptions): Promise<string>;
}

const json = (value: unknown) => JSON.stringify(value);

export const EXPORTS: Record<ExportName, ExportKind> = {
  popolo: {
    path: '/exports/popolo.json', contentType: 'application/json', extension: 'json', history: true,
    build: async (knex, options) => json(await buildPopolo(knex, options)),
  },
  sites: {
    path: '/exports/sites.geojson', contentType: 'application/geo+json', extension: 'geojson', history: false,
    build: async (knex, options) => json(await buildSitesGeoJson(knex, options, 'all')),
  },
  'head-offices': {
    path: '/exports/head-offices.geojson', contentType: 'application/geo+json', extension: 'geojson', history: false,
    build: async (knex, options) => json(await buildSitesGeoJson(knex, options, 'head-offices')),
  },
  coverage: {
    path: '/exports/coverage.csv', contentType: 'text/csv; charset=utf-8', extension: 'csv', history: false,
    build: buildCoverageCsv,
  },
};

/** The export served at an HTTP path, if any. */
export function exportAtPath(pathname: string): ExportName | undefined {
  return EXPORT_NAMES.find((name) => EXPORTS[name].path === pathname);
}

/** A request for an export the registry cannot answer (bad date, option that does not apply): HTTP 400, exit status 2. */
export class ExportRequestError extends Error {
  readonly code = 'BAD_USER_INPUT';
}

/** Checks the day and the history flag of a request; `asOf` defaults to today. */
export function exportOptions(name: ExportName, asOf: string | null | undefined, history: boolean): ExportOptions {
  if (asOf !== null && asOf !== undefined && !isIsoDate(asOf)) {
    throw new ExportRequestError(`asOf must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  }
  if (history && !EXPORTS[name].history) throw new ExportRequestError(`history applies to the Popolo export only, not to ${name}`);
  return { asOf: asOf ?? today(), history };
}

/** The options of an HTTP request: `?asOf=YYYY-MM-DD`, and `history=true` for Popolo. */
export function exportOptionsOfQuery(name: ExportName, params: URLSearchParams): ExportOptions {
  const history = params.get('history');
  if (history !== null && history !== 'true' && history !== 'false') {
    throw new ExportRequestError(`history must be true or false, got ${JSON.stringify(history)}`);
  }
  return exportOptions(name, params.get('asOf'), history === 'true');
}

/** The file name offered for download: `missions-locales-popolo-2026-01-01.json`. */
export function exportFileName(name: ExportName, options: ExportOptions): string {
  return `missions-locales-${name}-${options.asOf}${options.history ? '-history' : ''}.${EXPORTS[name].extension}`;
}
