import { readOnlyRecord } from '../../db/read-only-record';
import { Columns, columnsOf } from '../../db/select-rows';
import { byKeys, groupByKeys, RequestContext } from '../../graphql/context';
import { Provenance, ProvenanceStatus } from '../../shared/provenance';
import { Person, PublicRole } from './person.entity';

/** A person's columns as read by a joined statement, under the names given by `personColumns`. */
export interface PersonRow {
  person_id: number | null; person_given_name: string; person_family_name: string; person_search_name: string;
  person_provenance_status: ProvenanceStatus; person_provenance_source: string; person_version: number;
}

/** Every column of `person` but its id (a test checks the list against the table). */
export const PERSON_COLUMNS = ['given_name', 'family_name', 'search_name', 'provenance_status', 'provenance_source', 'version'] as const;

/** The columns of `person` (aliased `alias`) to select next to another table's (holding `person_id`) for `readOnlyPerson`. */
export const personColumns = (alias: string): Columns => columnsOf(alias, PERSON_COLUMNS, 'person_');

/** A person read for display (see `readOnlyRecord`). */
export function readOnlyPerson(r: PersonRow): Person {
  return readOnlyRecord(Person, {
    id: Number(r.person_id), givenName: r.person_given_name, familyName: r.person_family_name, searchName: r.person_search_name,
    provenance: new Provenance(r.person_provenance_status, r.person_provenance_source), version: Number(r.person_version),
  });
}

/** Batched reads of persons and their public roles. */
export const personLoaders = {
  byId: (ctx: RequestContext) =>
    ctx.loaders.get('person.byId', async (ids: readonly number[]) =>
      byKeys(ids, await ctx.em.find(Person, { id: { $in: [...ids] } }), (p) => p.id, null)),

  /** Public roles (all dates) of some persons, most recent first. */
  publicRoles: (ctx: RequestContext) =>
    ctx.loaders.get('person.publicRoles', async (ids: readonly number[]) =>
      groupByKeys(ids, await ctx.em.find(PublicRole, { person: { $in: [...ids] } }, { orderBy: { startDate: 'DESC', id: 'ASC' } }), (r) => r.person.id)),
};
