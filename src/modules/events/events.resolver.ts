import { IsOptional, Length, Matches } from 'class-validator';
import { Args, ArgsType, Ctx, Field, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { refreshContext, RequestContext } from '../../graphql/context';
import { fromGlobalId } from '../../graphql/node';
import { Convention } from '../convention/convention.entity';
import { conventionLoaders } from '../convention/convention.loaders';
import { GoverningBody, Mandate } from '../governance/governance.entity';
import { governanceLoaders } from '../governance/governance.loaders';
import { RegistryEventPayload, TOPICS } from './event-bus';

@ArgsType()
class EventFilterArgs {
  @Field(() => ID, { nullable: true, description: 'Only changes concerning this organization (global id).' })
  @IsOptional() @Length(1, 200)
  organizationId?: string;

  @Field(() => String, { nullable: true, description: 'Only changes concerning this region (INSEE code).' })
  @IsOptional() @Matches(/^[0-9]{2,3}$/, { message: 'regionCode must be an INSEE region code such as "53"' })
  regionCode?: string;
}

/** The subscriber's filter, applied to each event before anything is read for it. */
function matches(payload: RegistryEventPayload, args: EventFilterArgs): boolean {
  if (args.regionCode && !payload.regionCodes.includes(args.regionCode)) return false;
  if (args.organizationId) {
    const ref = fromGlobalId(args.organizationId);
    if (!ref || !payload.organizationIds.includes(Number(ref.key))) return false;
  }
  return true;
}

@ObjectType({ description: 'Un mandat a changé (ouvert, clos, transféré).' })
class MandateEvent {
  @Field({ description: 'The mutation that changed it (openMandate, endMandate, mergeMissionsLocales).' })
  operation!: string;

  @Field({ description: 'When (ISO 8601, UTC).' })
  occurredAt!: string;

  @Field(() => Mandate, { nullable: true, description: 'The mandate as it now stands.' })
  mandate!: Mandate | null;
}

@ObjectType({ description: "La composition d'une instance a changé." })
class BodyCompositionEvent {
  @Field({ description: 'The mutation behind the change.' })
  operation!: string;

  @Field({ description: 'When (ISO 8601, UTC).' })
  occurredAt!: string;

  @Field(() => GoverningBody, { nullable: true, description: 'The body; read its composition for the new state.' })
  body!: GoverningBody | null;
}

@ObjectType({ description: "Le statut d'une convention a changé." })
class ConventionStatusEvent {
  @Field({ description: 'When (ISO 8601, UTC).' })
  occurredAt!: string;

  @Field(() => Convention, { nullable: true, description: 'The convention as it now stands.' })
  convention!: Convention | null;
}

/** Live updates; anyone may subscribe, and what they read follows the same rules as queries. */
@Resolver()
export class EventsResolver {
  @Subscription(() => MandateEvent, {
    topics: TOPICS.MANDATE_CHANGED, filter: ({ payload, args }) => matches(payload, args),
    description: 'Mandates opened, ended or moved, optionally for one organization or region.',
  })
  async mandateChanged(@Root() event: RegistryEventPayload, @Args() _filter: EventFilterArgs, @Ctx() ctx: RequestContext): Promise<MandateEvent> {
    refreshContext(ctx);
    return { operation: event.operation, occurredAt: event.occurredAt, mandate: await governanceLoaders.mandateById(ctx).load(event.entityId) };
  }

  @Subscription(() => BodyCompositionEvent, {
    topics: TOPICS.BODY_COMPOSITION_CHANGED, filter: ({ payload, args }) => matches(payload, args),
    description: 'Bodies whose composition changed, optionally for one organization or region.',
  })
  async bodyCompositionChanged(@Root() event: RegistryEventPayload, @Args() _filter: EventFilterArgs, @Ctx() ctx: RequestContext): Promise<BodyCompositionEvent> {
    refreshContext(ctx);
    return { operation: event.operation, occurredAt: event.occurredAt, body: await governanceLoaders.bodyById(ctx).load(event.entityId) };
  }

  @Subscription(() => ConventionStatusEvent, {
    topics: TOPICS.CONVENTION_STATUS_CHANGED, filter: ({ payload, args }) => matches(payload, args),
    description: 'Conventions whose status changed, optionally for one party or region.',
  })
  async conventionStatusChanged(@Root() event: RegistryEventPayload, @Args() _filter: EventFilterArgs, @Ctx() ctx: RequestContext): Promise<ConventionStatusEvent> {
    refreshContext(ctx);
    return { occurredAt: event.occurredAt, convention: await conventionLoaders.byId(ctx).load(event.entityId) };
  }
}
