import type { RequestContext } from '../../graphql/context';
import { groupByKeys } from '../../graphql/context';
import { AccessRole } from '../access/caller';
import { canWrite } from '../access/authorization';
import { PersonContact } from './person.entity';

/** Organizations whose bodies a person sits in (any date), for a batch of persons: one statement. */
const organizationsOfPerson = (ctx: RequestContext) =>
  ctx.loaders.get('person.organizations', async (ids: readonly number[]) => {
    const rows: { person_id: number; organization_id: number }[] = await ctx.em.getKnex()('mandate as m')
      .join('post as p', 'p.id', 'm.post_id').join('governing_body as b', 'b.id', 'p.body_id')
      .distinct('m.person_id', 'b.organization_id').whereIn('m.person_id', [...ids]);
    return groupByKeys(ids, rows.map((r) => ({ person: Number(r.person_id), org: Number(r.organization_id) })), (r) => r.person).map((l) => l.map((r) => r.org));
  });

const contactsOf = (ctx: RequestContext) =>
  ctx.loaders.get('person.contacts', async (ids: readonly number[]) =>
    groupByKeys(ids, await ctx.em.find(PersonContact, { person: { $in: [...ids] } }, { orderBy: { kind: 'ASC', id: 'ASC' } }), (c) => c.person.id));

/**
 * A person's contact details, or null when the caller's scope does not cover the person: national
 * secretariat always; an ARML or a Mission Locale when the person sits in a body it may change.
 */
export async function visibleContacts(ctx: RequestContext, personId: number): Promise<PersonContact[] | null> {
  const caller = ctx.caller;
  if (caller.kind === 'anonymous') return null;
  if (caller.role !== AccessRole.NATIONAL) {
    const knex = ctx.em.getKnex();
    const orgs = await organizationsOfPerson(ctx).load(personId);
    let covered = false;
    for (const org of orgs) if (!covered && (await canWrite(knex, ctx, org))) covered = true;
    if (!covered) return null;
  }
  return contactsOf(ctx).load(personId);
}
