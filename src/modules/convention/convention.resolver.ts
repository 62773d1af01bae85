import { Arg, Args, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { UserError } from '../../graphql/payload';
import {
  AddConventionDocumentInput, AddConventionPartyInput, AddFundingLineInput, ChangeConventionStatusInput, CreateConventionInput,
} from './convention.inputs.write';
import { ConventionWriteService } from './convention.write.service';
import type { RequestContext } from '../../graphql/context';
import { Connection, connectionFromArray, PageArgs, toConnection } from '../../graphql/pagination';
import { EurosScalar } from '../../graphql/scalars';
import { Organization } from '../organization/organization.entity';
import { organizationLoaders } from '../organization/organization.loaders';
import {
  Convention, ConventionAction, ConventionDocument, ConventionObjective, ConventionParty, ConventionStatusChange, FundingLine,
} from './convention.entity';
import { ConventionFilter, ConventionOrder, FundingDimension, FundingFilter, PartnershipFilter } from './convention.inputs';
import { conventionLoaders } from './convention.loaders';
import { ConventionService } from './convention.service';
import { Partnership } from './partnership.entity';

export const ConventionConnection = Connection(Convention, 'Convention', 'conventions');
const PartnershipConnection = Connection(Partnership, 'Partnership', 'partnerships');

/** A funding total along the dimensions asked (the others are null). */
@ObjectType({ description: 'Total des financements, groupé par financeur, année et/ou axe.' })
class FundingTotal {
  @Field(() => Organization, { nullable: true, description: 'Financer (when grouped by financer).' })
  financer!: Organization | null;

  @Field(() => Int, { nullable: true, description: 'Year (when grouped by year).' })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'Axis (when grouped by axis; null also for lines with no axis).' })
  axis!: string | null;

  @Field(() => EurosScalar, { description: 'Sum of the amounts, exact to the cent.' })
  amount!: bigint;

  @Field(() => Int, { description: 'Number of funding lines summed.' })
  lines!: number;
}

@Resolver(() => Convention)
export class ConventionResolver {
  @Query(() => ConventionConnection, { description: 'Conventions, filtered (party, region, kind, status, in force on a date, expiring soon) and ordered (by end date unless told otherwise).' })
  async conventions(
    @Arg('filter', () => ConventionFilter, { nullable: true, description: 'Criteria.' }) filter: ConventionFilter | undefined,
    @Arg('orderBy', () => ConventionOrder, { nullable: true, description: 'Order (default: end date).' }) orderBy: ConventionOrder | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnection(await new ConventionService(ctx).list(filter, orderBy, page));
  }

  @Query(() => [FundingTotal], { description: 'Funding totals by financer, year and/or axis, for one convention, one party (an ARML), one region or the whole network.' })
  async fundingTotals(
    @Arg('filter', () => FundingFilter, { nullable: true, description: 'Which conventions (default: all).' }) filter: FundingFilter | undefined,
    @Arg('groupBy', () => [FundingDimension], { description: 'Dimensions to group by (empty: one grand total).' }) groupBy: FundingDimension[],
    @Ctx() ctx: RequestContext,
  ): Promise<FundingTotal[]> {
    const rows = await new ConventionService(ctx).fundingTotals(filter, groupBy);
    const financers = await organizationLoaders.byId(ctx).loadMany(rows.map((r) => r.financerId ?? 0));
    return rows.map((r, i) => ({
      financer: r.financerId === null ? null : (financers[i] as Organization | null),
      year: r.year, axis: r.axis, amount: r.cents, lines: r.lines,
    }));
  }

  @FieldResolver(() => [ConventionParty], { description: 'Its parties with their roles.' })
  parties(@Root() c: Convention, @Ctx() ctx: RequestContext) {
    return conventionLoaders.parties(ctx).load(c.id);
  }

  @FieldResolver(() => [ConventionStatusChange], { description: 'Dated history of its status, oldest first.' })
  statusHistory(@Root() c: Convention, @Ctx() ctx: RequestContext) {
    return conventionLoaders.statusHistory(ctx).load(c.id);
  }

  @FieldResolver(() => [ConventionDocument], { description: 'Its documents.' })
  documents(@Root() c: Convention, @Ctx() ctx: RequestContext) {
    return conventionLoaders.documents(ctx).load(c.id);
  }

  @FieldResolver(() => [ConventionObjective], { description: 'Its objectives, by number (axes 1 to 4 for a CPO État–ARML).' })
  objectives(@Root() c: Convention, @Ctx() ctx: RequestContext) {
    return conventionLoaders.objectives(ctx).load(c.id);
  }

  @FieldResolver(() => [FundingLine], { description: 'Its funding lines, by year and axis.' })
  fundingLines(@Root() c: Convention, @Ctx() ctx: RequestContext) {
    return conventionLoaders.fundingLines(ctx).load(c.id);
  }

  @FieldResolver(() => EurosScalar, { description: 'Total of its funding lines, exact to the cent.' })
  fundingTotal(@Root() c: Convention, @Ctx() ctx: RequestContext) {
    return conventionLoaders.fundingTotal(ctx).load(c.id);
  }

  @FieldResolver(() => Convention, { nullable: true, description: 'The convention it renews.' })
  renews(@Root() c: Convention, @Ctx() ctx: RequestContext) {
    return c.renews ? conventionLoaders.byId(ctx).load(c.renews.id) : null;
  }

  @FieldResolver(() => [Convention], { description: 'The conventions that renew it.' })
  renewedBy(@Root() c: Convention, @Ctx() ctx: RequestContext) {
    return conventionLoaders.children(ctx, 'renews').load(c.id);
  }

  @FieldResolver(() => Convention, { nullable: true, description: 'For a regional declination: its national convention.' })
  nationalConvention(@Root() c: Convention, @Ctx() ctx: RequestContext) {
    return c.nationalConvention ? conventionLoaders.byId(ctx).load(c.nationalConvention.id) : null;
  }

  @FieldResolver(() => [Convention], { description: 'For a national convention: its regional declinations.' })
  declinations(@Root() c: Convention, @Ctx() ctx: RequestContext) {
    return conventionLoaders.children(ctx, 'nationalConvention').load(c.id);
  }

  @FieldResolver(() => [Organization], { description: 'For a national convention: the ARML that signed a regional declination of it.' })
  declinedBy(@Root() c: Convention, @Ctx() ctx: RequestContext) {
    return new ConventionService(ctx).declinedBy(c);
  }

  @FieldResolver(() => [Organization], { description: 'For a national convention: the ARML existing today that have not declined it.' })
  notDeclinedBy(@Root() c: Convention, @Ctx() ctx: RequestContext) {
    return new ConventionService(ctx).notDeclinedBy(c);
  }
}

@Resolver(() => ConventionParty)
export class ConventionPartyResolver {
  @FieldResolver(() => Organization, { description: 'The organization party to the convention.' })
  organization(@Root() p: ConventionParty, @Ctx() ctx: RequestContext) {
    return organizationLoaders.byId(ctx).load(p.organization.id);
  }
}

@Resolver(() => ConventionObjective)
export class ConventionObjectiveResolver {
  @FieldResolver(() => [ConventionAction], { description: 'Actions serving the objective, with their calendar.' })
  actions(@Root() o: ConventionObjective, @Ctx() ctx: RequestContext) {
    return conventionLoaders.actions(ctx).load(o.id);
  }
}

@Resolver(() => FundingLine)
export class FundingLineResolver {
  @FieldResolver(() => Organization, { description: 'The financer.' })
  financer(@Root() f: FundingLine, @Ctx() ctx: RequestContext) {
    return organizationLoaders.byId(ctx).load(f.financer.id);
  }
}

@Resolver(() => Partnership)
export class PartnershipResolver {
  @FieldResolver(() => Organization, { description: 'The structure of the network (UNML, an ARML or a Mission Locale).' })
  networkOrganization(@Root() p: Partnership, @Ctx() ctx: RequestContext) {
    return organizationLoaders.byId(ctx).load(p.networkOrganization.id);
  }

  @FieldResolver(() => Organization, { description: 'The partner.' })
  partner(@Root() p: Partnership, @Ctx() ctx: RequestContext) {
    return organizationLoaders.byId(ctx).load(p.partner.id);
  }

  @FieldResolver(() => [Convention], { description: 'Conventions formalising it (possibly none).' })
  conventions(@Root() p: Partnership, @Ctx() ctx: RequestContext) {
    return conventionLoaders.conventionsOfPartnership(ctx).load(p.id);
  }
}

@Resolver(() => Organization)
export class OrganizationConventionResolver {
  @FieldResolver(() => ConventionConnection, { description: 'Conventions it is a party to, filtered and ordered (by end date unless told otherwise).' })
  async conventions(
    @Root() org: Organization,
    @Arg('filter', () => ConventionFilter, { nullable: true, description: 'Criteria (partyId is this organization).' }) filter: ConventionFilter | undefined,
    @Arg('orderBy', () => ConventionOrder, { nullable: true, description: 'Order (default: end date).' }) orderBy: ConventionOrder | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return connectionFromArray(await new ConventionService(ctx).ofOrganization(org, filter, orderBy), page);
  }

  @FieldResolver(() => PartnershipConnection, { description: 'Its partnerships, as a structure of the network or as a partner.' })
  async partnerships(
    @Root() org: Organization,
    @Arg('filter', () => PartnershipFilter, { nullable: true, description: 'Criteria.' }) filter: PartnershipFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return connectionFromArray(await new ConventionService(ctx).partnerships(org, filter), page);
  }
}

@ObjectType({ description: "Résultat d'une mutation sur une convention." })
export class ConventionPayload {
  @Field(() => Convention, { nullable: true, description: 'The convention as stored after the change (null when nothing was written).' })
  convention!: Convention | null;

  @Field(() => [UserError], { description: 'Why nothing was written (a convention rule code, CONFLICT...); empty on success.' })
  userErrors!: UserError[];
}

@Resolver()
export class ConventionMutationResolver {
  @Mutation(() => ConventionPayload, { description: 'Records a new convention as a draft, with its parties (an ARML must be one of them).' })
  createConvention(@Arg('input', () => CreateConventionInput, { description: 'The convention.' }) input: CreateConventionInput, @Ctx() ctx: RequestContext) {
    return new ConventionWriteService(ctx).create(input);
  }

  @Mutation(() => ConventionPayload, { description: 'Moves a convention along its lifecycle (draft → in negotiation → signed → in force → expired, or terminated).' })
  changeConventionStatus(@Arg('input', () => ChangeConventionStatusInput, { description: 'The change.' }) input: ChangeConventionStatusInput, @Ctx() ctx: RequestContext) {
    return new ConventionWriteService(ctx).changeStatus(input);
  }

  @Mutation(() => ConventionPayload, { description: 'Adds a party to a convention (once per role).' })
  addConventionParty(@Arg('input', () => AddConventionPartyInput, { description: 'The party.' }) input: AddConventionPartyInput, @Ctx() ctx: RequestContext) {
    return new ConventionWriteService(ctx).addParty(input);
  }

  @Mutation(() => ConventionPayload, { description: 'Adds a funding line (the financer must be a FINANCER party).' })
  addFundingLine(@Arg('input', () => AddFundingLineInput, { description: 'The line.' }) input: AddFundingLineInput, @Ctx() ctx: RequestContext) {
    return new ConventionWriteService(ctx).addFundingLine(input);
  }

  @Mutation(() => ConventionPayload, { description: 'Adds a document to a convention.' })
  addConventionDocument(@Arg('input', () => AddConventionDocumentInput, { description: 'The document.' }) input: AddConventionDocumentInput, @Ctx() ctx: RequestContext) {
    return new ConventionWriteService(ctx).addDocument(input);
  }
}
