import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { UserError } from '../../graphql/payload';
import { ChangeCoverageInput, CreateOrganizationInput, UpdateOrganizationInput } from './organization.inputs.write';
import { OrganizationWriteService } from './organization.write.service';
import type { GraphQLResolveInfo } from 'graphql';
import { AsOfArgs, AsOfPageArgs, dayOf } from '../../graphql/args';
import type { RequestContext } from '../../graphql/context';
import { Connection, connectionFromArray, countOnly, PageArgs, toConnection } from '../../graphql/pagination';
import { itemsAsk, needsItems } from '../../graphql/selection';
import { fromGlobalId } from '../../graphql/node';
import { BadInputError } from '../../graphql/errors';
import { Figures } from '../figures/figures.types';
import { FiguresService } from '../figures/figures.service';
import { Site } from '../site/site.entity';
import { siteLoaders } from '../site/site.loaders';
import { Commune, Departement, Region } from '../territory/territory.entity';
import { TerritoryService } from '../territory/territory.service';
import { territoryLoaders } from '../territory/territory.loaders';
import { Organization, OrganizationIdentifier, OrganizationName } from './organization.entity';
import { OrganizationLink } from './organization-link.entity';
import { IdentifierScheme, OrganizationKind } from './organization.enums';
import { OrganizationFilter, OrganizationOrder } from './organization.inputs';
import { OrganizationService } from './organization.service';

/** A count-only connection, at once when the count was read with the organization (no promise for each of a map's 874). */
const countOnlyOf = (n: number | Promise<number>) => (typeof n === 'number' ? countOnly<never>(n) : n.then((v) => countOnly<never>(v)));

/** Whether a page of members will be asked each member's communes, or sites: they are then read with the page. */
const membersAskCommunes = itemsAsk('communes');
const membersAskSites = itemsAsk('sites');

export const OrganizationConnection = Connection(Organization, 'Organization', 'organizations');
export const CommuneConnection = Connection(Commune, 'Commune', 'communes');
export const SiteConnection = Connection(Site, 'Site', "reception sites (lieux d'accueil)");

/** Public office contact of a structure (never a person's contact details). */
@ObjectType({ description: "Coordonnées publiques de la structure (standard, accueil): never a person's contact details." })
class OfficeContact {
  @Field(() => String, { nullable: true, description: 'Office phone number.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Office e-mail address.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address of the office.' })
  address!: string | null;
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { description: "L'Union nationale des Missions Locales (UNML), root of the network tree." })
  unml(@Ctx() ctx: RequestContext) {
    return new OrganizationService(ctx).unml();
  }

  @Query(() => Organization, { nullable: true, description: 'An organization by its global id.' })
  async organization(@Arg('id', () => ID, { description: 'Global id of the organization.' }) id: string, @Ctx() ctx: RequestContext) {
    const ref = fromGlobalId(id);
    if (!ref || ref.typename !== Organization.typename || !/^\d{1,9}$/.test(ref.key)) throw new BadInputError(`Not an organization id: ${id}`, 'id');
    return new OrganizationService(ctx).byId(Number(ref.key));
  }

  @Query(() => Organization, { nullable: true, description: 'An organization by a business identifier: SIREN, SIRET, RNA or UNML code.' })
  organizationByIdentifier(
    @Arg('scheme', () => IdentifierScheme, { description: 'Identifier scheme.' }) scheme: IdentifierScheme,
    @Arg('value', { description: 'The identifier (spaces ignored).' }) value: string,
    @Ctx() ctx: RequestContext,
  ) {
    return new OrganizationService(ctx).byIdentifier(scheme, value);
  }

  @Query(() => OrganizationConnection, { description: 'Structures of the network and partners, filtered and ordered (by name unless told otherwise).' })
  async organizations(
    @Arg('filter', () => OrganizationFilter, { nullable: true, description: 'Criteria.' }) filter: OrganizationFilter | undefined,
    @Arg('orderBy', () => OrganizationOrder, { nullable: true, description: 'Order (default: name).' }) orderBy: OrganizationOrder | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnection(await new OrganizationService(ctx).list(filter, orderBy, page));
  }

  @FieldResolver(() => OfficeContact, { description: 'Public office contact.' })
  officeContact(@Root() org: Organization): OfficeContact {
    return { phone: org.officePhone ?? null, email: org.officeEmail ?? null, address: org.officeAddress ?? null };
  }

  @FieldResolver(() => [OrganizationIdentifier], { description: 'Official identifiers (SIREN, SIRET, RNA, UNML code).' })
  identifiers(@Root() org: Organization, @Ctx() ctx: RequestContext) {
    return new OrganizationService(ctx).identifiers(org);
  }

  @FieldResolver(() => [OrganizationName], { description: 'Former names, oldest first.' })
  formerNames(@Root() org: Organization, @Ctx() ctx: RequestContext) {
    return new OrganizationService(ctx).formerNames(org);
  }

  @FieldResolver(() => Region, { nullable: true, description: "Region of the structure: a Mission Locale's region, an ARML's first region." })
  region(@Root() org: Organization, @Ctx() ctx: RequestContext) {
    return org.regionCode ? territoryLoaders.region(ctx).load(org.regionCode) : null;
  }

  @FieldResolver(() => [Region], { description: 'ARML: the regions it covers on the date (Océan Indien: La Réunion and Mayotte since 2023).' })
  async regions(@Root() org: Organization, @Args() args: AsOfArgs, @Ctx() ctx: RequestContext) {
    const codes = await new OrganizationService(ctx).regionCodes(org, dayOf(args));
    return (await territoryLoaders.region(ctx).loadMany(codes)).filter((r) => r instanceof Region);
  }

  @FieldResolver(() => Departement, { nullable: true, description: 'Main département of a Mission Locale.' })
  departement(@Root() org: Organization, @Ctx() ctx: RequestContext) {
    return org.departementCode ? territoryLoaders.departement(ctx).load(org.departementCode) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The structure it is a member of on the date: its ARML for a Mission Locale, UNML for an ARML.' })
  parent(@Root() org: Organization, @Args() args: AsOfArgs, @Ctx() ctx: RequestContext) {
    return new OrganizationService(ctx).parent(org, dayOf(args));
  }

  @FieldResolver(() => [OrganizationLink], { description: 'Its memberships (as member), oldest first: those in effect on asOf, or the whole history when asOf is omitted and history is true.' })
  memberships(
    @Root() org: Organization,
    @Args() args: AsOfArgs,
    @Arg('history', { defaultValue: false, description: 'Include ended memberships (whole history).' }) history: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    return new OrganizationService(ctx).memberships(org, history ? null : dayOf(args));
  }

  @FieldResolver(() => OrganizationConnection, { description: 'Its members on the date, by name: the ARML of UNML, the Missions Locales of an ARML.' })
  async members(
    @Root() org: Organization,
    @Args() args: AsOfPageArgs,
    @Arg('kinds', () => [OrganizationKind], { nullable: true, description: 'Only members of these kinds.' }) kinds: OrganizationKind[] | undefined,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const counts = { communes: membersAskCommunes(info), sites: membersAskSites(info) };
    return toConnection(await new OrganizationService(ctx).memberPage(org, dayOf(args), kinds, args, counts));
  }

  @FieldResolver(() => CommuneConnection, { description: 'Mission Locale: the communes of its zone de compétence on the date, by INSEE code.' })
  communes(@Root() org: Organization, @Args() args: AsOfPageArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    if (!needsItems(info)) return countOnlyOf(new TerritoryService(ctx).coveredCommuneCount(org, dayOf(args)));
    return this.communePage(org, args, ctx);
  }

  private async communePage(org: Organization, args: AsOfPageArgs, ctx: RequestContext) {
    const territory = new TerritoryService(ctx);
    const codes = await territory.coveredCommuneCodes(org, dayOf(args));
    const page = connectionFromArray(codes, args);
    const communes = await territory.communesByCodes(page.nodes);
    const byCode = new Map(communes.map((c) => [c.code, c]));
    const edges = page.edges.filter((e) => byCode.has(e.node)).map((e) => ({ cursor: e.cursor, node: byCode.get(e.node)! }));
    return { edges, nodes: edges.map((e) => e.node), totalCount: page.totalCount, pageInfo: page.pageInfo };
  }

  @FieldResolver(() => SiteConnection, { description: "Mission Locale: its reception sites (lieux d'accueil), head office first." })
  sites(@Root() org: Organization, @Args() page: PageArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    if (!needsItems(info)) return countOnlyOf(siteLoaders.count(ctx).loadKnown(org.id));
    return siteLoaders.ofOrganization(ctx).load(org.id).then((sites) => connectionFromArray(sites, page));
  }

  @FieldResolver(() => Site, { nullable: true, description: 'Mission Locale: its head office (siège).' })
  async headOffice(@Root() org: Organization, @Ctx() ctx: RequestContext) {
    return (await siteLoaders.ofOrganization(ctx).load(org.id)).find((s) => s.kind === 'HEAD_OFFICE') ?? null;
  }

  @FieldResolver(() => Figures, { description: 'Key figures on the date: the whole network for UNML, its regions for an ARML, itself for a Mission Locale.' })
  figures(@Root() org: Organization, @Args() args: AsOfArgs, @Ctx() ctx: RequestContext) {
    return new FiguresService(ctx).of(org, dayOf(args));
  }
}

@Resolver(() => OrganizationLink)
export class OrganizationLinkResolver {
  @FieldResolver(() => Organization, { description: 'The member (Mission Locale, or ARML).' })
  member(@Root() link: OrganizationLink, @Ctx() ctx: RequestContext) {
    return new OrganizationService(ctx).byId(link.member.id);
  }

  @FieldResolver(() => Organization, { description: 'The structure it is a member of (ARML, or UNML).' })
  parent(@Root() link: OrganizationLink, @Ctx() ctx: RequestContext) {
    return new OrganizationService(ctx).byId(link.parent.id);
  }
}

@ObjectType({ description: "Résultat d'une mutation sur une structure." })
export class OrganizationPayload {
  @Field(() => Organization, { nullable: true, description: 'The organization as stored after the change (null when nothing was written).' })
  organization!: Organization | null;

  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  userErrors!: UserError[];
}

@Resolver()
export class OrganizationMutationResolver {
  @Mutation(() => OrganizationPayload, { description: 'Creates a Mission Locale (joining the ARML of its region), an ARML (member by right of UNML) or a partner organization.' })
  createOrganization(@Arg('input', () => CreateOrganizationInput, { description: 'The new structure.' }) input: CreateOrganizationInput, @Ctx() ctx: RequestContext) {
    return new OrganizationWriteService(ctx).create(input);
  }

  @Mutation(() => OrganizationPayload, { description: 'Changes an organization’s public data; a new name keeps the old one in formerNames.' })
  updateOrganization(@Arg('input', () => UpdateOrganizationInput, { description: 'The changes.' }) input: UpdateOrganizationInput, @Ctx() ctx: RequestContext) {
    return new OrganizationWriteService(ctx).update(input);
  }

  @Mutation(() => OrganizationPayload, { description: "Adds and removes communes from a Mission Locale's coverage from a date (history kept)." })
  changeCoverage(@Arg('input', () => ChangeCoverageInput, { description: 'The change.' }) input: ChangeCoverageInput, @Ctx() ctx: RequestContext) {
    return new OrganizationWriteService(ctx).changeCoverage(input);
  }
}
