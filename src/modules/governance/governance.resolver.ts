import type { EntityManager } from '@mikro-orm/knex';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, Info, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { isReadOnlyRecord } from '../../db/read-only-record';
import { UserError } from '../../graphql/payload';
import { CorrectMandateInput, EndMandateInput, OpenMandateInput, ReplaceMandateInput } from './governance.inputs.write';
import { MandateWriteService } from './governance.write.service';
import { AsOfArgs, AsOfPageArgs, dayOf } from '../../graphql/args';
import type { RequestContext } from '../../graphql/context';
import { Connection, connectionFromArray, PageArgs, toConnection } from '../../graphql/pagination';
import { SelectionShape, selectionWithin } from '../../graphql/selection';
import { Organization } from '../organization/organization.entity';
import { organizationLoaders } from '../organization/organization.loaders';
import { Person } from '../person/person.entity';
import { personLoaders } from '../person/person.loaders';
import { BodyTerm, College, GoverningBody, Mandate, Post } from './governance.entity';
import { GoverningBodyFilter } from './governance.inputs';
import { governanceLoaders } from './governance.loaders';
import { GovernanceRepository } from './governance.repository';
import { checkGovernance, GovernanceRule } from './governance.rules';
import { GovernanceService } from './governance.service';
import { loadGovernanceSnapshot } from './governance.snapshot';
import { GovernanceCheck, GovernanceIssueType, Vacancy } from './governance.types';

export const MandateConnection = Connection(Mandate, 'Mandate', 'mandates');
const GoverningBodyConnection = Connection(GoverningBody, 'GoverningBody', 'governing bodies');

/**
 * What a network map asks of a mandate and its holder: a selection within these is served from the
 * brief reading of mandates (`mandatesOfBodyBrief`, 13 columns instead of 28), any other from the
 * complete one.
 */
const BRIEF_PERSON: SelectionShape = { id: true, givenName: true, familyName: true };
const BRIEF_MANDATE: SelectionShape = { id: true, role: true, startDate: true, endDate: true, post: { id: true, kind: true, label: true }, person: BRIEF_PERSON };
const briefComposition = selectionWithin({ totalCount: true, pageInfo: true, nodes: BRIEF_MANDATE, edges: { cursor: true, node: BRIEF_MANDATE } });
const briefPerson = selectionWithin(BRIEF_PERSON);

const present = <T>(items: (T | Error | null)[]) => items.filter((x): x is T => x !== null && !(x instanceof Error));

@Resolver(() => GoverningBody)
export class GoverningBodyResolver {
  @Query(() => GoverningBodyConnection, { description: 'Governing bodies of the network, by organization name: e.g. every ARML board, or the partner bodies where the network holds seats.' })
  async governingBodies(
    @Arg('filter', () => GoverningBodyFilter, { nullable: true, description: 'Criteria.' }) filter: GoverningBodyFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnection(await new GovernanceRepository(ctx.em).findBodyPage(filter ?? {}, page));
  }

  @Query(() => GovernanceCheck, { description: 'Checks every governance rule over the whole network on a date, naming the records that break one.' })
  async governanceIssues(@Args() args: AsOfArgs, @Ctx() ctx: RequestContext): Promise<GovernanceCheck> {
    const snapshot = await loadGovernanceSnapshot((ctx.em as EntityManager).getKnex(), dayOf(args));
    const issues = checkGovernance(snapshot);
    const [mandates, persons, orgs, bodies, posts] = [
      governanceLoaders.mandateById(ctx), personLoaders.byId(ctx), organizationLoaders.byId(ctx),
      governanceLoaders.bodyById(ctx), governanceLoaders.postById(ctx),
    ];
    return {
      asOf: snapshot.asOf,
      mandatesChecked: snapshot.mandates.length,
      rulesChecked: Object.values(GovernanceRule),
      issues: await Promise.all(issues.map(async (i): Promise<GovernanceIssueType> => ({
        rule: i.rule,
        message: i.message,
        mandates: present(await mandates.loadMany(i.mandateIds)),
        persons: present(await persons.loadMany(i.personIds)),
        organizations: present(await orgs.loadMany(i.organizationIds)),
        body: i.bodyId === null ? null : await bodies.load(i.bodyId),
        post: i.postId === null ? null : await posts.load(i.postId),
      }))),
    };
  }

  @FieldResolver(() => Organization, { description: 'The organization whose body this is.' })
  organization(@Root() body: GoverningBody, @Ctx() ctx: RequestContext) {
    return organizationLoaders.byId(ctx).load(body.organization.id);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Organization holding the secretariat, when another one (UNML for the Conférence des présidents).' })
  secretariat(@Root() body: GoverningBody, @Ctx() ctx: RequestContext) {
    return body.secretariat ? organizationLoaders.byId(ctx).load(body.secretariat.id) : null;
  }

  @FieldResolver(() => [BodyTerm], { description: 'Its terms (mandatures), oldest first.' })
  terms(@Root() body: GoverningBody, @Ctx() ctx: RequestContext) {
    return new GovernanceService(ctx).terms(body);
  }

  @FieldResolver(() => BodyTerm, { nullable: true, description: 'The term in effect on the date.' })
  term(@Root() body: GoverningBody, @Args() args: AsOfArgs, @Ctx() ctx: RequestContext) {
    return new GovernanceService(ctx).termOn(body, dayOf(args));
  }

  @FieldResolver(() => [Post], { description: 'Its posts, with their seats (they exist even when vacant).' })
  posts(@Root() body: GoverningBody, @Ctx() ctx: RequestContext) {
    return new GovernanceService(ctx).posts(body);
  }

  @FieldResolver(() => MandateConnection, { description: 'Its composition on the date: mandates in effect, post by post, titulaires first.' })
  async composition(@Root() body: GoverningBody, @Args() args: AsOfPageArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return connectionFromArray(await new GovernanceService(ctx).composition(body, dayOf(args), briefComposition(info)), args);
  }

  @FieldResolver(() => [Vacancy], { description: 'Posts with seats nobody holds on the date (empty outside a term).' })
  vacancies(@Root() body: GoverningBody, @Args() args: AsOfArgs, @Ctx() ctx: RequestContext) {
    return new GovernanceService(ctx).vacancies(body, dayOf(args));
  }
}

@Resolver(() => Post)
export class PostResolver {
  @FieldResolver(() => GoverningBody, { description: 'The body the post belongs to.' })
  body(@Root() post: Post, @Ctx() ctx: RequestContext) {
    return governanceLoaders.bodyById(ctx).load(post.body.id);
  }

  @FieldResolver(() => College, { nullable: true, description: 'The collège its seats are reserved to, if any.' })
  college(@Root() post: Post, @Ctx() ctx: RequestContext) {
    return post.college ? governanceLoaders.collegeById(ctx).load(post.college.id) : null;
  }

  @FieldResolver(() => [Mandate], { description: 'Who holds it on the date, titulaires first.' })
  holders(@Root() post: Post, @Args() args: AsOfArgs, @Ctx() ctx: RequestContext) {
    return new GovernanceService(ctx).holders(post, dayOf(args));
  }
}

@Resolver(() => BodyTerm)
export class BodyTermResolver {
  @FieldResolver(() => GoverningBody, { description: 'The body of this term.' })
  body(@Root() term: BodyTerm, @Ctx() ctx: RequestContext) {
    return governanceLoaders.bodyById(ctx).load(term.body.id);
  }
}

@Resolver(() => College)
export class CollegeResolver {
  @FieldResolver(() => Organization, { description: 'The organization whose collège this is.' })
  organization(@Root() college: College, @Ctx() ctx: RequestContext) {
    return organizationLoaders.byId(ctx).load(college.organization.id);
  }
}

/** A mandate's person: as it is when the mandate was read with it, else through the loader. */
const personOf = (person: Person, ctx: RequestContext) => (isReadOnlyRecord(person) ? person : personLoaders.byId(ctx).load(person.id));

@Resolver(() => Mandate)
export class MandateResolver {
  @FieldResolver(() => Post, { description: 'The post held.' })
  post(@Root() m: Mandate, @Ctx() ctx: RequestContext) {
    return isReadOnlyRecord(m.post) ? m.post : governanceLoaders.postById(ctx).load(m.post.id);
  }

  @FieldResolver(() => GoverningBody, { description: 'The body the seat is in.' })
  async body(@Root() m: Mandate, @Ctx() ctx: RequestContext) {
    const term = await governanceLoaders.termById(ctx).load(m.term.id);
    return governanceLoaders.bodyById(ctx).load(term!.body.id);
  }

  @FieldResolver(() => BodyTerm, { description: 'The term (mandature) it belongs to.' })
  term(@Root() m: Mandate, @Ctx() ctx: RequestContext) {
    return governanceLoaders.termById(ctx).load(m.term.id);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The person holding the seat (null when an organization holds it by right).' })
  person(@Root() m: Mandate, @Ctx() ctx: RequestContext) {
    return m.person ? personOf(m.person, ctx) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization holding the seat by right (null when a person holds it).' })
  holderOrganization(@Root() m: Mandate, @Ctx() ctx: RequestContext) {
    return m.holderOrganization ? organizationLoaders.byId(ctx).load(m.holderOrganization.id) : null;
  }

  @FieldResolver(() => College, { nullable: true, description: 'The collège the seat belongs to.' })
  college(@Root() m: Mandate, @Ctx() ctx: RequestContext) {
    return m.college ? governanceLoaders.collegeById(ctx).load(m.college.id) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization represented (the Mission Locale, the ARML, the local authority).' })
  onBehalfOf(@Root() m: Mandate, @Ctx() ctx: RequestContext) {
    return m.onBehalfOf ? organizationLoaders.byId(ctx).load(m.onBehalfOf.id) : null;
  }

  @FieldResolver(() => Mandate, { nullable: true, description: 'When this record was wrong: the mandate that corrects it.' })
  correctedBy(@Root() m: Mandate, @Ctx() ctx: RequestContext) {
    return m.correctedBy ? governanceLoaders.mandateById(ctx).load(m.correctedBy.id) : null;
  }
}

@Resolver(() => Organization)
export class OrganizationGovernanceResolver {
  @FieldResolver(() => [GoverningBody], { description: 'Its governing bodies (AG, CA, Bureau, committees).' })
  governingBodies(@Root() org: Organization, @Ctx() ctx: RequestContext) {
    return new GovernanceService(ctx).bodiesOf(org);
  }

  @FieldResolver(() => [College], { description: 'Its collèges, by number.' })
  colleges(@Root() org: Organization, @Ctx() ctx: RequestContext) {
    return governanceLoaders.collegesOfOrganization(ctx).load(org.id);
  }

  @FieldResolver(() => Mandate, { nullable: true, description: "Its president's mandate on the date (the PRESIDENT post of its board)." })
  presidency(@Root() org: Organization, @Args() args: AsOfArgs, @Ctx() ctx: RequestContext) {
    return new GovernanceService(ctx).presidentMandate(org, dayOf(args));
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who presides it on the date.' })
  async president(@Root() org: Organization, @Args() args: AsOfArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    const m = await new GovernanceService(ctx).presidentMandate(org, dayOf(args), briefPerson(info));
    return m?.person ? personOf(m.person, ctx) : null;
  }

  @FieldResolver(() => MandateConnection, { description: 'Seats it holds by right, or held on its behalf, on the date: how it is represented in other bodies (its ARML’s AG, UNML’s board, the Conférence des présidents, partner bodies such as the CREFOP).' })
  async representedBy(@Root() org: Organization, @Args() args: AsOfPageArgs, @Ctx() ctx: RequestContext) {
    return connectionFromArray(await new GovernanceService(ctx).representedBy(org, dayOf(args)), args);
  }
}

@ObjectType({ description: "Résultat d'une mutation sur un mandat." })
export class MandatePayload {
  @Field(() => Mandate, { nullable: true, description: 'The mandate as stored after the change (null when nothing was written).' })
  mandate!: Mandate | null;

  @Field(() => [UserError], { description: 'Why nothing was written (a governance rule code, CONFLICT...); empty on success.' })
  userErrors!: UserError[];
}

@Resolver()
export class MandateMutationResolver {
  @Mutation(() => MandatePayload, { description: 'Opens a mandate on a post; refused when it would break a governance rule on its start date.' })
  openMandate(@Arg('input', () => OpenMandateInput, { description: 'The mandate.' }) input: OpenMandateInput, @Ctx() ctx: RequestContext) {
    return new MandateWriteService(ctx).open(input);
  }

  @Mutation(() => MandatePayload, { description: 'Hands a seat over: the mandate ends and its successor starts the same day, rules checked.' })
  replaceMandate(@Arg('input', () => ReplaceMandateInput, { description: 'Which mandate, when, and the successor.' }) input: ReplaceMandateInput, @Ctx() ctx: RequestContext) {
    return new MandateWriteService(ctx).replace(input);
  }

  @Mutation(() => MandatePayload, { description: 'Corrects a mandate recorded wrongly: the correction is a new mandate; the wrong one stays, pointing to it.' })
  correctMandate(@Arg('input', () => CorrectMandateInput, { description: 'Which mandate and the right facts.' }) input: CorrectMandateInput, @Ctx() ctx: RequestContext) {
    return new MandateWriteService(ctx).correct(input);
  }

  @Mutation(() => MandatePayload, { description: 'Ends a mandate (it is closed, never deleted).' })
  endMandate(@Arg('input', () => EndMandateInput, { description: 'Which mandate, when and why.' }) input: EndMandateInput, @Ctx() ctx: RequestContext) {
    return new MandateWriteService(ctx).end(input);
  }
}
