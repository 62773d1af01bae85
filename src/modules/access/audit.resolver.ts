import { IsOptional, Length } from 'class-validator';
import { Arg, Args, Ctx, Field, FieldResolver, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Connection, connectionFromArray, PageArgs, pageWindow, toConnection } from '../../graphql/pagination';
import { DateScalar } from '../../graphql/scalars';
import { Node } from '../../graphql/node';
import { Convention } from '../convention/convention.entity';
import { GoverningBody, Mandate, Post } from '../governance/governance.entity';
import { ChangeEvent } from '../change-event/change-event.entity';
import { Partnership } from '../convention/partnership.entity';
import { Organization } from '../organization/organization.entity';
import { OrganizationLink } from '../organization/organization-link.entity';
import { Person } from '../person/person.entity';
import { coversPerson, organizationsOf } from '../person/person.privacy';
import { Site } from '../site/site.entity';
import { AccessRole } from './caller';
import { ForbiddenError, UnauthenticatedError, canWrite } from './authorization';

/** One line of the audit log. */
@ObjectType({ description: "Ligne du journal d'audit: who changed what, when, and the record before and after. Append-only." })
export class AuditEvent {
  @Field({ description: 'When (ISO 8601, UTC).' })
  occurredAt!: string;

  @Field(() => String, { nullable: true, description: 'Request id of the change (also in the server log).' })
  requestId!: string | null;

  @Field(() => Int, { nullable: true, description: 'Id of the token used.' })
  tokenId!: number | null;

  @Field({ description: 'Role of the token used.' })
  actorRole!: string;

  @Field({ description: 'Mutation that made the change.' })
  operation!: string;

  @Field({ description: 'Type of the record changed.' })
  entityType!: string;

  @Field({ description: 'Id of the record changed (database id).' })
  entityId!: string;

  @Field(() => String, { nullable: true, description: 'The record before (JSON); null for a creation.' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The record after (JSON).' })
  after!: string | null;
}

const AuditEventConnection = Connection(AuditEvent, 'AuditEvent', 'audit events');

@InputType({ description: "Filtre du journal d'audit." })
class AuditFilter {
  @Field(() => String, { nullable: true, description: 'Only this type of record (Site, Mandate...).' })
  @IsOptional() @Length(1, 40)
  entityType?: string;

  @Field(() => String, { nullable: true, description: 'Only this mutation.' })
  @IsOptional() @Length(1, 80)
  operation?: string;

  @Field(() => DateScalar, { nullable: true, description: 'From this day on.' })
  @IsOptional()
  from?: string;
}

const toEvent = (r: Record<string, unknown>): AuditEvent => ({
  occurredAt: String(r.occurred_at), requestId: (r.request_id as string) ?? null, tokenId: r.token_id === null ? null : Number(r.token_id),
  actorRole: String(r.actor_role), operation: String(r.operation), entityType: String(r.entity_type), entityId: String(r.entity_id),
  before: (r.before_json as string) ?? null, after: (r.after_json as string) ?? null,
});

@Resolver()
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'The audit log, newest first: national secretariat only.' })
  async auditLog(
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Criteria.' }) filter: AuditFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    if (ctx.caller.kind === 'anonymous') throw new UnauthenticatedError();
    if (ctx.caller.role !== AccessRole.NATIONAL) throw new ForbiddenError('the audit log');
    const knex = ctx.em.getKnex();
    const q = knex('audit_event as a');
    if (filter?.entityType) q.where('a.entity_type', filter.entityType);
    if (filter?.operation) q.where('a.operation', filter.operation);
    if (filter?.from) q.where('a.occurred_at', '>=', filter.from);
    const [{ n }] = await q.clone().count({ n: '*' });
    const totalCount = Number(n);
    const { offset, limit } = pageWindow(page, totalCount);
    const rows = limit ? await q.clone().select('a.*').orderBy('a.id', 'desc').offset(offset).limit(limit) : [];
    return toConnection({ items: rows.map(toEvent), offset, totalCount });
  }
}

/** The organizations whose scope covers a record's history, read from the database. */
async function organizationsBehind(ctx: RequestContext, node: Node): Promise<number[] | 'person' | null> {
  const knex = ctx.em.getKnex();
  const id = Number(node.nodeKey);
  if (node instanceof Organization) return [node.id];
  if (node instanceof Site) return [node.organization.id];
  if (node instanceof GoverningBody) return [node.organization.id];
  if (node instanceof Post || node instanceof Mandate) {
    const postId = node instanceof Post ? id : node.post.id;
    const row = await knex('post as p').join('governing_body as b', 'b.id', 'p.body_id').where('p.id', postId).select('b.organization_id').first();
    return row ? [Number(row.organization_id)] : [];
  }
  if (node instanceof OrganizationLink) return [node.member.id, node.parent.id];
  if (node instanceof Partnership) return [node.networkOrganization.id];
  if (node instanceof ChangeEvent) {
    return (await knex('change_event_participant').where('event_id', id).pluck('organization_id')).map(Number);
  }
  if (node instanceof Convention) {
    return (await knex('convention_party').where('convention_id', id).pluck('organization_id')).map(Number);
  }
  if (node instanceof Person) return 'person';
  return null;
}

/** Token holders read the history of what their scope covers; the national secretariat reads everything. */
async function assertCanReadHistory(ctx: RequestContext, node: Node): Promise<void> {
  const caller = ctx.caller;
  if (caller.kind === 'anonymous') throw new UnauthenticatedError();
  if (caller.role === AccessRole.NATIONAL) return;
  const behind = await organizationsBehind(ctx, node);
  const knex = ctx.em.getKnex();
  if (behind === 'person') {
    if (await coversPerson(knex, ctx, Number(node.nodeKey), await organizationsOf(knex, Number(node.nodeKey)))) return;
  } else if (behind) {
    if (node instanceof Convention ? behind.includes(caller.organizationId ?? -1) : (await Promise.all(behind.map((o) => canWrite(knex, ctx, o)))).some(Boolean)) return;
  }
  throw new ForbiddenError("this record's history");
}

@Resolver(() => Node)
export class NodeHistoryResolver {
  @FieldResolver(() => AuditEventConnection, { description: 'Changes made to this record through the API, oldest first: for token holders whose scope covers it (the national secretariat: everything).' })
  async history(@Root() node: Node, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    await assertCanReadHistory(ctx, node);
    const typename = (node.constructor as unknown as { typename: string }).typename;
    const rows = await ctx.em.getKnex()('audit_event').where({ entity_type: typename, entity_id: node.nodeKey }).orderBy('id');
    return connectionFromArray(rows.map(toEvent), page);
  }
}
