import { AccessRole } from '../../src/modules/access/caller';
import { addDays, today } from '../../src/shared/dates';
import { bundle } from '../support/bundled';
import { databaseKinds } from '../support/databases';
import { startRegistry, TestRegistry } from '../support/registry';

/**
 * An integrator downloads the network in Popolo JSON from the running registry, anonymously, and
 * checks it against the Popolo schemas and against what the GraphQL API says.
 */

// ---------------------------------------------------------------------------------------------
// A small validator written from the Popolo JSON Schemas (draft-03) of popolo-project/popolo-spec:
// schemas/organization.json, person.json, post.json, membership.json, and the nested
// identifier.json, other_name.json, link.json. The types are the current schemas'. The current
// schemas require only nested fields (identifier.identifier, other_name.name, link.url); the first
// published ones also required organization.name, person.name, post.id/label/role/organization_id
// and membership.organization_id: the export keeps to both, so both lists are checked.
// `additionalProperties` is not restricted by the schemas: foreign members (body_name...) are allowed.
// ---------------------------------------------------------------------------------------------
type JsonType = 'string' | 'null' | 'array' | 'object' | 'number' | 'boolean';
interface Shape {
  required: string[];
  types: Record<string, JsonType[]>;
  /** The schemas' date pattern, for the date properties. */
  dates?: string[];
  /** Array properties and the shape of their items. */
  items?: Record<string, Shape>;
  /** Properties with `format: uri`. */
  uris?: string[];
}
const POPOLO_DATE = /^[0-9]{4}(-[0-9]{2}){0,2}$/;
const S_N: JsonType[] = ['string', 'null'];

const IDENTIFIER: Shape = { required: ['identifier'], types: { identifier: ['string'], scheme: S_N } };
const OTHER_NAME: Shape = {
  required: ['name'], types: { name: ['string'], start_date: S_N, end_date: S_N, note: S_N }, dates: ['start_date', 'end_date'],
};
const LINK: Shape = { required: ['url'], types: { url: ['string'], note: S_N }, uris: ['url'] };
const ORGANIZATION: Shape = {
  required: ['name'],
  types: {
    id: S_N, name: S_N, classification: S_N, parent_id: S_N, founding_date: S_N, dissolution_date: S_N,
    identifiers: ['array'], other_names: ['array'], links: ['array'],
  },
  dates: ['founding_date', 'dissolution_date'],
  items: { identifiers: IDENTIFIER, other_names: OTHER_NAME, links: LINK },
};
const PERSON: Shape = { required: ['name'], types: { id: S_N, name: S_N, given_name: S_N, family_name: S_N } };
const POST: Shape = {
  required: ['id', 'label', 'role', 'organization_id'],
  types: { id: S_N, label: S_N, role: S_N, organization_id: S_N, start_date: S_N, end_date: S_N },
  dates: ['start_date', 'end_date'],
};
const MEMBERSHIP: Shape = {
  required: ['organization_id'],
  types: {
    id: S_N, label: S_N, role: S_N, member: ['object', 'null'], person_id: S_N, organization_id: S_N, post_id: S_N,
    on_behalf_of_id: S_N, start_date: S_N, end_date: S_N,
  },
  dates: ['start_date', 'end_date'],
};

const typeOf = (v: unknown): JsonType => (v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as JsonType));

/** The problems of one object against a shape, with their paths; empty when it conforms. */
function popoloProblems(obj: Record<string, unknown>, shape: Shape, path: string): string[] {
  const problems: string[] = [];
  for (const key of shape.required) if (obj[key] === undefined || obj[key] === null) problems.push(`${path}.${key} is required`);
  for (const [key, types] of Object.entries(shape.types)) {
    if (obj[key] !== undefined && !types.includes(typeOf(obj[key]))) problems.push(`${path}.${key} is ${typeOf(obj[key])}, not ${types.join('|')}`);
  }
  for (const key of shape.dates ?? []) {
    if (typeof obj[key] === 'string' && !POPOLO_DATE.test(obj[key] as string)) problems.push(`${path}.${key} "${obj[key]}" is not a Popolo date`);
  }
  for (const key of shape.uris ?? []) {
    if (typeof obj[key] === 'string' && !URL.canParse(obj[key] as string)) problems.push(`${path}.${key} is not a URI`);
  }
  for (const [key, itemShape] of Object.entries(shape.items ?? {})) {
    ((obj[key] as Record<string, unknown>[] | undefined) ?? []).forEach((item, i) => problems.push(...popoloProblems(item, itemShape, `${path}.${key}[${i}]`)));
  }
  return problems;
}

/** Every problem of an export: the schemas, and this export's own contract (ids always set, full YYYY-MM-DD dates). */
function exportProblems(body: any): string[] {
  const problems: string[] = [];
  const classes: [string, Shape][] = [['organizations', ORGANIZATION], ['persons', PERSON], ['posts', POST], ['memberships', MEMBERSHIP]];
  for (const [key, shape] of classes) {
    (body[key] as Record<string, unknown>[]).forEach((obj, i) => {
      problems.push(...popoloProblems(obj, shape, `${key}[${i}]`));
      if (typeof obj.id !== 'string' || obj.id === '') problems.push(`${key}[${i}].id is not set`);
      for (const d of ['founding_date', 'dissolution_date', 'start_date', 'end_date']) {
        if (obj[d] !== undefined && obj[d] !== null && !/^\d{4}-\d{2}-\d{2}$/.test(obj[d] as string)) problems.push(`${key}[${i}].${d} is not YYYY-MM-DD`);
      }
    });
  }
  return problems;
}

/** References that point to no object of the export. */
function danglingReferences(body: any): string[] {
  const orgs = new Set(body.organizations.map((o: any) => o.id));
  const persons = new Set(body.persons.map((p: any) => p.id));
  const posts = new Set(body.posts.map((p: any) => p.id));
  const dangling: string[] = [];
  const check = (set: Set<unknown>, id: string | null | undefined, where: string) => {
    if (id !== null && id !== undefined && !set.has(id)) dangling.push(`${where} → ${id}`);
  };
  for (const o of body.organizations) check(orgs, o.parent_id, `organization ${o.id} parent_id`);
  for (const p of body.posts) check(orgs, p.organization_id, `post ${p.id} organization_id`);
  for (const m of body.memberships) {
    check(orgs, m.organization_id, `membership ${m.id} organization_id`);
    check(persons, m.person_id, `membership ${m.id} person_id`);
    check(orgs, m.member?.id, `membership ${m.id} member`);
    check(posts, m.post_id, `membership ${m.id} post_id`);
    check(orgs, m.on_behalf_of_id, `membership ${m.id} on_behalf_of_id`);
    if ((m.person_id === undefined) === (m.member === undefined)) dangling.push(`membership ${m.id} needs exactly one of person_id and member`);
  }
  return dangling;
}

const base = (r: TestRegistry) => r.url.replace(/\/graphql$/, '');

async function getPopolo(r: TestRegistry, query = '') {
  const res = await fetch(`${base(r)}/exports/popolo.json${query}`);
  return { res, text: await res.text() };
}

async function gql(r: TestRegistry, query: string, variables?: Record<string, unknown>, token?: string) {
  const res = await r.query(query, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data;
}

/** Number of organizations of a kind existing on a day, per GraphQL. */
async function countOf(r: TestRegistry, kind: string, activeOn: string): Promise<number> {
  const data = await gql(r, `query($kinds: [OrganizationKind!], $on: Date) { organizations(filter: { kinds: $kinds, activeOn: $on }) { totalCount } }`,
    { kinds: [kind], on: activeOn });
  return data.organizations.totalCount;
}

/** Global ids → typename, through `nodes(ids:)`, 100 at a time. */
async function typenames(r: TestRegistry, ids: string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    const data = await gql(r, 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids: chunk });
    chunk.forEach((id, j) => out.set(id, data.nodes[j]?.__typename ?? null));
  }
  return out;
}

describe.each(databaseKinds())('an integrator downloads the network in Popolo JSON on %s', (kind) => {
  let r: TestRegistry;
  let current: any;
  beforeAll(async () => {
    r = await startRegistry(kind, bundle());
    const { res, text } = await getPopolo(r);
    expect(res.status).toBe(200);
    current = JSON.parse(text);
  });
  afterAll(() => r?.stop());

  it('gets today’s network anonymously, as a JSON file to download', async () => {
    const { res } = await getPopolo(r);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="missions-locales-popolo-${today()}.json"`);
    expect(current.meta).toMatchObject({ as_of: today(), history: false });
    expect(current.meta.note).toMatch(/end_date here is the registry's end date minus one day/);
    expect(current.meta.counts).toEqual({
      organizations: current.organizations.length, persons: current.persons.length,
      posts: current.posts.length, memberships: current.memberships.length,
    });
  });

  it('conforms to the Popolo schemas, and every reference resolves inside the file', () => {
    expect(exportProblems(current)).toEqual([]);
    expect(danglingReferences(current)).toEqual([]);
    expect(current.persons.length).toBeGreaterThan(1000);
    expect(current.posts.length).toBeGreaterThan(1000);
    expect(current.memberships.filter((m: any) => m.person_id).length).toBeGreaterThan(1000);
    // Organizations holding a seat by right are members too (the ARML in the CREFOP).
    expect(current.memberships.some((m: any) => m.member && m.post_id)).toBe(true);
  });

  it('counts the same Missions Locales, ARML and partners as the GraphQL API, today and in 2015', async () => {
    const count = (body: any, k: string) => body.organizations.filter((o: any) => o.classification === k).length;
    expect(count(current, 'MISSION_LOCALE')).toBe(437);
    expect(count(current, 'ARML')).toBe(15);
    for (const k of ['UNML', 'ARML', 'MISSION_LOCALE', 'PARTNER']) expect(count(current, k)).toBe(await countOf(r, k, today()));

    const before = JSON.parse((await getPopolo(r, '?asOf=2015-06-01')).text);
    expect(before.meta.as_of).toBe('2015-06-01');
    expect(exportProblems(before)).toEqual([]);
    expect(danglingReferences(before)).toEqual([]);
    for (const k of ['UNML', 'ARML', 'MISSION_LOCALE']) expect(count(before, k)).toBe(await countOf(r, k, '2015-06-01'));
    // Before the 2016 mergers: the ARML of Auvergne is there, that of Auvergne-Rhône-Alpes is not yet.
    const names = before.organizations.map((o: any) => o.name);
    expect(names).toContain("Association régionale des Missions Locales d'Auvergne");
    expect(names).not.toContain('AMILAURA – Auvergne-Rhône-Alpes');
  });

  it('links each Mission Locale to its ARML and each ARML to UNML, as Organization.parent does', async () => {
    const byId = new Map(current.organizations.map((o: any) => [o.id, o]));
    const parentKind = (o: any) => (byId.get(o.parent_id) as any)?.classification;
    for (const o of current.organizations) {
      if (o.classification === 'MISSION_LOCALE') expect(parentKind(o)).toBe('ARML');
      if (o.classification === 'ARML') expect(parentKind(o)).toBe('UNML');
    }
    const sample = current.organizations.filter((o: any) => o.classification === 'MISSION_LOCALE').slice(0, 50);
    const data = await gql(r, 'query($ids: [ID!]!) { nodes(ids: $ids) { ... on Organization { id parent { id } } } }', { ids: sample.map((o: any) => o.id) });
    expect(data.nodes.map((n: any) => n.parent.id)).toEqual(sample.map((o: any) => o.parent_id));
  });

  it('uses the GraphQL global ids: node(id:) reads every object of the file again', async () => {
    const expected: [string, string][] = [
      ...current.organizations.map((o: any) => [o.id, 'Organization']),
      ...current.persons.slice(0, 300).map((p: any) => [p.id, 'Person']),
      ...current.posts.slice(0, 300).map((p: any) => [p.id, 'Post']),
      ...current.memberships.filter((m: any) => m.member && !m.post_id).slice(0, 200).map((m: any) => [m.id, 'OrganizationLink']),
      ...current.memberships.filter((m: any) => m.post_id).slice(0, 300).map((m: any) => [m.id, 'Mandate']),
      ...current.posts.slice(0, 100).map((p: any) => [p.body_id, 'GoverningBody']),
    ];
    const found = await typenames(r, expected.map(([id]) => id));
    expect(expected.filter(([id, typename]) => found.get(id) !== typename)).toEqual([]);
  });

  it('says of every organization, person and membership whether it is official, imported or illustrative, as the API does', async () => {
    const records = [...current.organizations, ...current.persons, ...current.memberships];
    expect(records.filter((x: any) => !['OFFICIAL', 'IMPORTED', 'ILLUSTRATIVE'].includes(x.provenance?.status) || !x.provenance.source)).toEqual([]);
    expect(current.persons.filter((p: any) => p.provenance.status === 'ILLUSTRATIVE').length).toBeGreaterThan(1000);
    const sample = [
      ...current.organizations.slice(0, 60), ...current.persons.slice(0, 20),
      ...current.memberships.filter((m: any) => !m.post_id).slice(0, 10), ...current.memberships.filter((m: any) => m.post_id).slice(-10),
    ];
    const data = await gql(r, `query($ids: [ID!]!) { nodes(ids: $ids) {
      ... on Organization { provenance { status source } } ... on Person { provenance { status source } }
      ... on OrganizationLink { provenance { status source } } ... on Mandate { provenance { status source } } } }`, { ids: sample.map((x: any) => x.id) });
    expect(data.nodes.map((n: any) => n.provenance)).toEqual(sample.map((x: any) => x.provenance));
    expect(new Set(sample.map((x: any) => x.provenance.status))).toEqual(new Set(['OFFICIAL', 'ILLUSTRATIVE']));
  });

  it('gives end dates as the last day in effect: the registry’s exclusive end minus one day', async () => {
    const history = JSON.parse((await getPopolo(r, '?history=true')).text);
    expect(history.meta.history).toBe(true);
    expect(exportProblems(history)).toEqual([]);
    expect(danglingReferences(history)).toEqual([]);
    expect(history.memberships.length).toBeGreaterThan(current.memberships.length);

    // Every ended link, compared with GraphQL's endDate.
    const ended = history.memberships.filter((m: any) => m.end_date && m.member && !m.post_id);
    expect(ended.length).toBeGreaterThan(200);
    for (let i = 0; i < ended.length; i += 100) {
      const chunk = ended.slice(i, i + 100);
      const data = await gql(r, 'query($ids: [ID!]!) { nodes(ids: $ids) { ... on OrganizationLink { startDate endDate } } }', { ids: chunk.map((m: any) => m.id) });
      chunk.forEach((m: any, j: number) => {
        expect(m.start_date).toBe(data.nodes[j].startDate);
        expect(m.end_date).toBe(addDays(data.nodes[j].endDate, -1));
      });
    }
    // The ARML of Auvergne: dissolved on 1 January 2016 (that day it no longer exists), its membership of UNML ended the day before.
    const auvergne = history.organizations.find((o: any) => o.name === "Association régionale des Missions Locales d'Auvergne");
    expect(auvergne).toMatchObject({ classification: 'ARML', dissolution_date: '2016-01-01' });
    expect(history.organizations.find((o: any) => o.id === auvergne.parent_id).classification).toBe('UNML');
    expect(history.memberships.filter((m: any) => m.member?.id === auvergne.id).map((m: any) => m.end_date)).toEqual(['2015-12-31']);
    // ARML Océan Indien was ARML de La Réunion until 1 January 2023 (the registry's validUntil).
    const oceanIndien = current.organizations.find((o: any) => o.name === 'Association régionale des Missions Locales Océan Indien');
    expect(oceanIndien.other_names).toContainEqual({
      name: 'Association régionale des Missions Locales de La Réunion', note: 'former name', start_date: null, end_date: '2022-12-31',
    });
    const former = await gql(r, 'query($id: ID!) { organization(id: $id) { formerNames { name validUntil } } }', { id: oceanIndien.id });
    expect(former.organization.formerNames).toEqual([{ name: 'Association régionale des Missions Locales de La Réunion', validUntil: '2023-01-01' }]);
  });

  it('never exports a person’s contact details, even once the secretariat has recorded some', async () => {
    const national = (await r.mintToken(AccessRole.NATIONAL, null)).token;
    const president = current.persons[0];
    const read = await gql(r, 'query($id: ID!) { node(id: $id) { ... on Person { version } } }', { id: president.id }, national);
    const set = await gql(r, `mutation($id: ID!, $version: Int!) { setPersonContacts(input: { personId: $id, version: $version, contacts: [
        { kind: "EMAIL", value: "president.export-test@example.org" }, { kind: "PHONE", value: "+33 6 12 34 56 78" },
        { kind: "ADDRESS", value: "12 rue de l'Export, 35000 Rennes" }] }) { person { contacts { kind value } } userErrors { code } } }`,
    { id: president.id, version: read.node.version }, national);
    expect(set.setPersonContacts.userErrors).toEqual([]);
    expect(set.setPersonContacts.person.contacts).toHaveLength(3);

    const { text } = await getPopolo(r);
    const again = JSON.parse(text);
    expect(again.persons.find((p: any) => p.id === president.id)).toEqual(president);
    for (const p of again.persons) {
      expect(Object.keys(p).sort()).toEqual(['family_name', 'given_name', 'id', 'name', 'provenance']);
      expect(Object.keys(p.provenance).sort()).toEqual(['source', 'status']);
    }
    for (const secret of ['president.export-test@example.org', '+33 6 12 34 56 78', "rue de l'Export"]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/contact_details|"email"/);
  });

  it('refuses a bad date or history value with a JSON error, and anything but GET', async () => {
    for (const query of ['?asOf=2025-02-30', '?asOf=yesterday', '?history=yes']) {
      const { res, text } = await getPopolo(r, query);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(JSON.parse(text).errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    }
    const post = await fetch(`${base(r)}/exports/popolo.json`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(((await post.json()) as any).errors[0].message).toMatch(/GET/);
    const head = await fetch(`${base(r)}/exports/popolo.json`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1_000_000);
    const unknown = await fetch(`${base(r)}/exports/popolo.xml`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).error).toMatch(/\/exports\/popolo\.json/);
  });
});
