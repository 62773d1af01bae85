import type { Knex } from '@mikro-orm/knex';
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
 * Whether the caller's scope covers a person: the national secretariat; an ARML or a Mission Locale
 * when the person sits in a body it may change; for a person who sits nowhere yet, the token that
 * recorded them. The same rule governs reading contact details and changing the person.
 */
export async function coversPerson(knex: Knex, ctx: RequestContext, personId: number, organizationIds: number[]): Promise<boolean> {
  const caller = ctx.caller;
  if (caller.kind === 'anonymous') return false;
  if (caller.role === AccessRole.NATIONAL) return true;
  for (const org of organizationIds) if (await canWrite(knex, ctx, org)) return true;
  if (organizationIds.length) return false;
  const creator = await knex('audit_event').where({ operation: 'createPerson', entity_type: 'Person', entity_id: String(personId) }).first();
  return Boolean(creator) && Number(creator.token_id) === caller.tokenId;
}

/** Organizations whose bodies a person sits in, read directly (inside a write's transaction). */
export async function organizationsOf(knex: Knex, personId: number): Promise<number[]> {
  return (await knex('mandate as m').join('post as p', 'p.id', 'm.post_id').join('governing_body as b', 'b.id', 'p.body_id')
    .distinct('b.organization_id').where('m.person_id', personId)).map((r: { organization_id: number }) => Number(r.organization_id));
}

/** A person's contact details, or null when the caller's scope does not cover the person. */
export async function visibleContacts(ctx: RequestContext, personId: number): Promise<PersonContact[] | null> {
  if (ctx.caller.kind === 'anonymous') return null;
  const orgs = ctx.caller.role === AccessRole.NATIONAL ? [] : await organizationsOfPerson(ctx).load(personId);
  if (!(await coversPerson(ctx.em.getKnex(), ctx, personId, orgs))) return null;
  return contactsOf(ctx).load(personId);
}
