/**
 * Raw baseline: a plain node:http server with hand-written SQL that answers the bench's W1, W3,
 * W4 and W6 operations with JSON byte-identical to the registry's (checked at the start of each run).
 * No GraphQL engine, no ORM: it shows what the service's layers cost on the same data and drivers.
 *
 * Environment: DATABASE_URL (PostgreSQL) or SQLITE_PATH, PORT. Prints "Baseline ready" when listening.
 * Each reply carries `x-sql-statements`, the number of statements it ran.
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { W1, W3, W4, W6 } from '../workloads';
import { binary, Db, inList, openPostgres, openSqlite } from './db';

/** One request's view of the database: counts the statements it runs. */
class Sql {
  statements = 0;
  constructor(readonly db: Db) {}
  all<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    this.statements++;
    return this.db.all<T>(sql, params);
  }
  /** Byte-wise text ordering in this dialect. */
  get binary(): string {
    return binary(this.db.dialect);
  }
}

class BadRequest extends Error {}

const today = () => new Date().toISOString().slice(0, 10);
const globalId = (typename: string, key: string | number) => Buffer.from(`${typename}:${key}`, 'utf8').toString('base64url');
const codeName = (code: string | null, name: string | null) => (code == null || name == null ? null : { code, name });

function dateOf(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new BadRequest('asOf must be a YYYY-MM-DD date');
  return value;
}

function organizationKey(id: unknown): number {
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,200}$/.test(id)) throw new BadRequest('Not an organization id');
  const m = /^Organization:(\d{1,9})$/.exec(Buffer.from(id, 'base64url').toString('utf8'));
  if (!m) throw new BadRequest('Not an organization id');
  return Number(m[1]);
}

/** Rows active on `day`: started by then, not ended (an end date is the first day it no longer applies). */
const active = (alias: string) => `${alias}.start_date <= ? and (${alias}.end_date is null or ${alias}.end_date > ?)`;

interface OrgRow {
  id: number; kind: string; name: string; short_name: string | null; legal_form: string; founded_on: string | null;
  dissolved_on: string | null; website: string | null; version: number; provenance_status: string; provenance_source: string;
  office_phone: string | null; office_email: string | null; office_address: string | null;
  region_code: string | null; region_name: string | null; departement_code: string | null; departement_name: string | null;
}

/** W1: one organization with its main fields. */
async function organization(sql: Sql, variables: Record<string, unknown>) {
  const id = organizationKey(variables.id);
  const [o] = await sql.all<OrgRow>(
    `select o.id, o.kind, o.name, o.short_name, o.legal_form, o.founded_on, o.dissolved_on, o.website, o.version,
            o.provenance_status, o.provenance_source, o.office_phone, o.office_email, o.office_address,
            o.region_code, r.name as region_name, o.departement_code, d.name as departement_name
       from organization o
       left join region r on r.code = o.region_code
       left join departement d on d.code = o.departement_code
      where o.id = ?`, [id]);
  if (!o) return { organization: null };
  const identifiers = await sql.all<{ scheme: string; value: string }>(
    'select scheme, value from organization_identifier where organization_id = ? order by scheme asc, value asc', [id]);
  return {
    organization: {
      id: globalId('Organization', o.id), kind: o.kind, name: o.name, shortName: o.short_name, legalForm: o.legal_form,
      foundedOn: o.founded_on, dissolvedOn: o.dissolved_on, website: o.website, version: Number(o.version),
      provenance: { status: o.provenance_status, source: o.provenance_source },
      officeContact: { phone: o.office_phone, email: o.office_email, address: o.office_address },
      identifiers: identifiers.map((i) => ({ scheme: i.scheme, value: i.value })),
      region: codeName(o.region_code, o.region_name),
      departement: codeName(o.departement_code, o.departement_name),
    },
  };
}

interface GovernanceRows {
  bodiesOf: Map<number, { kind: string; name: string; composition: CompositionRow[] }[]>;
}
interface CompositionRow {
  role: string; post_kind: string; post_label: string; given_name: string | null; family_name: string | null;
}

/**
 * W4's governance of some organizations on `day`: their bodies (by id) and, per body, the mandates in
 * effect (not corrected), post by post, titulaires first, then by start date and id.
 */
async function governanceOf(sql: Sql, ids: number[], day: string): Promise<GovernanceRows> {
  const bodies = await sql.all<{ id: number; organization_id: number; kind: string; name: string }>(
    `select id, organization_id, kind, name from governing_body where organization_id in ${inList(ids)} order by id`, ids);
  const mandates = await sql.all<CompositionRow & { body_id: number }>(
    `select t.body_id, m.role, p.kind as post_kind, p.label as post_label, pe.given_name, pe.family_name
       from mandate m
       join body_term t on t.id = m.term_id
       join post p on p.id = m.post_id
       left join person pe on pe.id = m.person_id
      where t.body_id in (select id from governing_body where organization_id in ${inList(ids)})
        and m.corrected_by_id is null and ${active('m')}
      order by t.body_id, m.post_id, case when m.role = 'TITULAIRE' then 0 else 1 end, m.start_date, m.id`, [...ids, day, day]);
  const compositionOf = new Map<number, CompositionRow[]>(bodies.map((b) => [b.id, []]));
  for (const m of mandates) compositionOf.get(m.body_id)!.push(m);
  const bodiesOf = new Map<number, { kind: string; name: string; composition: CompositionRow[] }[]>(ids.map((id) => [id, []]));
  for (const b of bodies) bodiesOf.get(b.organization_id)!.push({ kind: b.kind, name: b.name, composition: compositionOf.get(b.id)! });
  return { bodiesOf };
}

/** W4's fields of one Mission Locale: its president (titulaire of its board's PRESIDENT post) and its bodies' compositions. */
function governanceFields(rows: GovernanceRows, id: number) {
  const bodies = rows.bodiesOf.get(id)!;
  const president = bodies.find((b) => b.kind === 'BOARD')?.composition.find((m) => m.post_kind === 'PRESIDENT' && m.role === 'TITULAIRE');
  return {
    president: president && president.given_name !== null ? { givenName: president.given_name, familyName: president.family_name } : null,
    governingBodies: bodies.map((b) => ({
      kind: b.kind, name: b.name,
      composition: {
        totalCount: b.composition.length,
        nodes: b.composition.slice(0, 100).map((m) => ({
          role: m.role, post: { kind: m.post_kind, label: m.post_label },
          person: m.given_name === null ? null : { givenName: m.given_name, familyName: m.family_name },
        })),
      },
    })),
  };
}

/**
 * W3: UNML → its ARML on today's date → their Missions Locales (100 each at most), with coverage and site counts.
 * W4: the same on a date, plus each Mission Locale's president and bodies with their compositions.
 */
async function networkMap(sql: Sql, day: string, withGovernance: boolean) {
  const [unml] = await sql.all<{ id: number; name: string }>(
    `select id, name from organization where kind = 'UNML' and dissolved_on is null order by id asc limit 1`);
  if (!unml) throw new Error('no UNML');
  const armls = await sql.all<{ id: number; name: string; short_name: string | null }>(
    `select o.id, o.name, o.short_name
       from organization_link l join organization o on o.id = l.member_id
      where l.parent_id = ? and ${active('l')}
      order by o.search_name ${sql.binary}, o.id`, [unml.id, day, day]);
  const page = armls.slice(0, 100);
  const ids = page.map((a) => a.id);
  const regions = await sql.all<{ organization_id: number; code: string; name: string }>(
    `select x.organization_id, r.code, r.name
       from organization_region x join region r on r.code = x.region_code
      where x.organization_id in ${inList(ids)} and ${active('x')}
      order by x.organization_id, x.start_date asc, x.region_code asc`, [...ids, day, day]);
  const members = await sql.all<{
    parent_id: number; id: number; name: string; region_code: string | null; region_name: string | null;
    departement_code: string | null; departement_name: string | null; total: number; communes: number; sites: number;
  }>(
    `select m.*,
            (select count(*) from commune_coverage cc where cc.organization_id = m.id and ${active('cc')}) as communes,
            (select count(*) from site s where s.organization_id = m.id) as sites
       from (select l.parent_id, o.id, o.name, o.region_code, r.name as region_name, o.departement_code, d.name as departement_name,
                    row_number() over (partition by l.parent_id order by o.search_name ${sql.binary}, o.id) as rn,
                    count(*) over (partition by l.parent_id) as total
               from organization_link l
               join organization o on o.id = l.member_id
               left join region r on r.code = o.region_code
               left join departement d on d.code = o.departement_code
              where l.parent_id in ${inList(ids)} and ${active('l')}) m
      where m.rn <= 100
      order by m.parent_id, m.rn`, [day, day, ...ids, day, day]);
  const regionsOf = new Map<number, { code: string; name: string }[]>(ids.map((id) => [id, []]));
  for (const r of regions) regionsOf.get(r.organization_id)!.push({ code: r.code, name: r.name });
  const membersOf = new Map<number, typeof members>(ids.map((id) => [id, []]));
  for (const m of members) membersOf.get(m.parent_id)!.push(m);
  const governance = withGovernance && members.length ? await governanceOf(sql, members.map((m) => m.id), day) : undefined;
  return {
    unml: {
      id: globalId('Organization', unml.id), name: unml.name,
      members: {
        totalCount: armls.length,
        nodes: page.map((a) => {
          const mls = membersOf.get(a.id)!;
          return {
            id: globalId('Organization', a.id), name: a.name, shortName: a.short_name,
            regions: regionsOf.get(a.id)!,
            members: {
              totalCount: mls.length ? Number(mls[0].total) : 0,
              nodes: mls.map((m) => ({
                id: globalId('Organization', m.id), name: m.name,
                region: codeName(m.region_code, m.region_name),
                departement: codeName(m.departement_code, m.departement_name),
                communes: { totalCount: Number(m.communes) },
                sites: { totalCount: Number(m.sites) },
                ...(governance ? governanceFields(governance, m.id) : {}),
              })),
            },
          };
        }),
      },
    },
  };
}

/** W6: communes of a postal code (100 at most, by INSEE code) with the Missions Locales serving them today. */
async function communesByPostalCode(sql: Sql, variables: Record<string, unknown>) {
  const day = today();
  const postalCode = String(variables.postalCode ?? '');
  const communes = await sql.all<{ code: string; name: string; population: number | null; departement_code: string; departement_name: string; total: number }>(
    `select c.code, c.name, c.population, c.departement_code, d.name as departement_name, count(*) over () as total
       from commune c join departement d on d.code = c.departement_code
      where c.code in (select commune_code from commune_postal_code where postal_code = ?)
      order by c.code
      limit 100`, [postalCode]);
  const codes = communes.map((c) => c.code);
  const [postal, serving] = codes.length
    ? await Promise.all([
      sql.all<{ commune_code: string; postal_code: string }>(
        `select commune_code, postal_code from commune_postal_code where commune_code in ${inList(codes)} order by commune_code, postal_code`, codes),
      // A commune split in arrondissements (Paris, Lyon, Marseille) is served through them.
      sql.all<{ code: string; parent_code: string | null; id: number; name: string }>(
        `select c.code, c.parent_code, o.id, o.name
           from commune_coverage cc
           join commune c on c.code = cc.commune_code
           join organization o on o.id = cc.organization_id
          where (c.code in ${inList(codes)} or c.parent_code in ${inList(codes)}) and ${active('cc')}
          order by o.search_name ${sql.binary}, o.id`, [...codes, ...codes, day, day]),
    ])
    : [[], []];
  const postalOf = new Map<string, string[]>(codes.map((c) => [c, []]));
  for (const p of postal) postalOf.get(p.commune_code)!.push(p.postal_code);
  const servingOf = new Map<string, Map<number, { id: string; name: string }>>(codes.map((c) => [c, new Map()]));
  for (const s of serving) {
    for (const key of s.parent_code ? [s.code, s.parent_code] : [s.code]) {
      servingOf.get(key)?.set(s.id, { id: globalId('Organization', s.id), name: s.name });
    }
  }
  return {
    communes: {
      totalCount: communes.length ? Number(communes[0].total) : 0,
      nodes: communes.map((c) => ({
        code: c.code, name: c.name, population: c.population == null ? null : Number(c.population),
        postalCodes: postalOf.get(c.code)!,
        departement: { code: c.departement_code, name: c.departement_name },
        missionsLocales: [...servingOf.get(c.code)!.values()],
      })),
    },
  };
}

type Handler = (sql: Sql, variables: Record<string, unknown>) => Promise<unknown>;

/** The operations served, by their exact query text (the bench sends these strings). */
export const HANDLERS = new Map<string, Handler>([
  [W1, organization],
  [W3, (sql) => networkMap(sql, today(), false)],
  [W4, (sql, variables) => networkMap(sql, dateOf(variables.asOf), true)],
  [W6, communesByPostalCode],
]);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startBaseline(db: Db, port: number) {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const sql = new Sql(db);
      try {
        if (req.method !== 'POST' || req.url !== '/graphql') throw new BadRequest('POST /graphql only');
        const { query, variables } = JSON.parse(await readBody(req)) as { query: string; variables?: Record<string, unknown> };
        const handler = HANDLERS.get(query);
        if (!handler) throw new BadRequest('Operation not served by the baseline');
        const data = await handler(sql, variables ?? {});
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-sql-statements': String(sql.statements) });
        res.end(`${JSON.stringify({ data })}\n`);
      } catch (err) {
        const status = err instanceof BadRequest || err instanceof SyntaxError ? 400 : 500;
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(`${JSON.stringify({ errors: [{ message: String((err as Error).message ?? err) }] })}\n`);
      }
    })();
  });
  return new Promise<typeof server>((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

async function main() {
  const db = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : await openSqlite(process.env.SQLITE_PATH ?? 'data/registry.sqlite');
  const server = await startBaseline(db, Number(process.env.PORT ?? 4001));
  console.log(JSON.stringify({ message: `Baseline ready at http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, database: db.dialect }));
  const stop = () => server.close(() => void db.close().then(() => process.exit(0)));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
