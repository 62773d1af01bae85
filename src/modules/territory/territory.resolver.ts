import { Matches } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AsOfArgs, AsOfPageArgs, dayOf } from '../../graphql/args';
import type { RequestContext } from '../../graphql/context';
import { Connection, connectionFromArray, PageArgs, toConnection } from '../../graphql/pagination';
import { isActiveOn } from '../../shared/dates';
import { FiguresService } from '../figures/figures.service';
import { Figures } from '../figures/figures.types';
import { Organization } from '../organization/organization.entity';
import { armlOfRegionLoader, missionsLocalesLoader } from '../organization/organization.loaders';
import { CommuneConnection, OrganizationConnection } from '../organization/organization.resolver';
import { Commune, Departement, Region } from './territory.entity';
import { CommuneFilter } from './territory.inputs';
import { territoryLoaders } from './territory.loaders';
import { TerritoryService } from './territory.service';

const RegionConnection = Connection(Region, 'Region', 'regions');

@ArgsType()
class InseeCodeArgs {
  @Field({ description: 'INSEE code.' })
  @Matches(/^[0-9AB]{2,5}$/, { message: 'code must be an INSEE code (digits, 2A/2B for Corsica)' })
  code!: string;
}

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { nullable: true, description: 'A region by its INSEE code ("53" for Bretagne).' })
  region(@Args() { code }: InseeCodeArgs, @Ctx() ctx: RequestContext) {
    return new TerritoryService(ctx).region(code);
  }

  @Query(() => RegionConnection, { description: 'Every region, by INSEE code.' })
  async regions(@Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    return connectionFromArray(await new TerritoryService(ctx).regions(), page);
  }

  @FieldResolver(() => [Departement], { description: 'Its départements, by code.' })
  departements(@Root() region: Region, @Ctx() ctx: RequestContext) {
    return new TerritoryService(ctx).departementsOf(region);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The ARML covering the region on the date.' })
  async arml(@Root() region: Region, @Args() args: AsOfArgs, @Ctx() ctx: RequestContext) {
    const day = dayOf(args);
    const rows = await armlOfRegionLoader(ctx).load(region.code);
    return rows.find((r) => isActiveOn(day, r.startDate, r.endDate))?.organization ?? null;
  }

  @FieldResolver(() => OrganizationConnection, { description: 'Missions Locales of the region on the date, by name.' })
  async missionsLocales(@Root() region: Region, @Args() args: AsOfPageArgs, @Ctx() ctx: RequestContext) {
    return connectionFromArray(await missionsLocalesLoader(ctx, 'regionCode', dayOf(args)).load(region.code), args);
  }

  @FieldResolver(() => Figures, { description: 'Key figures of the region on the date.' })
  async figures(@Root() region: Region, @Args() args: AsOfArgs, @Ctx() ctx: RequestContext) {
    const all = await new FiguresService(ctx).byRegion(dayOf(args));
    return all.get(region.code) ?? { missionsLocales: 0, sites: 0, communesCovered: 0, populationCovered: 0 };
  }
}

@Resolver(() => Departement)
export class DepartementResolver {
  @Query(() => Departement, { nullable: true, description: 'A département by its INSEE code ("35", "2A", "974").' })
  departement(@Args() { code }: InseeCodeArgs, @Ctx() ctx: RequestContext) {
    return new TerritoryService(ctx).departement(code);
  }

  @FieldResolver(() => Region, { description: 'Its region.' })
  region(@Root() d: Departement, @Ctx() ctx: RequestContext) {
    return territoryLoaders.region(ctx).load(d.regionCode);
  }

  @FieldResolver(() => OrganizationConnection, { description: 'Missions Locales whose main département this is, on the date, by name.' })
  async missionsLocales(@Root() d: Departement, @Args() args: AsOfPageArgs, @Ctx() ctx: RequestContext) {
    return connectionFromArray(await missionsLocalesLoader(ctx, 'departementCode', dayOf(args)).load(d.code), args);
  }
}

@Resolver(() => Commune)
export class CommuneResolver {
  @Query(() => Commune, { nullable: true, description: 'A commune by its INSEE code (not its postal code): "35115" for Fougères.' })
  commune(@Args() { code }: InseeCodeArgs, @Ctx() ctx: RequestContext) {
    return new TerritoryService(ctx).commune(code);
  }

  @Query(() => CommuneConnection, { description: 'Communes by postal code, name, département or region, by INSEE code.' })
  async communes(
    @Arg('filter', () => CommuneFilter, { description: 'Criteria.' }) filter: CommuneFilter,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnection(await new TerritoryService(ctx).communes(filter, page));
  }

  @FieldResolver(() => [String], { description: 'Its postal codes.' })
  postalCodes(@Root() c: Commune, @Ctx() ctx: RequestContext) {
    return new TerritoryService(ctx).postalCodes(c);
  }

  @FieldResolver(() => Departement, { description: 'Its département.' })
  departement(@Root() c: Commune, @Ctx() ctx: RequestContext) {
    return territoryLoaders.departement(ctx).load(c.departementCode);
  }

  @FieldResolver(() => Region, { description: 'Its region.' })
  region(@Root() c: Commune, @Ctx() ctx: RequestContext) {
    return territoryLoaders.region(ctx).load(c.regionCode);
  }

  @FieldResolver(() => Commune, { nullable: true, description: 'For a municipal arrondissement: its commune (Paris, Lyon or Marseille).' })
  parent(@Root() c: Commune, @Ctx() ctx: RequestContext) {
    return c.parentCode ? territoryLoaders.commune(ctx).load(c.parentCode) : null;
  }

  @FieldResolver(() => [Organization], { description: 'Missions Locales serving this commune on the date (usually one; for Paris, Lyon and Marseille those of its arrondissements), by name.' })
  missionsLocales(@Root() c: Commune, @Args() args: AsOfArgs, @Ctx() ctx: RequestContext) {
    return new TerritoryService(ctx).missionsLocalesOf(c, dayOf(args));
  }
}
