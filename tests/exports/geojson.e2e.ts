import { today } from '../../src/shared/dates';
import { bundle } from '../support/bundled';
import { databaseKinds } from '../support/databases';
import { startRegistry, TestRegistry } from '../support/registry';

/**
 * A map maker downloads the reception sites and the head offices as GeoJSON and puts them on a map
 * of France and its overseas regions; every feature links back to the API.
 */

/** Problems of a FeatureCollection of Points against RFC 7946 (§3.1.2, §3.2, §3.3, §4: no "crs"). */
function geoJsonProblems(fc: any): string[] {
  const problems: string[] = [];
  if (fc.type !== 'FeatureCollection') problems.push(`type is ${fc.type}`);
  if (!Array.isArray(fc.features)) return [...problems, 'features is not an array'];
  if ('crs' in fc) problems.push('RFC 7946 removed "crs": coordinates are WGS 84');
  fc.features.forEach((f: any, i: number) => {
    if (f.type !== 'Feature') problems.push(`features[${i}].type is ${f.type}`);
    if (f.id !== undefined && typeof f.id !== 'string' && typeof f.id !== 'number') problems.push(`features[${i}].id is neither a string nor a number`);
    if (typeof f.properties !== 'object' || Array.isArray(f.properties)) problems.push(`features[${i}].properties is not an object`);
    const g = f.geometry;
    if (g?.type !== 'Point') problems.push(`features[${i}].geometry is not a Point`);
    const c = g?.coordinates;
    if (!Array.isArray(c) || c.length !== 2 || c.some((n: unknown) => typeof n !== 'number' || !Number.isFinite(n))) {
      problems.push(`features[${i}] coordinates are not two numbers`);
    } else if (c[0] < -180 || c[0] > 180 || c[1] < -90 || c[1] > 90) {
      problems.push(`features[${i}] coordinates [${c}] are not longitude, latitude`);
    }
  });
  return problems;
}

/**
 * France with its overseas regions. The coarse box is lon -64..56, lat -22..52: Saint-Martin (region 978,
 * Mission Locale de Saint-Martin at -63.08) lies west of -62. The boxes per territory also catch a swapped
 * pair, which the coarse box alone would not ([48.8, -1.5] is inside it).
 */
const TERRITORIES: { name: string; lon: [number, number]; lat: [number, number] }[] = [
  { name: 'metropolitan France and Corsica', lon: [-5.3, 9.7], lat: [41.3, 51.2] },
  { name: 'Guadeloupe, Martinique, Saint-Martin, Saint-Barthélemy', lon: [-63.2, -60.7], lat: [14.3, 18.2] },
  { name: 'Guyane', lon: [-54.7, -51.5], lat: [2.1, 5.9] },
  { name: 'La Réunion', lon: [55.2, 55.9], lat: [-21.4, -20.8] },
  { name: 'Mayotte', lon: [44.9, 45.4], lat: [-13.1, -12.6] },
];
const inFrance = ([lon, lat]: [number, number]) => lon >= -64 && lon <= 56 && lat >= -22 && lat <= 52
  && TERRITORIES.some((t) => lon >= t.lon[0] && lon <= t.lon[1] && lat >= t.lat[0] && lat <= t.lat[1]);

const base = (r: TestRegistry) => r.url.replace(/\/graphql$/, '');

async function gql(r: TestRegistry, query: string, variables?: Record<string, unknown>) {
  const res = await r.query(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
}

interface GqlSite {
  id: string; kind: string; name: string; address: string | null; postalCode: string | null; latitude: number | null; longitude: number | null;
  commune: { code: string; name: string; region: { code: string; name: string } };
  provenance: { status: string; source: string };
}
interface GqlMissionLocale { id: string; name: string; parent: { id: string; name: string }; headOffice: GqlSite | null; sites: { totalCount: number; nodes: GqlSite[] } }

/** Every Mission Locale with its ARML, head office and sites, page by page, as a map would read them. */
async function missionsLocales(r: TestRegistry): Promise<GqlMissionLocale[]> {
  const site = 'id kind name address postalCode latitude longitude commune { code name region { code name } } provenance { status source }';
  const out: GqlMissionLocale[] = [];
  let after: string | null = null;
  do {
    const data: any = await gql(r, `query($after: String) { organizations(filter: { kinds: [MISSION_LOCALE] }, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { id name parent { id name } headOffice { ${site} } sites(first: 100) { totalCount nodes { ${site} } } } } }`, { after });
    out.push(...data.organizations.nodes);
    after = data.organizations.pageInfo.hasNextPage ? data.organizations.pageInfo.endCursor : null;
  } while (after);
  return out;
}

const placed = (s: GqlSite) => s.latitude !== null && s.longitude !== null;

describe.each(databaseKinds())('a map maker downloads the reception sites as GeoJSON on %s', (kind) => {
  let r: TestRegistry;
  let mls: GqlMissionLocale[];
  beforeAll(async () => {
    r = await startRegistry(kind, bundle());
    mls = await missionsLocales(r);
  });
  afterAll(() => r?.stop());

  async function download(path: string) {
    const res = await fetch(`${base(r)}${path}`);
    expect(res.status).toBe(200);
    return { res, body: (await res.json()) as any };
  }

  it('gets every site with known coordinates as a Point, [longitude, latitude], and the count of the others', async () => {
    const { res, body } = await download('/exports/sites.geojson');
    expect(res.headers.get('content-type')).toBe('application/geo+json');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="missions-locales-sites-${today()}.geojson"`);
    expect(geoJsonProblems(body)).toEqual([]);
    expect(body.as_of).toBe(today());

    const sites = mls.flatMap((ml) => ml.sites.nodes.map((s) => ({ ml, s })));
    expect(sites.length).toBe(mls.reduce((n, ml) => n + ml.sites.totalCount, 0));
    const withCoordinates = sites.filter(({ s }) => placed(s));
    expect(withCoordinates.length).toBeGreaterThan(0);
    expect(body.features).toHaveLength(withCoordinates.length);
    expect(body.skipped).toBe(sites.length - withCoordinates.length);

    const byApi = new Map(body.features.map((f: any) => [f.properties.api, f]));
    for (const { ml, s } of withCoordinates) {
      const f: any = byApi.get(s.id);
      expect(f).toBeDefined();
      expect(f.id).toBe(s.id);
      expect(f.geometry.coordinates).toEqual([s.longitude, s.latitude]);
      expect(f.properties).toMatchObject({
        name: s.name, kind: s.kind, organization_name: ml.name, organization_id: ml.id, arml_name: ml.parent.name, arml_id: ml.parent.id,
        commune_code: s.commune.code, commune_name: s.commune.name, region_code: s.commune.region.code, region_name: s.commune.region.name,
        postal_code: s.postalCode, address: s.address, provenance_status: s.provenance.status, provenance_source: s.provenance.source,
      });
    }
  });

  it('puts every point in France or one of its overseas regions', async () => {
    for (const path of ['/exports/sites.geojson', '/exports/head-offices.geojson']) {
      const { body } = await download(path);
      const outside = body.features.filter((f: any) => !inFrance(f.geometry.coordinates)).map((f: any) => `${f.properties.name} ${f.geometry.coordinates}`);
      expect(outside).toEqual([]);
    }
  });

  it('gets one head office per Mission Locale that has coordinates, with its region and ARML', async () => {
    const { res, body } = await download('/exports/head-offices.geojson');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="missions-locales-head-offices-${today()}.geojson"`);
    expect(geoJsonProblems(body)).toEqual([]);
    const expected = mls.filter((ml) => ml.headOffice && placed(ml.headOffice));
    expect(body.features.map((f: any) => f.properties.organization_id).sort()).toEqual(expected.map((ml) => ml.id).sort());
    expect(body.features.every((f: any) => f.properties.kind === 'HEAD_OFFICE')).toBe(true);
    expect(body.skipped).toBe(mls.filter((ml) => ml.headOffice && !placed(ml.headOffice)).length);

    const saintMartin = body.features.find((f: any) => f.properties.commune_code === '97801');
    expect(saintMartin?.properties).toMatchObject({ region_code: '978', region_name: 'Saint-Martin' });
  });

  it('links every feature back to the API: its `api` id resolves through node(id:)', async () => {
    const { body } = await download('/exports/sites.geojson');
    const ids = body.features.map((f: any) => f.properties.api);
    const data = await gql(r, 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Site { id name organization { id } } } }', { ids });
    expect(data.nodes.map((n: any) => n?.__typename)).toEqual(ids.map(() => 'Site'));
    expect(data.nodes.map((n: any) => [n.id, n.name, n.organization.id]))
      .toEqual(body.features.map((f: any) => [f.properties.api, f.properties.name, f.properties.organization_id]));
  });

  it('describes another day on request, and refuses a bad date or a history option', async () => {
    const { body } = await download('/exports/head-offices.geojson?asOf=2020-01-01');
    expect(body.as_of).toBe('2020-01-01');
    // Each feature carries the ARML of that day, as Organization.parent(asOf:) gives it: the Mission Locale de
    // Saint-Martin had none before ARML Antilles-Guyane was founded (5 December 2022).
    const parents = await gql(r, 'query($ids: [ID!]!) { nodes(ids: $ids) { ... on Organization { parent(asOf: "2020-01-01") { id name } } } }',
      { ids: body.features.map((f: any) => f.properties.organization_id) });
    expect(body.features.map((f: any) => [f.properties.arml_id, f.properties.arml_name]))
      .toEqual(parents.nodes.map((n: any) => [n.parent?.id ?? null, n.parent?.name ?? null]));
    expect(body.features.find((f: any) => f.properties.commune_code === '97801').properties).toMatchObject({ arml_id: null, arml_name: null });
    for (const query of ['?asOf=2020-13-01', '?history=true']) {
      const res = await fetch(`${base(r)}/exports/sites.geojson${query}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    expect((await fetch(`${base(r)}/exports/head-offices.geojson`, { method: 'DELETE' })).status).toBe(405);
  });
});
