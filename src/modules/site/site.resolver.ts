import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
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
