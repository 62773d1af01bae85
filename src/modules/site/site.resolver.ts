import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { UserError } from '../../graphql/payload';
import { CreateSiteInput, UpdateSiteInput } from './site.inputs';
import { SiteWriteService } from './site.service';
import type { RequestContext } from '../../graphql/context';
import { Organization } from '../organization/organization.entity';
import { organizationLoaders } from '../organization/organization.loaders';
import { Commune } from '../territory/territory.entity';
import { territoryLoaders } from '../territory/territory.loaders';
import { Site } from './site.entity';

@Resolver(() => Site)
export class SiteResolver {
  @FieldResolver(() => Organization, { description: 'The Mission Locale this site belongs to.' })
  organization(@Root() site: Site, @Ctx() ctx: RequestContext) {
    return organizationLoaders.byId(ctx).load(site.organization.id);
  }

  @FieldResolver(() => Commune, { description: 'Commune where the site is.' })
  commune(@Root() site: Site, @Ctx() ctx: RequestContext) {
    return territoryLoaders.commune(ctx).load(site.communeCode);
  }
}

@ObjectType({ description: "Résultat d'une mutation sur un lieu d'accueil." })
export class SitePayload {
  @Field(() => Site, { nullable: true, description: 'The site as stored after the change (null when nothing was written).' })
  site!: Site | null;

  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  userErrors!: UserError[];
}

@Resolver()
export class SiteMutationResolver {
  @Mutation(() => SitePayload, { description: "Adds a reception site (lieu d'accueil) to a Mission Locale. Needs a token whose scope covers it." })
  createSite(@Arg('input', () => CreateSiteInput, { description: 'The new site.' }) input: CreateSiteInput, @Ctx() ctx: RequestContext) {
    return new SiteWriteService(ctx).create(input);
  }

  @Mutation(() => SitePayload, { description: 'Changes a reception site; moving it to another Mission Locale needs rights on both.' })
  updateSite(@Arg('input', () => UpdateSiteInput, { description: 'The changes.' }) input: UpdateSiteInput, @Ctx() ctx: RequestContext) {
    return new SiteWriteService(ctx).update(input);
  }
}
