import type { Knex } from '@mikro-orm/knex';
import { toGlobalId } from '../../graphql/node';
import { addDays, isActiveOn } from '../../shared/dates';
import { ExportOptions, inEffectOn } from './dated-rows';

/**
 * The network in Popolo JSON (http://www.popoloproject.com/specs/): organizations (UNML, ARML,
 * Missions Locales, partners), the persons holding mandates (names only), the posts of the governing
 * bodies and the memberships (a Mission Locale in its ARML, an ARML in UNML, a mandate on a post).
 * Every id is the record's GraphQL global id, so `node(id:)` reads it again.
 */

export interface PopoloIdentifier { scheme: string; identifier: string }
export interface PopoloOtherName { name: string; note: string; start_date: string | null; end_date: string | null }
export interface PopoloLink { url: string; note: string }
/** Foreign member: whether the record is an official fact (with its source), illustrative or imported. */
export interface PopoloProvenance { status: string; source: string }

export interface PopoloOrganization {
  id: string;
  name: string;
  /** The registry's kind: UNML, ARML, MISSION_LOCALE or PARTNER. */
  classification: string;
  /** A Mission Locale's ARML, an ARML's UNML (on `asOf`); null for UNML and partners. */
  parent_id: string | null;
  founding_date: string | null;
  dissolution_date: string | null;
  identifiers: PopoloIdentifier[];
  other_names: PopoloOtherName[];
  links: PopoloLink[];
  provenance: PopoloProvenance;
}

/** Public data only: a person's contact details are never exported. */
export interface PopoloPerson { id: string; name: string; given_name: string; family_name: string; provenance: PopoloProvenance }

export interface PopoloPost {
  id: string;
  label: string;
  /** The registry's post kind (PRESIDENT, BOARD_MEMBER...). */
  role: string;
  /** The organization whose body the post belongs to. */
  organization_id: string;
  body_id: string;
  body_name: string;
  body_classification: string;
}

/** An organization member, in Popolo's form for a member that is not a person. */
export interface PopoloMember { '@type': 'Organization'; id: string }

export interface PopoloMembership {
  id: string;
  person_id?: string;
  member?: PopoloMember;
  organization_id: string;
  post_id: string | null;
  role: string;
  label: string;
  on_behalf_of_id: string | null;
  start_date: string;
  end_date: string | null;
  provenance: PopoloProvenance;
}

export interface PopoloExport {
  meta: {
    source: string;
    as_of: string;
    history: boolean;
    note: string;
    counts: { organizations: number; persons: number; posts: number; memberships: number };
  };
  organizations: PopoloOrganization[];
  persons: PopoloPerson[];
  posts: PopoloPost[];
  memberships: PopoloMembership[];
}

export const POPOLO_NOTE = [
  'Dates are YYYY-MM-DD.',
  'The registry ends a period on the first day it no longer applies (exclusive end); Popolo\'s end_date is the last day it applies,',
  'so every end_date here is the registry\'s end date minus one day.',
  'dissolution_date is the day of the dissolution itself (the first day the organization no longer exists), as the registry records it.',
  'With history=true every record is included, ended or not, and parent_id is the parent on as_of (or the last one).',
  'name is the current official name; former names are in other_names, with their dates.',
  'Every id is the record\'s global id in the registry\'s GraphQL API: query node(id: "...") at /graphql to read it.',
  'Persons: names only; their contact details are personal data and are never exported.',
  'provenance.status says whether a record is an official fact (with its source), an IMPORTED one, or ILLUSTRATIVE:',
  'generated for illustration, not an official record.',
].join(' ');

interface ProvenanceRow { provenance_status: string; provenance_source: string }
interface OrganizationRow extends ProvenanceRow {
  id: number; kind: string; name: string; short_name: string | null;
  founded_on: string | null; dissolved_on: string | null; website: string | null;
}
interface NameRow { organization_id: number; name: string; valid_from: string | null; valid_until: string }
interface IdentifierRow { organization_id: number; scheme: string; value: string }
interface LinkRow extends ProvenanceRow { id: number; member_id: number; parent_id: number; kind: string; start_date: string; end_date: string | null }
interface PostRow {
  id: number; label: string; kind: string; body_id: number; body_name: string; body_kind: string; organization_id: number;
}
interface MandateRow extends ProvenanceRow {
  id: number; post_id: number; person_id: number | null; holder_organization_id: number | null;
  on_behalf_of_id: number | null; role: string; start_date: string; end_date: string | null;
}
interface PersonRow extends ProvenanceRow { id: number; given_name: string; family_name: string }

const organizationId = (id: number) => toGlobalId('Organization', String(id));
const provenance = (r: ProvenanceRow): PopoloProvenance => ({ status: r.provenance_status, source: r.provenance_source });
const PROVENANCE = ['provenance_status', 'provenance_source'];
/** Popolo's end_date: the last day in effect, the day before the registry's exclusive end. */
export const popoloEndDate = (end: string | null): string | null => (end ? addDays(end, -1) : null);

/**
 * Builds the Popolo export in seven statements whatever the size of the network: organizations,
 * former names, identifiers, links, posts with their bodies, mandates, persons.
 */
export async function buildPopolo(knex: Knex, { asOf, history = false }: ExportOptions): Promise<PopoloExport> {
  // Mandates in effect (or all, for the history); a corrected mandate was a wrong record: never exported.
  const mandates = (q: Knex.QueryBuilder) => {
    const valid = q.whereNull('m.corrected_by_id');
    return history ? valid : inEffectOn(valid, asOf, 'm.');
  };
  // Organizations, names, identifiers, links and posts are the network's skeleton (hundreds to a few thousand
  // rows): read whole and filtered here, so references to an organization out of scope can still be resolved.
  const [organizations, names, identifiers, links, posts, mandateRows, personRows] = await Promise.all([
    knex('organization').select('id', 'kind', 'name', 'short_name', 'founded_on', 'dissolved_on', 'website', ...PROVENANCE).orderBy('id') as Promise<OrganizationRow[]>,
    knex('organization_name').select('organization_id', 'name', 'valid_from', 'valid_until').orderBy(['organization_id', 'valid_until', 'id']) as Promise<NameRow[]>,
    knex('organization_identifier').select('organization_id', 'scheme', 'value').orderBy(['organization_id', 'scheme', 'value']) as Promise<IdentifierRow[]>,
    knex('organization_link').select('id', 'member_id', 'parent_id', 'kind', 'start_date', 'end_date', ...PROVENANCE).orderBy(['start_date', 'id']) as Promise<LinkRow[]>,
    knex('post as p').join('governing_body as b', 'b.id', 'p.body_id')
      .select('p.id', 'p.label', 'p.kind', 'b.id as body_id', 'b.name as body_name', 'b.kind as body_kind', 'b.organization_id')
      .orderBy('p.id') as Promise<PostRow[]>,
    mandates(knex('mandate as m'))
      .select('m.id', 'm.post_id', 'm.person_id', 'm.holder_organization_id', 'm.on_behalf_of_id', 'm.role', 'm.start_date', 'm.end_date',
        'm.provenance_status', 'm.provenance_source')
      .orderBy('m.id') as Promise<MandateRow[]>,
    knex('person').select('id', 'given_name', 'family_name', ...PROVENANCE)
      .whereIn('id', mandates(knex('mandate as m')).whereNotNull('m.person_id').select('m.person_id'))
      .orderBy('id') as Promise<PersonRow[]>,
  ]);

  const linksInScope = history ? links : links.filter((l) => isActiveOn(asOf, l.start_date, l.end_date));
  const parentOf = parents(links, asOf, history);
  const postById = new Map(posts.map((p) => [Number(p.id), p]));

  // In scope: what exists on asOf (everything for the history), plus any organization an exported record refers to.
  const inScope = new Set(organizations
    .filter((o) => history || isActiveOn(asOf, o.founded_on, o.dissolved_on))
    .map((o) => Number(o.id)));
  for (const id of [...inScope]) {
    const parent = parentOf.get(id);
    if (parent !== undefined) inScope.add(parent);
  }
  for (const l of linksInScope) inScope.add(Number(l.member_id)).add(Number(l.parent_id));
  for (const m of mandateRows) {
    inScope.add(Number(postById.get(Number(m.post_id))!.organization_id));
    for (const ref of [m.holder_organization_id, m.on_behalf_of_id]) if (ref !== null) inScope.add(Number(ref));
  }

  const namesOf = groupBy(names, (n) => Number(n.organization_id));
  const identifiersOf = groupBy(identifiers, (i) => Number(i.organization_id));
  const out: PopoloExport = {
    meta: {
      source: 'Registre du réseau des Missions Locales',
      as_of: asOf,
      history,
      note: POPOLO_NOTE,
      counts: { organizations: 0, persons: 0, posts: 0, memberships: 0 },
    },
    organizations: organizations.filter((o) => inScope.has(Number(o.id))).map((o) => {
      const id = Number(o.id);
      const parent = parentOf.get(id);
      return {
        id: organizationId(id),
        name: o.name,
        classification: o.kind,
        parent_id: parent === undefined ? null : organizationId(parent),
        founding_date: o.founded_on,
        dissolution_date: o.dissolved_on,
        identifiers: (identifiersOf.get(id) ?? []).map((i) => ({ scheme: i.scheme, identifier: i.value })),
        other_names: [
          ...(o.short_name ? [{ name: o.short_name, note: 'short name', start_date: null, end_date: null }] : []),
          ...(namesOf.get(id) ?? []).map((n) => ({
            name: n.name, note: 'former name', start_date: n.valid_from, end_date: popoloEndDate(n.valid_until),
          })),
        ],
        links: o.website ? [{ url: o.website, note: 'website' }] : [],
        provenance: provenance(o),
      };
    }),
    persons: personRows.map((p) => ({
      id: toGlobalId('Person', String(p.id)),
      name: `${p.given_name} ${p.family_name}`,
      given_name: p.given_name,
      family_name: p.family_name,
      provenance: provenance(p),
    })),
    posts: posts.filter((p) => inScope.has(Number(p.organization_id))).map((p) => ({
      id: toGlobalId('Post', String(p.id)),
      label: `${p.label}, ${p.body_name}`,
      role: p.kind,
      organization_id: organizationId(Number(p.organization_id)),
      body_id: toGlobalId('GoverningBody', String(p.body_id)),
      body_name: p.body_name,
      body_classification: p.body_kind,
    })),
    memberships: [
      ...linksInScope.map((l): PopoloMembership => ({
        id: toGlobalId('OrganizationLink', String(l.id)),
        member: { '@type': 'Organization', id: organizationId(Number(l.member_id)) },
        organization_id: organizationId(Number(l.parent_id)),
        post_id: null,
        role: l.kind,
        label: l.kind === 'MEMBER_BY_RIGHT' ? 'Membre de droit' : 'Membre',
        on_behalf_of_id: null,
        start_date: l.start_date,
        end_date: popoloEndDate(l.end_date),
        provenance: provenance(l),
      })),
      ...mandateRows.map((m): PopoloMembership => {
        const post = postById.get(Number(m.post_id))!;
        return {
          id: toGlobalId('Mandate', String(m.id)),
          ...(m.person_id !== null
            ? { person_id: toGlobalId('Person', String(m.person_id)) }
            : { member: { '@type': 'Organization' as const, id: organizationId(Number(m.holder_organization_id)) } }),
          organization_id: organizationId(Number(post.organization_id)),
          post_id: toGlobalId('Post', String(m.post_id)),
          role: post.kind,
          label: m.role === 'SUPPLEANT' ? `${post.label} (suppléant)` : post.label,
          on_behalf_of_id: m.on_behalf_of_id === null ? null : organizationId(Number(m.on_behalf_of_id)),
          start_date: m.start_date,
          end_date: popoloEndDate(m.end_date),
          provenance: provenance(m),
        };
      }),
    ],
  };
  out.meta.counts = {
    organizations: out.organizations.length, persons: out.persons.length, posts: out.posts.length, memberships: out.memberships.length,
  };
  return out;
}

/**
 * The parent of each member organization: through its link in effect on `asOf` (the earliest, as
 * `Organization.parent` does); for the history, an organization with none then keeps its last parent.
 */
function parents(links: LinkRow[], asOf: string, history: boolean): Map<number, number> {
  const current = new Map<number, number>();
  const last = new Map<number, LinkRow>();
  for (const l of links) { // ordered by start date
    const member = Number(l.member_id);
    if (!current.has(member) && isActiveOn(asOf, l.start_date, l.end_date)) current.set(member, Number(l.parent_id));
    const previous = last.get(member);
    if (!previous || (previous.end_date !== null && (l.end_date === null || l.end_date >= previous.end_date))) last.set(member, l);
  }
  if (history) for (const [member, l] of last) if (!current.has(member)) current.set(member, Number(l.parent_id));
  return current;
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const r of rows) (map.get(key(r)) ?? map.set(key(r), []).get(key(r))!).push(r);
  return map;
}
