import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager, Knex } from '@mikro-orm/knex';
import type { SeedNetwork } from '../../seeds/network.types';
import { runImportCoverage } from '../../src/cli/import-coverage';
import { MalformedCoverageFileError, RejectionCode } from '../../src/modules/coverage-import/coverage-file';
import {
  CoverageImportError, CoverageImportSummary, importCoverage, WarningCode,
} from '../../src/modules/coverage-import/coverage-import.service';
import { databaseKinds } from '../support/databases';
import { startRegistry, TestRegistry } from '../support/registry';
import { tinyNetwork } from '../support/tiny-network';

/**
 * The importer of UNML's coverage file, run on a real migrated and seeded registry: through the
 * service (typed summary) and through the command (arguments, exit status, printed summary), then
 * checked in SQL and over GraphQL.
 */

const fixture = (name: string) => join(__dirname, 'fixtures', name);
const knexOf = (registry: TestRegistry): Knex => (registry.orm.em as EntityManager).getKnex();

/** Tables whose every row is compared; the geography tables are compared by count. */
const NETWORK_TABLES = [
  'organization', 'organization_name', 'organization_identifier', 'organization_link', 'organization_region',
  'commune_coverage', 'site', 'change_event', 'change_event_participant',
];

/** Row count of every table, and every row of the network tables: equal snapshots mean nothing changed. */
async function snapshot(registry: TestRegistry): Promise<Record<string, unknown>> {
  const knex = knexOf(registry);
  const tables: { name: string }[] = registry.kind === 'sqlite'
    ? await knex('sqlite_master').select('name').where('type', 'table').whereNot('name', 'like', 'sqlite_%')
    : await knex('pg_tables').select('tablename as name').whereRaw('schemaname = current_schema()');
  const out: Record<string, unknown> = {};
  for (const { name } of tables) {
    const [{ n }] = await knex(name).count({ n: '*' });
    out[`${name} count`] = Number(n);
  }
  for (const t of NETWORK_TABLES) out[t] = await knex(t).select('*').orderBy('id');
  return out;
}

/** Row counts of the network tables. */
async function counts(knex: Knex): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of NETWORK_TABLES) {
    const [{ n }] = await knex(t).count({ n: '*' });
    out[t] = Number(n);
  }
  return out;
}

/** Expects an import to be refused with an error of class `type` and code `code`. */
async function expectRefused(attempt: Promise<unknown>, type: new (...args: never[]) => Error, code: string) {
  const err = await attempt.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(type);
  expect((err as { code: string }).code).toBe(code);
}

/** Imports a fixture through the service. */
function importFixture(registry: TestRegistry, name: string, date: string, options: { strict?: boolean; dryRun?: boolean } = {}) {
  return importCoverage(knexOf(registry), readFileSync(fixture(name)), { date, fileName: name, ...options });
}

/** Runs the command against the registry's database, as an operator would; returns its status and output. */
async function runCli(registry: TestRegistry, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const config = registry.orm.config;
  const env = registry.kind === 'postgresql'
    ? { ...process.env, DATABASE_URL: config.get('clientUrl') }
    : { ...process.env, DATABASE_URL: '', SQLITE_PATH: config.get('dbName') };
  const status = await runImportCoverage(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
    env,
  });
  return { status, stdout, stderr };
}

async function gql(registry: TestRegistry, query: string) {
  const res = await registry.query(query);
  expect(res.errors).toBeUndefined();
  return res.data;
}

/** Names of the Missions Locales covering a commune on a date, over GraphQL. */
async function coveringNames(registry: TestRegistry, code: string, asOf: string): Promise<string[]> {
  const data = await gql(registry, `{ commune(code: "${code}") { missionsLocales(asOf: "${asOf}") { name } } }`);
  return data.commune.missionsLocales.map((m: { name: string }) => m.name);
}

/** The organization holding a UNML code, over GraphQL, with what the import sets. */
async function byUnmlCode(registry: TestRegistry, code: string, asOf: string) {
  const data = await gql(registry, `{
    organizationByIdentifier(scheme: UNML_CODE, value: "${code}") {
      name kind legalForm dissolvedOn provenance { status source }
      departement { code } region { code } parent(asOf: "${asOf}") { name }
      formerNames { name validUntil }
      headOffice { kind name address postalCode commune { code } latitude }
      communes(asOf: "${asOf}", first: 100) { totalCount nodes { code } }
    }
  }`);
  return data.organizationByIdentifier;
}

const FOUGERES_ILLUSTRATIVE = 'Mission Locale du Pays de Fougères';
const RENNES_ILLUSTRATIVE = 'Mission Locale du Bassin d’emploi de Rennes';

/** The summary of an import in which nothing changed. */
function noChange(summary: CoverageImportSummary, mlsInFile: number) {
  expect(summary.missionsLocales).toEqual({ inFile: mlsInFile, created: 0, updated: 0, unchanged: mlsInFile, dissolved: 0 });
  expect(summary.coverage).toEqual({ opened: 0, ended: 0 });
  expect(summary.memberships).toEqual({ opened: 0, ended: 0 });
  expect(summary.headOffices).toEqual({ created: 0, updated: 0 });
  expect(summary.dissolved).toEqual([]);
}

describe.each(databaseKinds())('importing UNML coverage files on %s', (kind) => {
  let registry: TestRegistry;
  let knex: Knex;
  beforeAll(async () => {
    registry = await startRegistry(kind, { network: tinyNetwork() });
    knex = knexOf(registry);
  });
  afterAll(() => registry?.stop());

  it.each([
    ['malformed-empty.csv', 'EMPTY_FILE'],
    ['malformed-header-only.csv', 'NO_DATA_ROWS'],
    ['malformed-comma.csv', 'NOT_SEMICOLON_SEPARATED'],
    ['malformed-header.csv', 'WRONG_HEADER'],
    ['malformed-no-header.csv', 'WRONG_HEADER'],
    ['malformed-latin1.csv', 'NOT_UTF8'],
  ])('refuses %s (%s) and leaves every table unchanged', async (name, code) => {
    const before = await snapshot(registry);
    const cli = await runCli(registry, fixture(name), '--date', '2025-01-01');
    expect(cli.status).toBe(2);
    expect(cli.stdout).toBe('');
    expect(cli.stderr).toMatch(new RegExp(`^Nothing imported: .*\\(${code}\\)\\n$`));
    await expectRefused(importFixture(registry, name, '2025-01-01'), MalformedCoverageFileError, code);
    expect(await snapshot(registry)).toEqual(before);
  });

  it('refuses a missing file or missing arguments without touching the database', async () => {
    const before = await snapshot(registry);
    const missing = await runCli(registry, fixture('no-such-file.csv'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^Nothing imported: cannot read .*no-such-file\.csv/);
    const usage = await runCli(registry, '--strict');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^Missing the file to import\n\nUsage: import-coverage <file>/);
    expect(await snapshot(registry)).toEqual(before);
  });

  it('refuses an impossible date, or one before the current coverage began, leaving every table unchanged', async () => {
    const before = await snapshot(registry);
    for (const date of ['2025-02-30', '2025-13-01', '01/01/2025']) {
      await expectRefused(importFixture(registry, 'bretagne-2025.csv', date), CoverageImportError, 'INVALID_IMPORT_DATE');
    }
    // The bundled coverage starts on 2022-01-01: ending it in 2021 would rewrite history.
    await expectRefused(importFixture(registry, 'bretagne-2025.csv', '2021-06-01'), CoverageImportError, 'IMPORT_DATE_BEFORE_HISTORY');
    const cli = await runCli(registry, fixture('bretagne-2025.csv'), '--date', '2021-06-01');
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain('(IMPORT_DATE_BEFORE_HISTORY)');
    expect(await snapshot(registry)).toEqual(before);
  });

  it('with --dry-run, prints what the import would do and writes nothing', async () => {
    const before = await snapshot(registry);
    const cli = await runCli(registry, fixture('bretagne-2025.csv'), '--date', '2025-01-01', '--dry-run');
    expect(cli.status).toBe(0);
    expect(cli.stdout.split('\n').slice(0, 6)).toEqual([
      'Dry run of bretagne-2025.csv on 2025-01-01: nothing written',
      'Rows: 11 read, 11 accepted, 0 rejected',
      'Missions Locales: 4 in the file, 4 created, 0 updated, 0 unchanged, 1 dissolved',
      'Communes covered: 10 (coverage rows: 11 opened, 2 ended)',
      'Memberships: 4 opened, 1 ended; head offices: 4 created, 0 updated',
      `  dissolved: ${FOUGERES_ILLUSTRATIVE} (id 3)`,
    ]);
    expect(await snapshot(registry)).toEqual(before);
  });

  it('with --strict, aborts on a file with rejected rows and writes nothing', async () => {
    const before = await snapshot(registry);
    const cli = await runCli(registry, fixture('broken-rows.csv'), '--date', '2025-01-01', '--strict');
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(/^Aborted \(--strict\): 15 rejected row\(s\) in broken-rows.csv, nothing written\n/);
    expect(cli.stdout).toContain('  line 4: UNKNOWN_COMMUNE No commune has INSEE code 35999\n');
    expect(await snapshot(registry)).toEqual(before);
  });

  it('imports the 2025 file: four Missions Locales created, the illustrative one they replace dissolved', async () => {
    const before = await counts(knex);
    const cli = await runCli(registry, fixture('bretagne-2025.csv'), '--date', '2025-01-01');
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toBe([
      'Imported bretagne-2025.csv on 2025-01-01',
      'Rows: 11 read, 11 accepted, 0 rejected',
      'Missions Locales: 4 in the file, 4 created, 0 updated, 0 unchanged, 1 dissolved',
      'Communes covered: 10 (coverage rows: 11 opened, 2 ended)',
      'Memberships: 4 opened, 1 ended; head offices: 4 created, 0 updated',
      `  dissolved: ${FOUGERES_ILLUSTRATIVE} (id 3)`,
      '',
    ].join('\n'));
    const after = await counts(knex);
    expect(after).toEqual({
      ...before,
      organization: before.organization + 4,
      organization_identifier: before.organization_identifier + 4,
      organization_link: before.organization_link + 4,
      commune_coverage: before.commune_coverage + 11,
      site: before.site + 4,
    });

    // The new Missions Locales, as stored.
    const created = await knex('organization as o').join('organization_identifier as i', 'i.organization_id', 'o.id')
      .where('i.scheme', 'UNML_CODE').orderBy('i.value')
      .select('i.value', 'o.kind', 'o.name', 'o.search_name', 'o.legal_form', 'o.departement_code', 'o.region_code',
        'o.dissolved_on', 'o.provenance_status', 'o.provenance_source', 'o.version');
    const common = {
      kind: 'MISSION_LOCALE', legal_form: 'ASSOCIATION_1901', departement_code: '35', region_code: '53', dissolved_on: null,
      provenance_status: 'IMPORTED', provenance_source: 'UNML commune-coverage file "bretagne-2025.csv", imported 2025-01-01', version: 1,
    };
    expect(created).toEqual([
      { value: '35115', name: '35-ML PAYS DE FOUGERES', search_name: '35 ml pays de fougeres', ...common },
      { value: '35236', name: '35-ML PAYS DE REDON', search_name: '35 ml pays de redon', ...common },
      { value: '35288', name: '35-ML PAYS DE ST MALO', search_name: '35 ml pays de st malo', ...common },
      { value: '35360', name: '35-ML PAYS DE VITRE', search_name: '35 ml pays de vitre', ...common },
    ]);

    // The illustrative Fougères ML lost both its communes: its coverage and membership end, it is dissolved.
    const [illustrative] = await knex('organization').where('id', 3).select('name', 'dissolved_on', 'version');
    expect(illustrative).toEqual({ name: FOUGERES_ILLUSTRATIVE, dissolved_on: '2025-01-01', version: 2 });
    expect(await knex('commune_coverage').where('organization_id', 3).orderBy('commune_code').select('commune_code', 'start_date', 'end_date'))
      .toEqual([
        { commune_code: '35115', start_date: '2022-01-01', end_date: '2025-01-01' },
        { commune_code: '35168', start_date: '2022-01-01', end_date: '2025-01-01' },
      ]);
    expect(await knex('organization_link').where('member_id', 3).select('start_date', 'end_date'))
      .toEqual([{ start_date: '2000-01-01', end_date: '2025-01-01' }]);
    // Rennes is not in the file: untouched.
    expect(await knex('organization').where('id', 4).first('dissolved_on', 'version')).toEqual({ dissolved_on: null, version: 1 });

    // Over GraphQL: who covers which commune, before and after the import date.
    expect(await coveringNames(registry, '35115', '2024-06-01')).toEqual([FOUGERES_ILLUSTRATIVE]);
    expect(await coveringNames(registry, '35115', '2025-06-01')).toEqual(['35-ML PAYS DE FOUGERES']);
    expect(await coveringNames(registry, '35168', '2025-06-01')).toEqual(['35-ML PAYS DE REDON']);
    expect(await coveringNames(registry, '35015', '2025-06-01')).toEqual(['35-ML PAYS DE FOUGERES', '35-ML PAYS DE VITRE']);
    expect(await coveringNames(registry, '35238', '2025-06-01')).toEqual([RENNES_ILLUSTRATIVE]);

    expect(await byUnmlCode(registry, '35288', '2025-06-01')).toEqual({
      name: '35-ML PAYS DE ST MALO', kind: 'MISSION_LOCALE', legalForm: 'ASSOCIATION_1901', dissolvedOn: null,
      provenance: { status: 'IMPORTED', source: 'UNML commune-coverage file "bretagne-2025.csv", imported 2025-01-01' },
      departement: { code: '35' }, region: { code: '53' },
      parent: { name: 'Association régionale des Missions Locales de Bretagne' },
      formerNames: [],
      // "ST MALO" is found as Saint-Malo among the communes of postal code 35400.
      headOffice: { kind: 'HEAD_OFFICE', name: 'Siège', address: '6 r de la croix desilles', postalCode: '35400', commune: { code: '35288' }, latitude: null },
      communes: { totalCount: 3, nodes: [{ code: '35049' }, { code: '35093' }, { code: '35288' }] },
    });
    // Not a member before the import date.
    expect((await byUnmlCode(registry, '35288', '2024-06-01')).parent).toBeNull();
  });

  it('importing the same file again changes nothing, on the same day or later', async () => {
    const before = await snapshot(registry);
    for (const date of ['2025-01-01', '2025-06-01']) {
      const summary = await importFixture(registry, 'bretagne-2025.csv', date);
      expect(summary.status).toBe('IMPORTED');
      expect(summary.rows).toEqual({ read: 11, accepted: 11, rejected: 0 });
      noChange(summary, 4);
      expect(await snapshot(registry)).toEqual(before);
    }
  });

  it('imports the 2026 file: a rename, a move, a commune dropped, a new ML replacing illustrative Rennes', async () => {
    const before = await counts(knex);
    const [fougeresSite] = await knex('site as s').join('organization_identifier as i', 'i.organization_id', 's.organization_id')
      .where({ 'i.scheme': 'UNML_CODE', 'i.value': '35115' }).select('s.id');
    const summary = await importFixture(registry, 'bretagne-2026.csv', '2026-01-01');
    expect(summary).toMatchObject({
      status: 'IMPORTED',
      rows: { read: 13, accepted: 13, rejected: 0 },
      missionsLocales: { inFile: 5, created: 1, updated: 2, unchanged: 2, dissolved: 1 },
      communesCovered: 12,
      // Opened: Rennes' three communes. Ended: Cancale (dropped by Saint-Malo), Rennes (taken from the illustrative ML).
      coverage: { opened: 3, ended: 2 },
      memberships: { opened: 1, ended: 1 },
      headOffices: { created: 1, updated: 1 },
      rejections: [],
      warnings: [],
      dissolved: [{ id: 4, name: RENNES_ILLUSTRATIVE }],
      realLeftWithoutCoverage: [],
    });
    expect(await counts(knex)).toEqual({
      ...before,
      organization: before.organization + 1,
      organization_name: before.organization_name + 1,
      organization_identifier: before.organization_identifier + 1,
      organization_link: before.organization_link + 1,
      commune_coverage: before.commune_coverage + 3,
      site: before.site + 1,
    });

    // Renamed: the former name is kept until the import date; the head office is updated in place.
    const fougeres = await byUnmlCode(registry, '35115', '2026-06-01');
    expect(fougeres).toMatchObject({
      name: '35-ML DU PAYS DE FOUGERES',
      formerNames: [{ name: '35-ML PAYS DE FOUGERES', validUntil: '2026-01-01' }],
      headOffice: { address: '12 pl aristide briand', postalCode: '35300', commune: { code: '35115' } },
    });
    expect(await knex('organization_name').where('name', '35-ML PAYS DE FOUGERES').select('valid_from', 'valid_until'))
      .toEqual([{ valid_from: null, valid_until: '2026-01-01' }]);
    const [site] = await knex('site as s').join('organization_identifier as i', 'i.organization_id', 's.organization_id')
      .where({ 'i.scheme': 'UNML_CODE', 'i.value': '35115' }).select('s.id', 's.provenance_source');
    expect(site).toEqual({ id: fougeresSite.id, provenance_source: 'UNML commune-coverage file "bretagne-2026.csv", imported 2026-01-01' });
    expect(await knex('organization as o').join('organization_identifier as i', 'i.organization_id', 'o.id')
      .where('i.value', '35115').first('o.version', 'o.search_name')).toEqual({ version: 2, search_name: '35 ml du pays de fougeres' });

    // Cancale: covered by Saint-Malo in 2025, by nobody now.
    expect(await coveringNames(registry, '35049', '2025-06-01')).toEqual(['35-ML PAYS DE ST MALO']);
    expect(await coveringNames(registry, '35049', '2026-06-01')).toEqual([]);
    // Rennes: its head office is found from a CEDEX postal code, in the département.
    const rennes = await byUnmlCode(registry, '35238', '2026-06-01');
    expect(rennes).toMatchObject({
      name: '35-ML BASSIN D EMPLOI DE RENNES', departement: { code: '35' },
      headOffice: { address: '9 bd de la liberte', postalCode: '35702', commune: { code: '35238' } },
      communes: { totalCount: 3, nodes: [{ code: '35024' }, { code: '35238' }, { code: '35281' }] },
    });
    expect(await coveringNames(registry, '35238', '2026-06-01')).toEqual(['35-ML BASSIN D EMPLOI DE RENNES']);
    expect(await coveringNames(registry, '35238', '2025-06-01')).toEqual([RENNES_ILLUSTRATIVE]);
    expect(await knex('organization').where('id', 4).first('dissolved_on')).toEqual({ dissolved_on: '2026-01-01' });

    // No row is ever deleted: every coverage row of 2025 is still there, ended or not.
    const history = await knex('commune_coverage').where('commune_code', '35049').orderBy('id').select('start_date', 'end_date');
    expect(history).toEqual([{ start_date: '2025-01-01', end_date: '2026-01-01' }]);

    // And the same file again changes nothing.
    const snap = await snapshot(registry);
    noChange(await importFixture(registry, 'bretagne-2026.csv', '2026-01-01'), 5);
    expect(await snapshot(registry)).toEqual(snap);
  });
});

describe.each(databaseKinds())('rejected rows on %s', (kind) => {
  let registry: TestRegistry;
  let knex: Knex;
  beforeAll(async () => {
    registry = await startRegistry(kind, { network: tinyNetwork() });
    knex = knexOf(registry);
  });
  afterAll(() => registry?.stop());

  it('reports each broken row with its line and reason, and imports the valid rows', async () => {
    const before = await counts(knex);
    const summary = await importFixture(registry, 'broken-rows.csv', '2025-01-01');
    expect(summary.rejections.map((r) => [r.line, r.code])).toEqual([
      [4, RejectionCode.UNKNOWN_COMMUNE],
      [5, RejectionCode.COMMUNE_NOT_COVERABLE],
      [6, RejectionCode.REGION_WITHOUT_ARML],
      [7, RejectionCode.WRONG_COLUMN_COUNT],
      [8, RejectionCode.EMPTY_ML_CODE],
      [9, RejectionCode.ML_NAME_CONFLICT],
      [10, RejectionCode.ML_REGION_CONFLICT],
      [11, RejectionCode.DUPLICATE_ROW],
      [12, RejectionCode.COMMUNE_ON_SEVERAL_ML],
      [13, RejectionCode.COMMUNE_ON_SEVERAL_ML],
      [16, RejectionCode.INVALID_INSEE_CODE],
      [17, RejectionCode.INVALID_SHARED_FLAG],
      [18, RejectionCode.INVALID_REGION_CODE],
      [19, RejectionCode.INVALID_ML_CODE],
      [20, RejectionCode.EMPTY_ML_NAME],
    ]);
    expect(summary.rejections.find((r) => r.line === 9)!.message)
      .toBe('ML 35288 is named "35-ML SAINT-MALO" here but "35-ML PAYS DE ST MALO" on line 2');
    expect(summary.rejections.find((r) => r.line === 6)!.message).toBe('No ARML covers region 11 (Code Région ML)');
    // Fougères' head office names a town that does not exist: the ML is imported without one.
    expect(summary.warnings.map((w) => [w.line, w.code])).toEqual([[15, WarningCode.HEAD_OFFICE_UNRESOLVED]]);
    expect(summary).toMatchObject({
      status: 'IMPORTED',
      rows: { read: 18, accepted: 3, rejected: 15 },
      missionsLocales: { inFile: 2, created: 2, updated: 0, unchanged: 0, dissolved: 0 },
      communesCovered: 3,
      coverage: { opened: 3, ended: 1 },
      memberships: { opened: 2, ended: 0 },
      headOffices: { created: 1, updated: 0 },
    });
    expect(await counts(knex)).toEqual({
      ...before,
      organization: before.organization + 2,
      organization_identifier: before.organization_identifier + 2,
      organization_link: before.organization_link + 2,
      commune_coverage: before.commune_coverage + 3,
      site: before.site + 1,
    });

    expect(await byUnmlCode(registry, '35288', '2025-06-01')).toMatchObject({ communes: { totalCount: 2, nodes: [{ code: '35049' }, { code: '35288' }] } });
    // No head office, and the département of its communes.
    expect(await byUnmlCode(registry, '35115', '2025-06-01')).toMatchObject({
      headOffice: null, departement: { code: '35' }, communes: { totalCount: 1, nodes: [{ code: '35115' }] },
    });
    // The codes of rejected MLs created nothing.
    for (const code of ['75119', '35360']) {
      expect((await gql(registry, `{ organizationByIdentifier(scheme: UNML_CODE, value: "${code}") { name } }`)).organizationByIdentifier).toBeNull();
    }
    // The illustrative Fougères ML keeps Val d'Anast, so it is not dissolved.
    expect(await coveringNames(registry, '35168', '2025-06-01')).toEqual([FOUGERES_ILLUSTRATIVE]);
    expect(await knex('organization').where('id', 3).first('dissolved_on')).toEqual({ dissolved_on: null });
  });

  it('prints every rejected row and warning with its line number', async () => {
    const cli = await runCli(registry, fixture('broken-rows.csv'), '--date', '2025-01-01', '--dry-run');
    expect(cli.status).toBe(0);
    const lines = cli.stdout.split('\n');
    expect(lines).toContain('Rejected rows: 15');
    expect(lines).toContain('  line 7: WRONG_COLUMN_COUNT 12 columns instead of 13');
    expect(lines).toContain('  line 16: INVALID_INSEE_CODE "5115" is not an INSEE commune code (a leading zero lost by a spreadsheet?)');
    expect(lines).toContain('Warnings: 1');
    expect(lines.find((l) => l.startsWith('  line 15: HEAD_OFFICE_UNRESOLVED'))).toContain('"Fougeres-Sud" with postal code "35300"');
  });
});

/** The tiny network plus what real data brings: a second ARML, and official Missions Locales. */
function networkWithOfficialMissionsLocales(): SeedNetwork {
  const network = tinyNetwork();
  const official = { status: 'OFFICIAL' as const, source: 'test fixture (official)' };
  network.organizations.push(
    {
      key: 'arml-52', kind: 'ARML', name: 'Association régionale des Missions Locales des Pays de la Loire', legalForm: 'ASSOCIATION_1901',
      provenance: official, regions: [{ regionCode: '52', startDate: '2000-01-01' }],
      memberships: [{ parentKey: 'unml', kind: 'MEMBER_BY_RIGHT', startDate: '2000-01-01' }],
    },
    {
      // Redon's ML covers communes of three départements; bundled here as a member of the wrong ARML.
      key: 'ml-35-redon', kind: 'MISSION_LOCALE', name: 'Mission Locale du Pays de Redon et de Vilaine', legalForm: 'ASSOCIATION_1901',
      departementCode: '35', provenance: official, communes: ['35236', '44007'],
      identifiers: [{ scheme: 'UNML_CODE', value: '35236' }],
      memberships: [{ parentKey: 'arml-52', kind: 'MEMBER', startDate: '2000-01-01' }],
      sites: [{
        kind: 'HEAD_OFFICE', name: 'Siège', address: '1 place de la République', postalCode: '35600', communeCode: '35236',
        latitude: 47.65, longitude: -2.08, provenance: official,
      }],
    },
    {
      key: 'ml-35-bruz', kind: 'MISSION_LOCALE', name: 'Mission Locale de Bruz', legalForm: 'ASSOCIATION_1901',
      departementCode: '35', provenance: official, communes: ['35047'],
      memberships: [{ parentKey: 'arml-53', kind: 'MEMBER', startDate: '2000-01-01' }],
    },
  );
  return network;
}

describe.each(databaseKinds())('official Missions Locales on %s', (kind) => {
  let registry: TestRegistry;
  let knex: Knex;
  beforeAll(async () => {
    registry = await startRegistry(kind, { network: networkWithOfficialMissionsLocales() });
    knex = knexOf(registry);
  });
  afterAll(() => registry?.stop());

  it('updates an official ML found by its UNML code, moves it to its ARML, and never dissolves one left without communes', async () => {
    const [redon] = await knex('organization').where('name', 'Mission Locale du Pays de Redon et de Vilaine').select('id');
    const [bruz] = await knex('organization').where('name', 'Mission Locale de Bruz').select('id');
    const [headOffice] = await knex('site').where({ organization_id: redon.id, kind: 'HEAD_OFFICE' }).select('id');
    const summary = await importFixture(registry, 'official-network.csv', '2025-01-01');
    expect(summary).toMatchObject({
      rows: { read: 4, accepted: 4, rejected: 0 },
      missionsLocales: { inFile: 2, created: 1, updated: 1, unchanged: 0, dissolved: 0 },
      coverage: { opened: 2, ended: 1 },
      memberships: { opened: 2, ended: 1 },
      headOffices: { created: 1, updated: 1 },
      dissolved: [],
      realLeftWithoutCoverage: [{ id: bruz.id, name: 'Mission Locale de Bruz', provenance: 'OFFICIAL' }],
    });

    // Redon: renamed (former name kept), still OFFICIAL, now in ARML Bretagne, one more commune.
    expect(await byUnmlCode(registry, '35236', '2025-06-01')).toMatchObject({
      name: '35-ML PAYS DE REDON ET DE VILAINE',
      provenance: { status: 'OFFICIAL' },
      formerNames: [{ name: 'Mission Locale du Pays de Redon et de Vilaine', validUntil: '2025-01-01' }],
      parent: { name: 'Association régionale des Missions Locales de Bretagne' },
      // Updated in place: the coordinates of the former address are dropped.
      headOffice: { address: '3 r charles sillard', postalCode: '35600', commune: { code: '35236' }, latitude: null },
      communes: { totalCount: 3, nodes: [{ code: '35236' }, { code: '44007' }, { code: '44185' }] },
    });
    expect((await byUnmlCode(registry, '35236', '2024-06-01')).parent.name).toBe('Association régionale des Missions Locales des Pays de la Loire');
    expect(await knex('site').where({ organization_id: redon.id, kind: 'HEAD_OFFICE' }).select('id')).toEqual([headOffice]);
    expect(await knex('organization_link as l').join('organization as p', 'p.id', 'l.parent_id').where('l.member_id', redon.id)
      .orderBy('l.id').select('p.name', 'l.start_date', 'l.end_date', 'l.provenance_status')).toEqual([
      { name: 'Association régionale des Missions Locales des Pays de la Loire', start_date: '2000-01-01', end_date: '2025-01-01', provenance_status: 'OFFICIAL' },
      { name: 'Association régionale des Missions Locales de Bretagne', start_date: '2025-01-01', end_date: null, provenance_status: 'IMPORTED' },
    ]);

    // Bruz: its only commune went to the new ML; it stays, undissolved, for a person to decide.
    expect(await coveringNames(registry, '35047', '2025-06-01')).toEqual(['35-ML SUD RENNES']);
    expect(await knex('organization').where('id', bruz.id).first('dissolved_on', 'version')).toEqual({ dissolved_on: null, version: 1 });
    expect(await knex('organization_link').where('member_id', bruz.id).select('end_date')).toEqual([{ end_date: null }]);

    const cli = await runCli(registry, fixture('official-network.csv'), '--date', '2025-01-01');
    expect(cli.stdout).toContain('Missions Locales: 2 in the file, 0 created, 0 updated, 2 unchanged, 0 dissolved\n');
  });
});
