import type { EntityManager, Knex } from '@mikro-orm/knex';
import { COVERAGE_COLUMNS, readCoverageFile, RejectionCode } from '../../src/modules/coverage-import/coverage-file';
import { CoverageImportSummary, importCoverage } from '../../src/modules/coverage-import/coverage-import.service';
import { today } from '../../src/shared/dates';
import { bundle } from '../support/bundled';
import { databaseKinds } from '../support/databases';
import { startRegistry, TestRegistry } from '../support/registry';

/**
 * UNML's secretariat downloads the registry's coverage in its own file format, and the importer
 * reads it back: importing what was exported, on the same day, changes nothing.
 */

const base = (r: TestRegistry) => r.url.replace(/\/graphql$/, '');
const knexOf = (r: TestRegistry): Knex => (r.orm.em as EntityManager).getKnex();

async function download(r: TestRegistry, query = '') {
  const res = await fetch(`${base(r)}/exports/coverage.csv${query}`);
  // The raw bytes: Response.text() would drop the BOM.
  return { res, text: Buffer.from(await res.arrayBuffer()).toString('utf8') };
}

/** The data rows of the file, split by the importer's own reader. */
function rowsOf(text: string): string[][] {
  return readCoverageFile(Buffer.from(text, 'utf8')).map((r) => r.fields);
}
const column = (name: (typeof COVERAGE_COLUMNS)[number]) => COVERAGE_COLUMNS.indexOf(name);

/** Tables an import writes to: every row, so equal snapshots mean nothing changed. */
async function snapshot(knex: Knex) {
  const out: Record<string, unknown[]> = {};
  for (const t of ['organization', 'organization_name', 'organization_identifier', 'organization_link', 'commune_coverage', 'site']) {
    out[t] = await knex(t).select('*').orderBy('id');
  }
  return out;
}

/** Nothing created, updated, opened, ended or dissolved; `unchanged` Missions Locales matched by their code. */
function expectNoChange(summary: CoverageImportSummary, unchanged: number) {
  expect(summary.missionsLocales).toEqual({ inFile: unchanged, created: 0, updated: 0, unchanged, dissolved: 0 });
  expect(summary.coverage).toEqual({ opened: 0, ended: 0 });
  expect(summary.memberships).toEqual({ opened: 0, ended: 0 });
  expect(summary.headOffices).toEqual({ created: 0, updated: 0 });
  expect(summary.dissolved).toEqual([]);
  expect(summary.realLeftWithoutCoverage).toEqual([]);
  expect(summary.warnings).toEqual([]);
}

/** Communes each Mission Locale covers today, over GraphQL, summed over the network. */
async function communesCoveredByMissionsLocales(r: TestRegistry): Promise<number> {
  let total = 0;
  let after: string | null = null;
  do {
    const res: any = await r.query(`query($after: String) { organizations(filter: { kinds: [MISSION_LOCALE] }, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor } nodes { communes { totalCount } } } }`, { after });
    expect(res.errors).toBeUndefined();
    total += res.data.organizations.nodes.reduce((n: number, ml: any) => n + ml.communes.totalCount, 0);
    after = res.data.organizations.pageInfo.hasNextPage ? res.data.organizations.pageInfo.endCursor : null;
  } while (after);
  return total;
}

describe.each(databaseKinds())('UNML downloads the coverage in its own file format on %s', (kind) => {
  let r: TestRegistry;
  let knex: Knex;
  beforeAll(async () => {
    r = await startRegistry(kind, bundle());
    knex = knexOf(r);
  });
  afterAll(() => r?.stop());

  it('gets a `;`-separated UTF-8 file with the importer’s header, one row per commune covered', async () => {
    const { res, text } = await download(r);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="missions-locales-coverage-${today()}.csv"`);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')[0]).toBe(COVERAGE_COLUMNS.join(';'));

    const rows = rowsOf(text);
    expect(rows.every((f) => f.length === COVERAGE_COLUMNS.length)).toBe(true);
    expect(rows.length).toBe(await communesCoveredByMissionsLocales(r));
    expect(new Set(rows.map((f) => f[column('Nom Officiel ML')])).size).toBe(437);
    // The bundled coverage is exact: no commune is on several Missions Locales.
    expect(new Set(rows.map((f) => f[column('Commune présente sur plusieurs ML')]))).toEqual(new Set(['Non']));
    const redon = rows.find((f) => f[column('Code INSEE')] === '35236')!;
    expect(redon.slice(0, 5)).toEqual(['35236', 'Redon', 'Ille-et-Vilaine(35)', 'Bretagne(53)', '53']);
  });

  it('reads back through the importer with no change: the Missions Locales without a UNML code are left out, not duplicated', async () => {
    const { text } = await download(r);
    const rows = rowsOf(text);
    const coded = rows.filter((f) => f[column('Code ML')] !== '');
    const codedMls = new Set(coded.map((f) => f[column('Code ML')]));
    // The bundle knows the UNML code of 4 Missions Locales (the official ones of the importer's fixtures).
    expect(codedMls.size).toBe(Number((await knex('organization_identifier').where('scheme', 'UNML_CODE').count({ n: '*' }))[0].n));
    expect(codedMls.size).toBeGreaterThan(0);

    const before = await snapshot(knex);
    const summary = await importCoverage(knex, Buffer.from(text, 'utf8'), { date: today(), fileName: 'export.csv', dryRun: true });
    expect(summary.status).toBe('DRY_RUN');
    expectNoChange(summary, codedMls.size);
    expect(summary.rows).toEqual({ read: rows.length, accepted: coded.length, rejected: rows.length - coded.length });
    expect(new Set(summary.rejections.map((x) => x.code))).toEqual(new Set([RejectionCode.EMPTY_ML_CODE]));
    expect(await snapshot(knex)).toEqual(before);
  });

  it('refuses a date that is not YYYY-MM-DD with a JSON error', async () => {
    for (const asOf of ['2025-02-30', '30/11/2025', '']) {
      const { res, text } = await download(r, `?asOf=${encodeURIComponent(asOf)}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = JSON.parse(text);
      expect(body.errors[0].message).toMatch(/asOf must be a calendar date written YYYY-MM-DD/);
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    expect((await fetch(`${base(r)}/exports/coverage.csv`, { method: 'PUT', body: 'x' })).status).toBe(405);
  });

  it('describes the coverage of another day: the bundled coverage is recorded from 1 January 2022', async () => {
    const todayRows = rowsOf((await download(r)).text).length;
    expect(rowsOf((await download(r, '?asOf=2022-01-01')).text)).toHaveLength(todayRows);
    const before = (await download(r, '?asOf=2021-12-31')).text;
    expect(before).toBe(`\uFEFF${COVERAGE_COLUMNS.join(';')}\r\n`);
  });

  // Last: it gives every Mission Locale a UNML code and lets a commune be shared.
  it('round-trips the whole network once every Mission Locale has a UNML code, shared communes included', async () => {
    // As if UNML's file had been imported once: every Mission Locale gets a code ("T" + its id).
    const uncoded = await knex('organization as o').select('o.id').where('o.kind', 'MISSION_LOCALE')
      .whereNotExists(knex('organization_identifier as i').whereRaw('i.organization_id = o.id').where('i.scheme', 'UNML_CODE'));
    await knex('organization_identifier').insert(uncoded.map((o) => ({ organization_id: o.id, scheme: 'UNML_CODE', value: `T${o.id}` })));
    // Redon (35236) is also served by a second Mission Locale since 2020.
    const redon = await knex('commune_coverage').where('commune_code', '35236').whereNull('end_date').first();
    const other = await knex('organization').where('kind', 'MISSION_LOCALE').whereNot('id', redon.organization_id).where('region_code', '53').orderBy('id').first();
    await knex('commune_coverage').insert({ organization_id: other.id, commune_code: '35236', start_date: '2020-01-01', end_date: null, provenance_status: 'ILLUSTRATIVE', provenance_source: 'export test' });

    const { text } = await download(r);
    const rows = rowsOf(text);
    expect(rows.every((f) => f[column('Code ML')] !== '')).toBe(true);
    const redonRows = rows.filter((f) => f[column('Code INSEE')] === '35236');
    expect(redonRows.map((f) => f[column('Code ML')]).sort()).toEqual([`T${redon.organization_id}`, `T${other.id}`].sort());
    expect(redonRows.map((f) => f[column('Commune présente sur plusieurs ML')])).toEqual(['Oui', 'Oui']);
    expect(rows.filter((f) => f[column('Commune présente sur plusieurs ML')] === 'Oui')).toHaveLength(2);

    // A real import this time, not a dry run: it must find everything as it is and write nothing.
    const before = await snapshot(knex);
    const summary = await importCoverage(knex, Buffer.from(text, 'utf8'), { date: today(), fileName: 'export.csv' });
    expect(summary.status).toBe('IMPORTED');
    expect(summary.rows).toEqual({ read: rows.length, accepted: rows.length, rejected: 0 });
    expect(summary.rejections).toEqual([]);
    expectNoChange(summary, 437);
    expect(await snapshot(knex)).toEqual(before);
  });
});
