import { ArrayMaxSize } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import { ChangeEvent } from '../modules/change-event/change-event.entity';
import { Organization } from '../modules/organization/organization.entity';
import { OrganizationLink } from '../modules/organization/organization-link.entity';
import { organizationLoaders } from '../modules/organization/organization.loaders';
import { Site } from '../modules/site/site.entity';
import { Commune, Departement, Region } from '../modules/territory/territory.entity';
import { territoryLoaders } from '../modules/territory/territory.loaders';
import { BodyTerm, College, GoverningBody, Mandate, Post } from '../modules/governance/governance.entity';
import { governanceLoaders } from '../modules/governance/governance.loaders';
import { Person } from '../modules/person/person.entity';
import { personLoaders } from '../modules/person/person.loaders';
import { Convention } from '../modules/convention/convention.entity';
import { conventionLoaders } from '../modules/convention/convention.loaders';
import { Partnership } from '../modules/convention/partnership.entity';
import type { RequestContext } from './context';
import { fromGlobalId, Node } from './node';

const numeric = (key: string) => (/^\d{1,9}$/.test(key) ? Number(key) : null);

/** Fetches any node from its global id; null when the id is unknown or malformed. */
async function resolveNode(ctx: RequestContext, id: string): Promise<Node | null> {
  const ref = fromGlobalId(id);
  if (!ref) return null;
  const n = numeric(ref.key);
  switch (ref.typename) {
    case Organization.typename: return n === null ? null : organizationLoaders.byId(ctx).load(n);
    case Region.typename: return territoryLoaders.region(ctx).load(ref.key);
    case Departement.typename: return territoryLoaders.departement(ctx).load(ref.key);
    case Commune.typename: return territoryLoaders.commune(ctx).load(ref.key);
    case Site.typename: return n === null ? null : ctx.em.findOne(Site, { id: n });
    case OrganizationLink.typename: return n === null ? null : ctx.em.findOne(OrganizationLink, { id: n });
    case ChangeEvent.typename: return n === null ? null : ctx.em.findOne(ChangeEvent, { id: n });
    case Person.typename: return n === null ? null : personLoaders.byId(ctx).load(n);
    case GoverningBody.typename: return n === null ? null : governanceLoaders.bodyById(ctx).load(n);
    case Post.typename: return n === null ? null : governanceLoaders.postById(ctx).load(n);
    case BodyTerm.typename: return n === null ? null : governanceLoaders.termById(ctx).load(n);
    case Mandate.typename: return n === null ? null : governanceLoaders.mandateById(ctx).load(n);
    case College.typename: return n === null ? null : governanceLoaders.collegeById(ctx).load(n);
    case Convention.typename: return n === null ? null : conventionLoaders.byId(ctx).load(n);
    case Partnership.typename: return n === null ? null : ctx.em.findOne(Partnership, { id: n });
    default: return null;
  }
}

@ArgsType()
class NodesArgs {
  @Field(() => [ID], { description: 'Global ids (at most 100).' })
  @ArrayMaxSize(100)
  ids!: string[];
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when no such object exists.' })
  node(@Arg('id', () => ID, { description: 'Global id.' }) id: string, @Ctx() ctx: RequestContext) {
    return resolveNode(ctx, id);
  }

  @Query(() => [Node], { nullable: 'items', description: 'Several objects by their global ids, in the same order; null for unknown ids.' })
  nodes(@Args() { ids }: NodesArgs, @Ctx() ctx: RequestContext) {
    return Promise.all(ids.map((id) => resolveNode(ctx, id)));
  }
}
