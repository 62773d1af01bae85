import type { Knex } from '@mikro-orm/knex';
import { insertInChunks } from '../../seed/insert';
import { ProvenanceStatus } from '../../shared/provenance';
import { foldForSearch } from '../../shared/text';
import { IdentifierScheme, LegalForm, LinkKind, OrganizationKind } from '../organization/organization.enums';
import { SiteKind } from '../site/site.entity';
import {
  CoverageReferences, CoverageRow, FileMissionLocale, groupByMissionLocale, isRowIssue, parseRow,
  readCoverageFile, RowIssue, validateRows,
} from './coverage-file';
import { choosePlace, departementsOfPostalCode, PlaceCandidate } from './head-office';

/**
 * The import of UNML's commune-coverage file into the registry, in one transaction.
 *
 * Policy (documented in the CLI's help):
 * - A malformed file (encoding, separator, header, no rows) changes nothing: `MalformedCoverageFileError`.
 * - Rejected rows are reported and left out; the valid rows are imported. With `strict`, any rejected
 *   row aborts the import and nothing is written.
 * - A head office whose commune cannot be found from `Code Postal ML` + `Ville ML` does not reject the
 *   Mission Locale: its coverage is what matters, so it is imported, its head office is neither created
 *   nor changed, and a `HEAD_OFFICE_UNRESOLVED` warning points at its first row.
 * - Nothing is deleted or overwritten: coverage and memberships that stop get an end date (the import
 *   date), new ones are new rows from the import date, a renamed Mission Locale keeps its former name.
 */

/** Warnings: something of an accepted Mission Locale that could not be imported. */
export const WarningCode = {
  HEAD_OFFICE_UNRESOLVED: 'HEAD_OFFICE_UNRESOLVED',
} as const;
export type WarningCode = (typeof WarningCode)[keyof typeof WarningCode];

/** Why an import is refused before anything is written. */
export const ImportErrorCode = {
  INVALID_IMPORT_DATE: 'INVALID_IMPORT_DATE',
  IMPORT_DATE_BEFORE_HISTORY: 'IMPORT_DATE_BEFORE_HISTORY',
} as const;
export type ImportErrorCode = (typeof ImportErrorCode)[keyof typeof ImportErrorCode];

export class CoverageImportError extends Error {
  constructor(readonly code: ImportErrorCode, message: string) {
    super(message);
    this.name = 'CoverageImportError';
  }
}

export interface CoverageImportOptions {
  /** Import date (YYYY-MM-DD): start of new coverage and memberships, end of those that stop. */
  date: string;
  /** Name of the file, recorded in the provenance of what the import writes. */
  fileName: string;
  /** Abort, writing nothing, when any row is rejected. */
  strict?: boolean;
  /** Do everything, report it, then roll back. */
  dryRun?: boolean;
  /** Called as Missions Locales are processed (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** A real (official or imported) Mission Locale the import left without any commune: reported, never dissolved. */
export interface UncoveredMissionLocale {
  id: number;
  name: string;
  provenance: string;
}

/** What an import did (or, for a dry run or a strict abort, would have done). */
export interface CoverageImportSummary {
  status: 'IMPORTED' | 'DRY_RUN' | 'ABORTED_STRICT';
  date: string;
  fileName: string;
  rows: { read: number; accepted: number; rejected: number };
  missionsLocales: { inFile: number; created: number; updated: number; unchanged: number; dissolved: number };
  /** Distinct communes the accepted rows cover. */
  communesCovered: number;
  coverage: { opened: number; ended: number };
  memberships: { opened: number; ended: number };
  headOffices: { created: number; updated: number };
  rejections: RowIssue[];
  warnings: RowIssue<WarningCode>[];
  /** Illustrative Missions Locales dissolved because imported ones took all their communes. */
  dissolved: { id: number; name: string }[];
  realLeftWithoutCoverage: UncoveredMissionLocale[];
}

/** Thrown inside the transaction to roll it back while still returning a summary. */
class Rollback {
  constructor(readonly summary: CoverageImportSummary) {}
}

/**
 * Imports a coverage file (its raw bytes or text). Throws `MalformedCoverageFileError` for an unreadable
 * file and `CoverageImportError` for an unusable date, in both cases before writing anything.
 */
export async function importCoverage(knex: Knex, content: Buffer | string, options: CoverageImportOptions): Promise<CoverageImportSummary> {
  checkDate(options.date);
  const parsed = readCoverageFile(content).map(parseRow);
  const shapeIssues = parsed.filter(isRowIssue);
  const rows = parsed.filter((r): r is CoverageRow => !isRowIssue(r));
  try {
    return await knex.transaction(async (trx) => {
      await checkDateAgainstHistory(trx, options.date);
      const refs = await loadReferences(trx, rows, options.date);
      const { accepted, rejected } = validateRows(rows, refs);
      const rejections = [...shapeIssues, ...rejected].sort((a, b) => a.line - b.line);
      const summary = newSummary(options, parsed.length, accepted, rejections);
      if (options.strict && rejections.length > 0) throw new Rollback({ ...summary, status: 'ABORTED_STRICT' });
      await new ImportRun(trx, options, refs, summary).run(groupByMissionLocale(accepted));
      if (options.dryRun) throw new Rollback({ ...summary, status: 'DRY_RUN' });
      return summary;
    });
  } catch (err) {
    if (err instanceof Rollback) return err.summary;
    throw err;
  }
}

/** Refuses anything but a real calendar day written YYYY-MM-DD (2025-02-30 rolls over in JavaScript: caught here). */
function checkDate(date: string): void {
  const day = new Date(`${date}T00:00:00Z`);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date);
  if (!valid) throw new CoverageImportError(ImportErrorCode.INVALID_IMPORT_DATE, `Not a date (YYYY-MM-DD): ${date}`);
}

/** Refuses a date before a current coverage or membership began: ending it then would rewrite history. */
async function checkDateAgainstHistory(trx: Knex, date: string): Promise<void> {
  for (const table of ['commune_coverage', 'organization_link']) {
    const [{ latest }] = await current(trx(table), date).max({ latest: 'start_date' });
    if (latest && latest > date) {
      throw new CoverageImportError(ImportErrorCode.IMPORT_DATE_BEFORE_HISTORY,
        `The import date ${date} is before ${latest}, when a current ${table === 'commune_coverage' ? 'coverage' : 'membership'} began`);
    }
  }
}

/** Restricts a query to the rows not ended on `date` (end dates are exclusive). */
function current(q: Knex.QueryBuilder, date: string, alias = ''): Knex.QueryBuilder {
  return q.where((w) => w.whereNull(`${alias}end_date`).orWhere(`${alias}end_date`, '>', date));
}

function newSummary(options: CoverageImportOptions, read: number, accepted: CoverageRow[], rejections: RowIssue[]): CoverageImportSummary {
  return {
    status: 'IMPORTED',
    date: options.date,
    fileName: options.fileName,
    rows: { read, accepted: accepted.length, rejected: rejections.length },
    missionsLocales: { inFile: new Set(accepted.map((r) => r.mlCode)).size, created: 0, updated: 0, unchanged: 0, dissolved: 0 },
    communesCovered: new Set(accepted.map((r) => r.inseeCode)).size,
    coverage: { opened: 0, ended: 0 },
    memberships: { opened: 0, ended: 0 },
    headOffices: { created: 0, updated: 0 },
    rejections,
    warnings: [],
    dissolved: [],
    realLeftWithoutCoverage: [],
  };
}

/** Largest `IN (...)` list sent at once: well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

/** Runs `query` on `values` cut into chunks (for `whereIn`), and concatenates the rows. */
async function whereInChunks<T>(values: readonly (string | number)[], query: (chunk: (string | number)[]) => Knex.QueryBuilder): Promise<T[]> {
  const unique = [...new Set(values)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...((await query(unique.slice(i, i + CHUNK))) as T[]));
  return out;
}

/** Updates the rows whose id is in `ids`, chunk by chunk. */
async function updateByIds(trx: Knex, table: string, ids: number[], values: Record<string, unknown>): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) await trx(table).whereIn('id', ids.slice(i, i + CHUNK)).update(values);
}

interface CommuneRef { code: string; coverable: boolean; departement_code: string }
interface HolderRef { value: string; id: number; kind: string; name: string; short_name: string | null; dissolved_on: string | null; departement_code: string | null; region_code: string | null }

/** The registry's side of the validation, plus what the import needs again afterwards. */
interface References extends CoverageReferences {
  communes: Map<string, CommuneRef>;
  holders: Map<string, HolderRef>;
  armls: Map<string, number>;
}

/** Loads the communes, ARML and UNML-code holders the rows refer to, as of `date`. */
async function loadReferences(trx: Knex, rows: CoverageRow[], date: string): Promise<References> {
  const communeRows = await whereInChunks<CommuneRef>(rows.map((r) => r.inseeCode),
    (chunk) => trx('commune').select('code', 'coverable', 'departement_code').whereIn('code', chunk));
  const communes = new Map(communeRows.map((c) => [c.code, { ...c, coverable: Boolean(c.coverable) }]));
  const holderRows = await whereInChunks<HolderRef>(rows.map((r) => r.mlCode), (chunk) => trx('organization_identifier as i')
    .join('organization as o', 'o.id', 'i.organization_id')
    .select('i.value', 'o.id', 'o.kind', 'o.name', 'o.short_name', 'o.dissolved_on', 'o.departement_code', 'o.region_code')
    .where('i.scheme', IdentifierScheme.UNML_CODE).whereIn('i.value', chunk));
  const holders = new Map(holderRows.map((h) => [h.value, h]));
  const armlRows: { region_code: string; id: number }[] = await current(trx('organization_region as r'), date, 'r.')
    .join('organization as o', 'o.id', 'r.organization_id')
    .select('r.region_code', 'o.id')
    .where('o.kind', OrganizationKind.ARML).where('r.start_date', '<=', date)
    .where((w) => w.whereNull('o.dissolved_on').orWhere('o.dissolved_on', '>', date))
    .orderBy('o.id', 'desc');
  // Descending ids, so the oldest ARML of a region wins when the map is built.
  const armls = new Map(armlRows.map((a) => [a.region_code, a.id]));
  return {
    communes, holders, armls,
    commune: (code) => communes.get(code),
    armlOfRegion: (region) => armls.get(region),
    holderOfCode: (code) => {
      const h = holders.get(code);
      return h && { kind: h.kind, name: h.name, dissolved: h.dissolved_on !== null && h.dissolved_on <= date };
    },
  };
}

interface CoverageRef { id: number; organization_id: number; commune_code: string }
interface LinkRef { id: number; member_id: number; parent_id: number }
interface SiteRef { id: number; organization_id: number; address: string | null; postal_code: string | null; commune_code: string }

/** One import, inside its transaction: writes and counts. */
class ImportRun {
  private readonly provenance: { provenance_status: ProvenanceStatus; provenance_source: string };
  /** Current coverage of the file's communes and of the existing Missions Locales, by organization. */
  private readonly coverageByOrg = new Map<number, CoverageRef[]>();
  /** Current memberships of the existing Missions Locales in an ARML. */
  private readonly linksByMember = new Map<number, LinkRef[]>();
  private readonly headOfficeOf = new Map<number, SiteRef>();
  /** Communes of each head-office postal code of the file. */
  private readonly placesByPostalCode = new Map<string, PlaceCandidate[]>();
  private readonly coverageToEnd: number[] = [];
  private readonly coverageToOpen: Record<string, unknown>[] = [];

  constructor(
    private readonly trx: Knex,
    private readonly options: CoverageImportOptions,
    private readonly refs: References,
    private readonly summary: CoverageImportSummary,
  ) {
    this.provenance = {
      provenance_status: ProvenanceStatus.IMPORTED,
      provenance_source: `UNML commune-coverage file "${options.fileName}", imported ${options.date}`.slice(0, 500),
    };
  }

  private get date(): string {
    return this.options.date;
  }

  async run(mls: FileMissionLocale[]): Promise<void> {
    await this.loadState(mls);
    const importedIds = new Set<number>();
    for (const [i, ml] of mls.entries()) {
      importedIds.add(await this.importMissionLocale(ml));
      this.options.onProgress?.(i + 1, mls.length);
    }
    const displacedOrgs = this.displaceOthers(importedIds, new Set(mls.flatMap((m) => m.communes)));
    await updateByIds(this.trx, 'commune_coverage', this.coverageToEnd, { end_date: this.date });
    await insertInChunks(this.trx, 'commune_coverage', this.coverageToOpen);
    this.summary.coverage = { opened: this.coverageToOpen.length, ended: this.coverageToEnd.length };
    await this.dissolveOrReport(displacedOrgs);
  }

  /** Loads, in a few statements, the current coverage, memberships and head offices the import compares with. */
  private async loadState(mls: FileMissionLocale[]): Promise<void> {
    const existingIds = mls.flatMap((m) => this.refs.holders.get(m.code)?.id ?? []);
    const coverage = [
      ...await whereInChunks<CoverageRef>(mls.flatMap((m) => m.communes), (chunk) =>
        current(this.trx('commune_coverage'), this.date).select('id', 'organization_id', 'commune_code').whereIn('commune_code', chunk)),
      ...await whereInChunks<CoverageRef>(existingIds, (chunk) =>
        current(this.trx('commune_coverage'), this.date).select('id', 'organization_id', 'commune_code').whereIn('organization_id', chunk)),
    ];
    // The two lists overlap (an existing Mission Locale's rows for communes of the file): keep each row once.
    const byId = new Map(coverage.map((c) => [Number(c.id), { ...c, id: Number(c.id) }]));
    for (const c of byId.values()) push(this.coverageByOrg, Number(c.organization_id), c);
    const links = await whereInChunks<LinkRef>(existingIds, (chunk) => current(this.trx('organization_link as l'), this.date, 'l.')
      .join('organization as p', 'p.id', 'l.parent_id').where('p.kind', OrganizationKind.ARML)
      .select('l.id', 'l.member_id', 'l.parent_id').whereIn('l.member_id', chunk));
    for (const l of links) push(this.linksByMember, Number(l.member_id), l);
    const sites = await whereInChunks<SiteRef>(existingIds, (chunk) => this.trx('site')
      .select('id', 'organization_id', 'address', 'postal_code', 'commune_code')
      .where('kind', SiteKind.HEAD_OFFICE).whereIn('organization_id', chunk).orderBy('id', 'desc'));
    // Descending ids: the first head office of an organization is the one kept.
    for (const s of sites) this.headOfficeOf.set(Number(s.organization_id), s);
    const places = await whereInChunks<PlaceCandidate & { postal_code: string }>(mls.map((m) => m.postalCode), (chunk) =>
      this.trx('commune_postal_code as p').join('commune as c', 'c.code', 'p.commune_code')
        .select('p.postal_code', 'c.code', 'c.name', 'c.parent_code as parentCode', 'c.departement_code as departementCode')
        .whereIn('p.postal_code', chunk));
    for (const p of places) push(this.placesByPostalCode, p.postal_code, p);
  }

  /** Creates or updates one Mission Locale, its membership, head office and coverage; returns its id. */
  private async importMissionLocale(ml: FileMissionLocale): Promise<number> {
    const place = await this.headOfficePlace(ml);
    const departementCode = place?.departementCode ?? this.mainDepartement(ml.communes);
    const holder = this.refs.holders.get(ml.code);
    const id = holder ? holder.id : await this.create(ml, departementCode);
    const changes = [
      holder ? await this.updateRecord(holder, ml, departementCode) : false,
      await this.syncMembership(id, this.refs.armls.get(ml.regionCode)!),
      await this.syncHeadOffice(id, ml, place),
      this.syncCoverage(id, ml.communes),
    ];
    if (holder) {
      if (changes.some(Boolean)) this.summary.missionsLocales.updated += 1;
      else this.summary.missionsLocales.unchanged += 1;
    }
    return id;
  }

  /** The head office's commune: by postal code and name, else by name in the postal code's département (CEDEX codes). */
  private async headOfficePlace(ml: FileMissionLocale): Promise<PlaceCandidate | undefined> {
    const place = choosePlace(ml.city, this.placesByPostalCode.get(ml.postalCode) ?? [])
      ?? choosePlace(ml.city, await this.trx('commune')
        .select('code', 'name', 'parent_code as parentCode', 'departement_code as departementCode')
        .whereIn('departement_code', departementsOfPostalCode(ml.postalCode)));
    if (!place) {
      this.summary.warnings.push({
        line: ml.line,
        code: WarningCode.HEAD_OFFICE_UNRESOLVED,
        message: `Head office of ML ${ml.code} not placed: no single commune "${ml.city}" with postal code "${ml.postalCode}"; the Mission Locale is imported without changing its head office`,
      });
    }
    return place;
  }

  /** The département most of its communes are in (smallest code on a tie), when the head office is unknown. */
  private mainDepartement(communes: string[]): string | null {
    const counts = new Map<string, number>();
    for (const c of communes) {
      const d = this.refs.communes.get(c)!.departement_code;
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return sorted[0]?.[0] ?? null;
  }

  /** Inserts a new Mission Locale and its UNML code. */
  private async create(ml: FileMissionLocale, departementCode: string | null): Promise<number> {
    const [row] = await this.trx('organization').insert({
      kind: OrganizationKind.MISSION_LOCALE,
      name: ml.name,
      search_name: foldForSearch(ml.name),
      legal_form: LegalForm.ASSOCIATION_1901,
      departement_code: departementCode,
      region_code: ml.regionCode,
      ...this.provenance,
      version: 1,
    }).returning('id');
    const id = Number(typeof row === 'object' ? row.id : row);
    await this.trx('organization_identifier').insert({ organization_id: id, scheme: IdentifierScheme.UNML_CODE, value: ml.code });
    this.summary.missionsLocales.created += 1;
    return id;
  }

  /** Renames (keeping the former name) and re-places an existing Mission Locale when the file says otherwise. */
  private async updateRecord(holder: HolderRef, ml: FileMissionLocale, departementCode: string | null): Promise<boolean> {
    const renamed = holder.name !== ml.name;
    if (!renamed && holder.departement_code === departementCode && holder.region_code === ml.regionCode) return false;
    if (renamed) {
      await this.trx('organization_name').insert({ organization_id: holder.id, name: holder.name, valid_from: null, valid_until: this.date });
    }
    await this.trx('organization').where('id', holder.id).update({
      name: ml.name,
      search_name: foldForSearch(`${ml.name} ${holder.short_name ?? ''}`),
      departement_code: departementCode,
      region_code: ml.regionCode,
      version: this.trx.raw('version + 1'),
    });
    return true;
  }

  /** Makes `armlId` its current ARML: ends a current membership of another ARML, opens one from the import date. */
  private async syncMembership(id: number, armlId: number): Promise<boolean> {
    const links = this.linksByMember.get(id) ?? [];
    if (links.some((l) => Number(l.parent_id) === armlId)) return false;
    await updateByIds(this.trx, 'organization_link', links.map((l) => l.id), { end_date: this.date });
    await this.trx('organization_link').insert({
      member_id: id, parent_id: armlId, kind: LinkKind.MEMBER, start_date: this.date, end_date: null, ...this.provenance,
    });
    this.summary.memberships.ended += links.length;
    this.summary.memberships.opened += 1;
    return true;
  }

  /** Creates the head office, or updates it in place when its address changed (its old coordinates no longer apply). */
  private async syncHeadOffice(id: number, ml: FileMissionLocale, place: PlaceCandidate | undefined): Promise<boolean> {
    if (!place) return false;
    const wanted = { address: ml.address || null, postal_code: ml.postalCode, commune_code: place.code };
    const site = this.headOfficeOf.get(id);
    if (!site) {
      await this.trx('site').insert({ organization_id: id, kind: SiteKind.HEAD_OFFICE, name: 'Siège', ...wanted, ...this.provenance });
      this.summary.headOffices.created += 1;
      return true;
    }
    if (site.address === wanted.address && site.postal_code === wanted.postal_code && site.commune_code === wanted.commune_code) return false;
    await this.trx('site').where('id', site.id).update({ ...wanted, latitude: null, longitude: null, ...this.provenance });
    this.summary.headOffices.updated += 1;
    return true;
  }

  /** Queues the coverage changes that make the Mission Locale cover exactly `communes`. */
  private syncCoverage(id: number, communes: string[]): boolean {
    const rows = this.coverageByOrg.get(id) ?? [];
    const wanted = new Set(communes);
    const have = new Set(rows.map((r) => r.commune_code));
    const ended = rows.filter((r) => !wanted.has(r.commune_code));
    const opened = [...wanted].filter((c) => !have.has(c));
    this.coverageToEnd.push(...ended.map((r) => r.id));
    this.coverageToOpen.push(...opened.map((c) => ({
      organization_id: id, commune_code: c, start_date: this.date, end_date: null, ...this.provenance,
    })));
    return ended.length + opened.length > 0;
  }

  /** Queues the end of every other organization's coverage of a commune the file gives; returns those organizations. */
  private displaceOthers(importedIds: Set<number>, communes: Set<string>): number[] {
    const displaced: number[] = [];
    for (const [orgId, rows] of this.coverageByOrg) {
      if (importedIds.has(orgId)) continue;
      const taken = rows.filter((r) => communes.has(r.commune_code));
      if (taken.length === 0) continue;
      this.coverageToEnd.push(...taken.map((r) => r.id));
      displaced.push(orgId);
    }
    return displaced;
  }

  /**
   * Of the organizations that lost communes, those left with none: illustrative Missions Locales are
   * dissolved (their open memberships end); real ones are only reported, for a person to decide.
   */
  private async dissolveOrReport(orgIds: number[]): Promise<void> {
    const stillCovering = new Set((await whereInChunks<{ organization_id: number }>(orgIds, (chunk) =>
      current(this.trx('commune_coverage'), this.date).distinct('organization_id').whereIn('organization_id', chunk)))
      .map((r) => Number(r.organization_id)));
    const uncovered = await whereInChunks<{ id: number; name: string; kind: string; provenance_status: string }>(
      orgIds.filter((id) => !stillCovering.has(id)),
      (chunk) => this.trx('organization').select('id', 'name', 'kind', 'provenance_status').whereIn('id', chunk)
        .whereNull('dissolved_on').orderBy('id'));
    const dissolve = uncovered.filter((o) => o.kind === OrganizationKind.MISSION_LOCALE && o.provenance_status === ProvenanceStatus.ILLUSTRATIVE);
    const ids = dissolve.map((o) => Number(o.id));
    await updateByIds(this.trx, 'organization', ids, { dissolved_on: this.date, version: this.trx.raw('version + 1') });
    const links = await whereInChunks<{ id: number }>(ids, (chunk) =>
      current(this.trx('organization_link'), this.date).select('id').whereIn('member_id', chunk));
    await updateByIds(this.trx, 'organization_link', links.map((l) => l.id), { end_date: this.date });
    this.summary.memberships.ended += links.length;
    this.summary.missionsLocales.dissolved = ids.length;
    this.summary.dissolved = dissolve.map((o) => ({ id: Number(o.id), name: o.name }));
    this.summary.realLeftWithoutCoverage = uncovered.filter((o) => !dissolve.includes(o))
      .map((o) => ({ id: Number(o.id), name: o.name, provenance: o.provenance_status }));
  }
}

/** Appends to the list of a key. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  (map.get(key) ?? map.set(key, []).get(key)!).push(value);
}
