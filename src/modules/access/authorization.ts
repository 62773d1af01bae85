import { GraphQLError } from 'graphql';
import type { Knex } from '@mikro-orm/knex';
import type { RequestContext } from '../../graphql/context';
import { today } from '../../shared/dates';
import { OrganizationKind } from '../organization/organization.enums';
import { AccessRole } from './caller';

export class UnauthenticatedError extends GraphQLError {
  constructor() {
    super('Changing the registry needs a bearer token (Authorization: Bearer <token>)', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(what: string) {
    super(`Your token's scope does not cover ${what}`, { extensions: { code: 'FORBIDDEN' } });
  }
}

/**
 * Whether the caller may change records of organization `organizationId`, read from the database
 * (never from what the client sends): national secretariat everything; an ARML itself and the
 * Missions Locales of its current regions; a Mission Locale itself.
 */
export async function canWrite(knex: Knex, ctx: RequestContext, organizationId: number): Promise<boolean> {
  const caller = ctx.caller;
  if (caller.kind === 'anonymous') return false;
  if (caller.role === AccessRole.NATIONAL) return true;
  if (caller.organizationId === organizationId) return true;
  if (caller.role !== AccessRole.ARML) return false;
  const day = today();
  const target = await knex('organization').select('kind', 'region_code').where('id', organizationId).first();
  if (!target || target.kind !== OrganizationKind.MISSION_LOCALE) return false;
  const covered = await knex('organization_region').where('organization_id', caller.organizationId).where('region_code', target.region_code)
    .where('start_date', '<=', day).where((w) => w.whereNull('end_date').orWhere('end_date', '>', day)).first();
  return Boolean(covered);
}

/**
 * Throws UNAUTHENTICATED or FORBIDDEN unless the caller may change every one of these organizations'
 * records. Call it inside the mutation's transaction (`knex` is the transaction), on rows it has read.
 */
export async function assertCanWrite(knex: Knex, ctx: RequestContext, organizationIds: number[], what: string): Promise<void> {
  if (ctx.caller.kind === 'anonymous') throw new UnauthenticatedError();
  for (const id of new Set(organizationIds)) {
    if (!(await canWrite(knex, ctx, id))) throw new ForbiddenError(what);
  }
}
