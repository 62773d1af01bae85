import { foldForSearch } from '../../shared/text';
import { identifierProblem, normalizeIdentifier } from '../organization/identifier.rules';
import { IdentifierScheme } from '../organization/organization.enums';

/**
 * UNML's commune-coverage file: one row per (commune, Mission Locale), `;`-separated, UTF-8
 * with or without BOM, CRLF or LF line ends. This module reads and validates it without any
 * database: the references it needs (communes, ARML, holders of UNML codes) come in as lookups.
 */

/** The thirteen columns of the file, in order, as UNML names them. */
export const COVERAGE_COLUMNS = [
  'Code INSEE', 'Nom Commune', 'Département Commune', 'Région Commune', 'Code Région Commune',
  'Code ML', 'Nom Officiel ML', 'Région ML', 'Code Région ML', 'Commune présente sur plusieurs ML',
  'Adresse ML', 'Code Postal ML', 'Ville ML',
] as const;

/** Why a whole file is refused (nothing is imported). */
export const FileErrorCode = {
  EMPTY_FILE: 'EMPTY_FILE',
  NOT_UTF8: 'NOT_UTF8',
  NOT_SEMICOLON_SEPARATED: 'NOT_SEMICOLON_SEPARATED',
  WRONG_HEADER: 'WRONG_HEADER',
  NO_DATA_ROWS: 'NO_DATA_ROWS',
} as const;
export type FileErrorCode = (typeof FileErrorCode)[keyof typeof FileErrorCode];

/** Why one row is rejected (the other rows may still be imported). */
export const RejectionCode = {
  WRONG_COLUMN_COUNT: 'WRONG_COLUMN_COUNT',
  INVALID_INSEE_CODE: 'INVALID_INSEE_CODE',
  EMPTY_ML_CODE: 'EMPTY_ML_CODE',
  INVALID_ML_CODE: 'INVALID_ML_CODE',
  EMPTY_ML_NAME: 'EMPTY_ML_NAME',
  FIELD_TOO_LONG: 'FIELD_TOO_LONG',
  INVALID_REGION_CODE: 'INVALID_REGION_CODE',
  INVALID_SHARED_FLAG: 'INVALID_SHARED_FLAG',
  ML_NAME_CONFLICT: 'ML_NAME_CONFLICT',
  ML_REGION_CONFLICT: 'ML_REGION_CONFLICT',
  CODE_NOT_A_MISSION_LOCALE: 'CODE_NOT_A_MISSION_LOCALE',
  MISSION_LOCALE_DISSOLVED: 'MISSION_LOCALE_DISSOLVED',
  REGION_WITHOUT_ARML: 'REGION_WITHOUT_ARML',
  UNKNOWN_COMMUNE: 'UNKNOWN_COMMUNE',
  COMMUNE_NOT_COVERABLE: 'COMMUNE_NOT_COVERABLE',
  DUPLICATE_ROW: 'DUPLICATE_ROW',
  COMMUNE_ON_SEVERAL_ML: 'COMMUNE_ON_SEVERAL_ML',
} as const;
export type RejectionCode = (typeof RejectionCode)[keyof typeof RejectionCode];

/** A file the importer cannot read at all: nothing is written. */
export class MalformedCoverageFileError extends Error {
  constructor(readonly code: FileErrorCode, message: string) {
    super(message);
    this.name = 'MalformedCoverageFileError';
  }
}

/** One data line of the file, split into its fields; `line` is the 1-based line number (the header is line 1). */
export interface RawRow {
  line: number;
  fields: string[];
}

/** A row whose fields are well formed: one commune given to one Mission Locale. */
export interface CoverageRow {
  line: number;
  inseeCode: string;
  communeName: string;
  mlCode: string;
  mlName: string;
  mlRegionCode: string;
  /** "Commune présente sur plusieurs ML" = Oui: the commune may also be listed for other Missions Locales. */
  shared: boolean;
  address: string;
  postalCode: string;
  city: string;
}

/** A row the importer leaves out, with the reason. */
export interface RowIssue<C extends string = RejectionCode> {
  line: number;
  code: C;
  message: string;
}

/** Longest values the registry stores (organization.name, site.address). */
const MAX_NAME = 300;
const MAX_ADDRESS = 300;

/**
 * Reads the file into raw rows: checks the encoding, the separator and the header, and skips blank lines.
 * Throws `MalformedCoverageFileError` when the file as a whole cannot be read.
 */
export function readCoverageFile(content: Buffer | string): RawRow[] {
  const text = (typeof content === 'string' ? content : decodeUtf8(content)).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new MalformedCoverageFileError(FileErrorCode.EMPTY_FILE, 'The file is empty');
  const lines = text.split(/\r\n|\n|\r/);
  checkHeader(lines[0]);
  const rows: RawRow[] = [];
  lines.forEach((l, i) => {
    if (i > 0 && l.trim() !== '') rows.push({ line: i + 1, fields: splitLine(l) });
  });
  if (rows.length === 0) throw new MalformedCoverageFileError(FileErrorCode.NO_DATA_ROWS, 'The file has a header but no data rows');
  return rows;
}

/** Decodes UTF-8 strictly: a Latin-1 export from a spreadsheet would otherwise import mangled names. */
function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new MalformedCoverageFileError(FileErrorCode.NOT_UTF8, 'The file is not UTF-8 (save it as "CSV UTF-8")');
  }
}

/** Checks the header line; names are compared folded, so "Code Insee" or a missing accent still match. */
function checkHeader(header: string): void {
  const names = splitLine(header);
  if (names.length === 1) {
    const sep = [',', '\t'].find((s) => header.includes(s));
    if (sep) {
      throw new MalformedCoverageFileError(FileErrorCode.NOT_SEMICOLON_SEPARATED,
        `The file is separated by ${sep === ',' ? 'commas' : 'tabs'}, not by semicolons (;)`);
    }
  }
  const differs = COVERAGE_COLUMNS.findIndex((c, i) => foldForSearch(names[i] ?? '') !== foldForSearch(c));
  if (differs >= 0 || names.length !== COVERAGE_COLUMNS.length) {
    const detail = differs >= 0
      ? `column ${differs + 1} should be "${COVERAGE_COLUMNS[differs]}", found "${names[differs] ?? ''}"`
      : `${names.length} columns instead of ${COVERAGE_COLUMNS.length}`;
    throw new MalformedCoverageFileError(FileErrorCode.WRONG_HEADER, `Line 1 is not the header of UNML's coverage file: ${detail}`);
  }
}

/**
 * Splits one line on `;`, trimming fields and collapsing inner spaces. UNML's file has no quotes,
 * but a spreadsheet re-export quotes fields holding a `;`, so quoted fields ("a;b", "" for ") are read too.
 */
export function splitLine(line: string): string[] {
  const fields: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        value += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        value += ch;
      }
    } else if (ch === ';') {
      fields.push(value);
      value = '';
    } else if (ch === '"' && value.trim() === '') {
      quoted = true;
      value = '';
    } else {
      value += ch;
    }
  }
  fields.push(value);
  return fields.map((f) => f.replace(/\s+/g, ' ').trim());
}

/** Checks the fields of one row on their own; returns the row, or why it is rejected. */
export function parseRow({ line, fields }: RawRow): CoverageRow | RowIssue {
  const reject = (code: RejectionCode, message: string): RowIssue => ({ line, code, message });
  if (fields.length !== COVERAGE_COLUMNS.length) {
    return reject(RejectionCode.WRONG_COLUMN_COUNT, `${fields.length} columns instead of ${COVERAGE_COLUMNS.length}`);
  }
  const [inseeCode, communeName, , , , rawMlCode, mlName, , mlRegionCode, sharedFlag, address, postalCode, city] = fields;
  if (!/^(\d{5}|2[AB]\d{3})$/.test(inseeCode)) {
    const hint = /^\d{4}$/.test(inseeCode) ? ' (a leading zero lost by a spreadsheet?)' : '';
    return reject(RejectionCode.INVALID_INSEE_CODE, `"${inseeCode}" is not an INSEE commune code${hint}`);
  }
  if (rawMlCode === '') return reject(RejectionCode.EMPTY_ML_CODE, 'Code ML is empty');
  const mlCode = normalizeIdentifier(rawMlCode);
  const codeProblem = identifierProblem(IdentifierScheme.UNML_CODE, mlCode);
  if (codeProblem) return reject(RejectionCode.INVALID_ML_CODE, `Code ML "${rawMlCode}": ${codeProblem}`);
  if (mlName === '') return reject(RejectionCode.EMPTY_ML_NAME, `Nom Officiel ML is empty for ML ${mlCode}`);
  if (mlName.length > MAX_NAME) return reject(RejectionCode.FIELD_TOO_LONG, `Nom Officiel ML is longer than ${MAX_NAME} characters`);
  if (address.length > MAX_ADDRESS) return reject(RejectionCode.FIELD_TOO_LONG, `Adresse ML is longer than ${MAX_ADDRESS} characters`);
  if (!/^\d{2,3}$/.test(mlRegionCode)) return reject(RejectionCode.INVALID_REGION_CODE, `Code Région ML "${mlRegionCode}" is not an INSEE region code`);
  const shared = parseSharedFlag(sharedFlag);
  if (shared === undefined) {
    return reject(RejectionCode.INVALID_SHARED_FLAG, `"Commune présente sur plusieurs ML" is "${sharedFlag}", expected Oui or Non`);
  }
  return { line, inseeCode, communeName, mlCode, mlName, mlRegionCode, shared, address, postalCode, city };
}

function parseSharedFlag(value: string): boolean | undefined {
  const folded = foldForSearch(value);
  return folded === 'oui' ? true : folded === 'non' ? false : undefined;
}

export function isRowIssue(r: CoverageRow | RowIssue): r is RowIssue {
  return 'code' in r;
}

/** What the validation needs to know from the registry, as of the import date. */
export interface CoverageReferences {
  /** The commune with this INSEE code, or undefined when there is none. */
  commune(code: string): { coverable: boolean } | undefined;
  /** Id of the ARML covering this region on the import date. */
  armlOfRegion(regionCode: string): number | undefined;
  /** The organization already holding this UNML code, if any. */
  holderOfCode(mlCode: string): { kind: string; dissolved: boolean; name: string } | undefined;
}

/** Outcome of the validation: rows to import and rows left out, in line order. */
export interface ValidatedRows {
  accepted: CoverageRow[];
  rejected: RowIssue[];
}

/**
 * Checks rows against each other and against the registry. A row gets one reason, the first that applies:
 * the Mission Locale's identity (its first row defines its name and region; later rows that disagree
 * are rejected), the holder of its code, its region's ARML, the commune, duplicates, then communes
 * listed for several Missions Locales without "Oui" (all rows of such a commune are rejected: no row
 * is more right than another).
 */
export function validateRows(rows: CoverageRow[], refs: CoverageReferences): ValidatedRows {
  const rejected: RowIssue[] = [];
  const firstOfMl = new Map<string, CoverageRow>();
  const seen = new Set<string>();
  const kept: CoverageRow[] = [];
  for (const row of rows) {
    const issue = rowIssue(row, firstOfMl, seen, refs);
    if (issue) rejected.push({ line: row.line, ...issue });
    else kept.push(row);
  }
  const conflicting = communesOnSeveralMl(kept);
  const accepted = kept.filter((row) => {
    const others = conflicting.get(row.inseeCode);
    if (!others) return true;
    rejected.push({
      line: row.line,
      code: RejectionCode.COMMUNE_ON_SEVERAL_ML,
      message: `Commune ${row.inseeCode} is listed for several Missions Locales (${others.join(', ')}) without "Commune présente sur plusieurs ML" = Oui on every row`,
    });
    return false;
  });
  rejected.sort((a, b) => a.line - b.line);
  return { accepted, rejected };
}

/** The first reason a row cannot be kept, judging it after the rows before it. */
function rowIssue(
  row: CoverageRow, firstOfMl: Map<string, CoverageRow>, seen: Set<string>, refs: CoverageReferences,
): Omit<RowIssue, 'line'> | undefined {
  const first = firstOfMl.get(row.mlCode) ?? firstOfMl.set(row.mlCode, row).get(row.mlCode)!;
  if (first.mlName !== row.mlName) {
    return { code: RejectionCode.ML_NAME_CONFLICT, message: `ML ${row.mlCode} is named "${row.mlName}" here but "${first.mlName}" on line ${first.line}` };
  }
  if (first.mlRegionCode !== row.mlRegionCode) {
    return { code: RejectionCode.ML_REGION_CONFLICT, message: `ML ${row.mlCode} is in region ${row.mlRegionCode} here but ${first.mlRegionCode} on line ${first.line}` };
  }
  const holder = refs.holderOfCode(row.mlCode);
  if (holder && holder.kind !== 'MISSION_LOCALE') {
    return { code: RejectionCode.CODE_NOT_A_MISSION_LOCALE, message: `UNML code ${row.mlCode} belongs to "${holder.name}", which is not a Mission Locale` };
  }
  if (holder?.dissolved) {
    return { code: RejectionCode.MISSION_LOCALE_DISSOLVED, message: `UNML code ${row.mlCode} belongs to "${holder.name}", dissolved on or before the import date` };
  }
  if (refs.armlOfRegion(row.mlRegionCode) === undefined) {
    return { code: RejectionCode.REGION_WITHOUT_ARML, message: `No ARML covers region ${row.mlRegionCode} (Code Région ML)` };
  }
  const commune = refs.commune(row.inseeCode);
  if (!commune) return { code: RejectionCode.UNKNOWN_COMMUNE, message: `No commune has INSEE code ${row.inseeCode}` };
  if (!commune.coverable) {
    return { code: RejectionCode.COMMUNE_NOT_COVERABLE, message: `Commune ${row.inseeCode} is outside the coverage scope (a whole Paris/Lyon/Marseille, or a region without ARML)` };
  }
  const key = `${row.inseeCode}|${row.mlCode}`;
  if (seen.has(key)) return { code: RejectionCode.DUPLICATE_ROW, message: `Commune ${row.inseeCode} is already listed for ML ${row.mlCode}` };
  seen.add(key);
  return undefined;
}

/** Communes listed for several Missions Locales where at least one row does not say "Oui", with their ML codes. */
function communesOnSeveralMl(rows: CoverageRow[]): Map<string, string[]> {
  const byCommune = new Map<string, CoverageRow[]>();
  for (const r of rows) (byCommune.get(r.inseeCode) ?? byCommune.set(r.inseeCode, []).get(r.inseeCode)!).push(r);
  const conflicting = new Map<string, string[]>();
  for (const [code, list] of byCommune) {
    if (list.length > 1 && list.some((r) => !r.shared)) conflicting.set(code, list.map((r) => r.mlCode));
  }
  return conflicting;
}

/** A Mission Locale as the accepted rows describe it. */
export interface FileMissionLocale {
  code: string;
  name: string;
  regionCode: string;
  address: string;
  postalCode: string;
  city: string;
  /** Line of its first accepted row: where warnings about it point. */
  line: number;
  /** INSEE codes of the communes the file gives it, in file order. */
  communes: string[];
}

/** Groups accepted rows by Mission Locale, in order of first appearance; the head office comes from the first row. */
export function groupByMissionLocale(rows: CoverageRow[]): FileMissionLocale[] {
  const byCode = new Map<string, FileMissionLocale>();
  for (const r of rows) {
    const ml = byCode.get(r.mlCode) ?? byCode.set(r.mlCode, {
      code: r.mlCode, name: r.mlName, regionCode: r.mlRegionCode, address: r.address,
      postalCode: r.postalCode, city: r.city, line: r.line, communes: [],
    }).get(r.mlCode)!;
    ml.communes.push(r.inseeCode);
  }
  return [...byCode.values()];
}
