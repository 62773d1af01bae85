import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { UserError } from '../../graphql/payload';
import { MergeMissionsLocalesInput } from './merge.inputs';
import { MergeService } from './merge.service';
import { RecordChangeEventInput } from './change-event.inputs.write';
import { ChangeEventWriteService } from './change-event.write.service';
import { groupByKeys, RequestContext } from '../../graphql/context';
import { Organization } from '../organization/organization.entity';
import { organizationLoaders } from '../organization/organization.loaders';
import { ChangeEvent, ChangeEventParticipant, ChangeEventRole } from './change-event.entity';

const participantsOfEvent = (ctx: RequestContext) =>
  ctx.loaders.get('changeEvent.participantsOfEvent', async (ids: readonly number[]) =>
    groupByKeys(ids, await ctx.em.find(ChangeEventParticipant, { event: { $in: [...ids] } }, { orderBy: { id: 'ASC' } }), (p) => p.event.id));

const eventsOfOrganization = (ctx: RequestContext) =>
  ctx.loaders.get('changeEvent.eventsOfOrganization', async (ids: readonly number[]) =>
    groupByKeys(ids, await ctx.em.find(ChangeEventParticipant, { organization: { $in: [...ids] } },
      { populate: ['event'], orderBy: { event: { date: 'ASC', id: 'ASC' } } }), (p) => p.organization.id));

async function organizationsOf(ctx: RequestContext, event: ChangeEvent, role: ChangeEventRole): Promise<Organization[]> {
  const ids = (await participantsOfEvent(ctx).load(event.id)).filter((p) => p.role === role).map((p) => p.organization.id);
  return (await organizationLoaders.byId(ctx).loadMany(ids)).filter((o) => o instanceof Organization) as Organization[];
}

@Resolver(() => ChangeEvent)
export class ChangeEventResolver {
  @FieldResolver(() => [Organization], { description: 'Structures as they were before the change (empty for a creation).' })
  origins(@Root() event: ChangeEvent, @Ctx() ctx: RequestContext) {
    return organizationsOf(ctx, event, ChangeEventRole.ORIGIN);
  }

  @FieldResolver(() => [Organization], { description: 'Structures resulting from the change.' })
  results(@Root() event: ChangeEvent, @Ctx() ctx: RequestContext) {
    return organizationsOf(ctx, event, ChangeEventRole.RESULT);
  }
}

@Resolver(() => Organization)
export class OrganizationHistoryResolver {
  @FieldResolver(() => [ChangeEvent], { description: 'Events of its life (creation, mergers, splits, renamings), oldest first.' })
  async changeEvents(@Root() org: Organization, @Ctx() ctx: RequestContext) {
    const seen = new Set<number>();
    return (await eventsOfOrganization(ctx).load(org.id)).map((p) => p.event)
      .filter((e) => !seen.has(e.id) && seen.add(e.id));
  }
}

@ObjectType({ description: "Résultat d'une fusion." })
export class MergePayload {
  @Field(() => ChangeEvent, { nullable: true, description: 'The MERGER event recorded (null when nothing was written).' })
  changeEvent!: ChangeEvent | null;

  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  userErrors!: UserError[];
}

@Resolver()
export class MergeResolver {
  @Mutation(() => MergePayload, { description: "Merges a Mission Locale into another: communes, sites and representation move to the result, the absorbed one's own mandates end, it is dissolved; history is kept." })
  async mergeMissionsLocales(@Arg('input', () => MergeMissionsLocalesInput, { description: 'Which, into which, when.' }) input: MergeMissionsLocalesInput, @Ctx() ctx: RequestContext): Promise<MergePayload> {
    const { event, userErrors } = await new MergeService(ctx).merge(input);
    return { changeEvent: event, userErrors };
  }
}

@ObjectType({ description: "Résultat de l'enregistrement d'un évènement (création, scission, changement de nom, dissolution)." })
export class ChangeEventPayload {
  @Field(() => ChangeEvent, { nullable: true, description: 'The event recorded (null when nothing was written).' })
  changeEvent!: ChangeEvent | null;

  @Field(() => [UserError], { description: 'Why nothing was written (WRONG_ORIGIN_COUNT, RENAMING_NOT_SAME_ORGANIZATION, ORGANIZATION_DISSOLVED...); empty on success.' })
  userErrors!: UserError[];
}

@Resolver()
export class ChangeEventMutationResolver {
  @Mutation(() => ChangeEventPayload, {
    description: 'Records a creation, split, renaming or dissolution with the structures involved. A dissolved structure (origins of a DISSOLUTION, '
      + 'the origin of a SPLIT that is not among its results) gets dissolvedOn and its open memberships end on the date; a RENAMING with newName '
      + 'renames it, keeping the former name. Coverage, sites and mandates are not touched: use their own mutations.',
  })
  async recordChangeEvent(@Arg('input', () => RecordChangeEventInput, { description: 'The event and the structures involved.' }) input: RecordChangeEventInput, @Ctx() ctx: RequestContext): Promise<ChangeEventPayload> {
    const { event, userErrors } = await new ChangeEventWriteService(ctx).record(input);
    return { changeEvent: event, userErrors };
  }
}
