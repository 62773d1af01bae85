import { readOnlyRecord } from '../../db/read-only-record';
import { columnSets, columnsOf, selectRows, whereIdIn } from '../../db/select-rows';
import { byKeys, groupByKeys, RequestContext } from '../../graphql/context';
import { Provenance, ProvenanceStatus } from '../../shared/provenance';
import { BodyTerm, College, GoverningBody, Mandate, Post } from './governance.entity';
import { BodyKind, MandateEndReason, MandateRole, PostKind } from './governance.enums';
import type { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { personColumns, personLoaders, PersonRow, readOnlyPerson } from '../person/person.loaders';

interface MandateRow extends PersonRow {
  id: number; post_id: number; term_id: number; body_id: number;
  post_kind: PostKind; post_label: string; post_seats: number; post_college_id: number | null; post_version: number;
  person_id: number | null; holder_organization_id: number | null; college_id: number | null; on_behalf_of_id: number | null;
  role: MandateRole; start_date: string; end_date: string | null; end_reason: MandateEndReason | null; legal_basis: string | null;
  corrected_by_id: number | null; provenance_status: ProvenanceStatus; provenance_source: string; version: number;
}

/** Every column of `mandate` (a test checks the list against the table). */
export const MANDATE_COLUMNS = [
  'id', 'post_id', 'term_id', 'person_id', 'holder_organization_id', 'college_id', 'on_behalf_of_id', 'role', 'start_date', 'end_date',
  'end_reason', 'legal_basis', 'corrected_by_id', 'provenance_status', 'provenance_source', 'version',
] as const satisfies readonly (keyof MandateRow)[];

const ref = <T>(id: number | null): T | null => (id === null ? null : ({ id: Number(id) } as T));

/**
 * A mandate read for display (see `readOnlyRecord`): its post and person are complete read-only
 * records, shared by the mandates of one batch; its other relations are references holding their id,
 * which the field resolvers load through DataLoaders.
 */
function readOnlyMandate(r: MandateRow, post: Post, person: Person | null): Mandate {
  return readOnlyRecord(Mandate, {
    id: Number(r.id), post, term: { id: Number(r.term_id), body: { id: Number(r.body_id) } } as BodyTerm,
    person, holderOrganization: ref(r.holder_organization_id), college: ref(r.college_id), onBehalfOf: ref(r.on_behalf_of_id),
    role: r.role, startDate: r.start_date, endDate: r.end_date, endReason: r.end_reason, legalBasis: r.legal_basis,
    correctedBy: ref<Mandate>(r.corrected_by_id), provenance: new Provenance(r.provenance_status, r.provenance_source), version: Number(r.version),
  });
}

/** The post of a mandate row, read for display like the mandate (its body and collège are references holding their id). */
function readOnlyPost(r: MandateRow): Post {
  return readOnlyRecord(Post, {
    id: Number(r.post_id), body: { id: Number(r.body_id) } as GoverningBody, kind: r.post_kind, label: r.post_label,
    seats: Number(r.post_seats), college: ref<College>(r.post_college_id), version: Number(r.post_version),
  });
}

interface BodyRow {
  id: number; organization_id: number; kind: BodyKind; name: string; description: string | null; meeting_frequency: string | null;
  secretariat_id: number | null; term_years: number | null; provenance_status: ProvenanceStatus; provenance_source: string; version: number;
}

/** Every column of `governing_body` (a test checks the list against the table). */
export const BODY_COLUMNS = [
  'id', 'organization_id', 'kind', 'name', 'description', 'meeting_frequency', 'secretariat_id', 'term_years', 'provenance_status', 'provenance_source', 'version',
] as const satisfies readonly (keyof BodyRow)[];

/** A governing body read for display (its organization and secretariat are references holding their id). */
function readOnlyBody(r: BodyRow): GoverningBody {
  return readOnlyRecord(GoverningBody, {
    id: Number(r.id), organization: ref<Organization>(r.organization_id)!, kind: r.kind, name: r.name, description: r.description,
    meetingFrequency: r.meeting_frequency, secretariat: ref<Organization>(r.secretariat_id), termYears: r.term_years === null ? null : Number(r.term_years),
    provenance: new Provenance(r.provenance_status, r.provenance_source), version: Number(r.version),
  });
}

/** The columns of a mandate as a network map shows it (see `mandatesOfBodyBrief`). */
interface BriefMandateRow {
  id: number; post_id: number; term_id: number; person_id: number | null; role: MandateRole; start_date: string; end_date: string | null;
  corrected_by_id: number | null; body_id: number; post_kind: PostKind; post_label: string; person_given_name: string; person_family_name: string;
}

/**
 * Mandates holding only what a network map shows of them and what compositions are worked out from:
 * every other field is undefined. The terms and holders that rows repeat are made once per batch (a
 * map's 5,594 mandates have 1,010 terms and 2,638 holders).
 */
function briefMandates(rows: readonly BriefMandateRow[]): Mandate[] {
  const terms = new Map<number, BodyTerm>();
  const persons = new Map<number, Person>();
  return rows.map((r) => {
    const termId = Number(r.term_id);
    let term = terms.get(termId);
    if (!term) terms.set(termId, (term = { id: termId, body: { id: Number(r.body_id) } } as BodyTerm));
    let person: Person | null = null;
    if (r.person_id !== null) {
      const personId = Number(r.person_id);
      person = persons.get(personId) ?? null;
      if (!person) persons.set(personId, (person = readOnlyRecord(Person, { id: personId, givenName: r.person_given_name, familyName: r.person_family_name })));
    }
    return readOnlyRecord(Mandate, {
      id: Number(r.id), term, role: r.role, startDate: r.start_date, endDate: r.end_date, correctedBy: ref<Mandate>(r.corrected_by_id),
      post: readOnlyRecord(Post, { id: Number(r.post_id), body: term.body, kind: r.post_kind, label: r.post_label }),
      person,
    });
  });
}

/** The mandates of some bodies joined to their terms, posts and holders (persons), for a select of their columns. */
const mandatesOfBodies = (ctx: RequestContext, ids: readonly number[]) =>
  whereIdIn(ctx.em.getKnex()('mandate as m')
    .join('body_term as t', 't.id', 'm.term_id').join('post as p', 'p.id', 'm.post_id').leftJoin('person as pe', 'pe.id', 'm.person_id'),
  't.body_id', ids);

/** Mandates come with their post and term (one joined statement): every rule and composition needs both. */
const MANDATE_POPULATE = ['post', 'term'] as const;

/** A mandate (`m`) with its body (`t`), post (`p`) and holder (`pe`), as `mandatesOfBody` reads it. */
const MANDATE_ROW_COLUMNS = columnSets(
  columnsOf('m', MANDATE_COLUMNS), { body_id: 't.body_id' },
  columnsOf('p', ['kind', 'label', 'seats', 'college_id', 'version'], 'post_'), personColumns('pe'),
);
/** What `mandatesOfBodyBrief` reads of the same. */
const BRIEF_MANDATE_ROW_COLUMNS = columnSets(
  columnsOf('m', ['id', 'post_id', 'term_id', 'person_id', 'role', 'start_date', 'end_date', 'corrected_by_id']), { body_id: 't.body_id' },
  columnsOf('p', ['kind', 'label'], 'post_'), columnsOf('pe', ['given_name', 'family_name'], 'person_'),
);

/** Batched reads of governance records, one SQL statement per batch. */
export const governanceLoaders = {
  bodyById: (ctx: RequestContext) =>
    ctx.loaders.get('governance.bodyById', async (ids: readonly number[]) =>
      byKeys(ids, await ctx.em.find(GoverningBody, { id: { $in: [...ids] } }), (b) => b.id, null)),

  /** The bodies of some organizations, as read-only records (a network map reads every one); `bodyById` remembers them. */
  bodiesOfOrganization: (ctx: RequestContext) =>
    ctx.loaders.get('governance.bodiesOfOrganization', async (ids: readonly number[]) => {
      const rows = await selectRows<BodyRow>(whereIdIn(ctx.em.getKnex()('governing_body as b'), 'b.organization_id', ids).orderBy('b.id'), columnsOf('b', BODY_COLUMNS));
      const bodies = rows.map(readOnlyBody);
      const bodyById = governanceLoaders.bodyById(ctx);
      for (const b of bodies) bodyById.remember(b.id, b);
      return groupByKeys(ids, bodies, (b) => b.organization.id);
    }),

  termsOfBody: (ctx: RequestContext) =>
    ctx.loaders.get('governance.termsOfBody', async (ids: readonly number[]) =>
      groupByKeys(ids, await ctx.em.find(BodyTerm, { body: { $in: [...ids] } }, { orderBy: { startDate: 'ASC', id: 'ASC' } }), (t) => t.body.id)),

  postsOfBody: (ctx: RequestContext) =>
    ctx.loaders.get('governance.postsOfBody', async (ids: readonly number[]) =>
      groupByKeys(ids, await ctx.em.find(Post, { body: { $in: [...ids] } }, { orderBy: { id: 'ASC' } }), (p) => p.body.id)),

  postById: (ctx: RequestContext) =>
    ctx.loaders.get('governance.postById', async (ids: readonly number[]) =>
      byKeys(ids, await ctx.em.find(Post, { id: { $in: [...ids] } }), (p) => p.id, null)),

  termById: (ctx: RequestContext) =>
    ctx.loaders.get('governance.termById', async (ids: readonly number[]) =>
      byKeys(ids, await ctx.em.find(BodyTerm, { id: { $in: [...ids] } }), (t) => t.id, null)),

  collegeById: (ctx: RequestContext) =>
    ctx.loaders.get('governance.collegeById', async (ids: readonly number[]) =>
      byKeys(ids, await ctx.em.find(College, { id: { $in: [...ids] } }), (c) => c.id, null)),

  collegesOfOrganization: (ctx: RequestContext) =>
    ctx.loaders.get('governance.collegesOfOrganization', async (ids: readonly number[]) =>
      groupByKeys(ids, await ctx.em.find(College, { organization: { $in: [...ids] } }, { orderBy: { number: 'ASC' } }), (c) => c.organization.id)),

  mandateById: (ctx: RequestContext) =>
    ctx.loaders.get('governance.mandateById', async (ids: readonly number[]) =>
      byKeys(ids, await ctx.em.find(Mandate, { id: { $in: [...ids] } }, { populate: [...MANDATE_POPULATE] }), (m) => m.id, null)),

  /**
   * Every mandate (all dates) of some bodies with their posts and holders, as read-only records (see
   * `readOnlyMandate`): a network map reads thousands of them, and hydrating managed entities cost most
   * of its time. The posts and persons are remembered by `postById` and `person.byId`. In no particular order: the
   * readers sort what they keep (sorting every row in SQL cost a third of the statement on SQLite).
   */
  mandatesOfBody: (ctx: RequestContext) =>
    ctx.loaders.get('governance.mandatesOfBody', async (ids: readonly number[]) => {
      const rows = await selectRows<MandateRow>(mandatesOfBodies(ctx, ids), MANDATE_ROW_COLUMNS);
      // The posts and holders come with the mandates: the field resolvers find them without another statement.
      const postById = governanceLoaders.postById(ctx);
      const personById = personLoaders.byId(ctx);
      const mandates = rows.map((r) => {
        let post = postById.recalled(Number(r.post_id));
        if (!post) {
          post = readOnlyPost(r);
          postById.remember(post.id, post);
        }
        let person: Person | null = null;
        if (r.person_id !== null) {
          person = personById.recalled(Number(r.person_id)) ?? null;
          if (!person) {
            person = readOnlyPerson(r);
            personById.remember(person.id, person);
          }
        }
        return readOnlyMandate(r, post, person);
      });
      return groupByKeys(ids, mandates, (m) => m.term.body.id);
    }),

  /**
   * Every mandate (all dates) of some bodies as a network map shows them (`briefMandates`): 13 columns
   * instead of 28, for a map with every board 4,385 rows whose JSON SQLite builds and the event loop
   * parses. Partial records, so only for selections that ask for nothing else (`BRIEF_MANDATE` in
   * governance.resolver.ts), and remembered by no other loader.
   */
  mandatesOfBodyBrief: (ctx: RequestContext) =>
    ctx.loaders.get('governance.mandatesOfBodyBrief', async (ids: readonly number[]) => {
      const rows = await selectRows<BriefMandateRow>(mandatesOfBodies(ctx, ids), BRIEF_MANDATE_ROW_COLUMNS);
      return groupByKeys(ids, briefMandates(rows), (m) => m.term.body.id);
    }),

  /** Every mandate (all dates) held by some persons. */
  mandatesOfPerson: (ctx: RequestContext) =>
    ctx.loaders.get('governance.mandatesOfPerson', async (ids: readonly number[]) =>
      groupByKeys(ids, await ctx.em.find(Mandate, { person: { $in: [...ids] } }, { populate: [...MANDATE_POPULATE], orderBy: { startDate: 'ASC', id: 'ASC' } }), (m) => m.person!.id)),

  /** Every mandate (all dates) held by an organization or exercised on its behalf. */
  mandatesRepresenting: (ctx: RequestContext) =>
    ctx.loaders.get('governance.mandatesRepresenting', async (ids: readonly number[]) => {
      const rows = await ctx.em.find(Mandate, { $or: [{ holderOrganization: { $in: [...ids] } }, { onBehalfOf: { $in: [...ids] } }] },
        { populate: [...MANDATE_POPULATE], orderBy: { startDate: 'ASC', id: 'ASC' } });
      const byOrg = new Map<number, Mandate[]>(ids.map((id) => [id, []]));
      for (const m of rows) {
        for (const id of new Set([m.holderOrganization?.id, m.onBehalfOf?.id])) if (id !== undefined) byOrg.get(id)?.push(m);
      }
      return ids.map((id) => byOrg.get(id)!);
    }),
};
