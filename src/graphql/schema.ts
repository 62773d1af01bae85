import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import type { RegistryPubSub } from '../modules/events/event-bus';
import { EventsResolver } from '../modules/events/events.resolver';
import { ChangeEventMutationResolver, ChangeEventResolver, MergeResolver, OrganizationHistoryResolver } from '../modules/change-event/change-event.resolver';
import { FiguresResolver } from '../modules/figures/figures.resolver';
import { OrganizationLinkResolver, OrganizationMutationResolver, OrganizationResolver } from '../modules/organization/organization.resolver';
import { MembershipMutationResolver } from '../modules/organization/membership.resolver';
import { PartnershipMutationResolver, PartnershipVersionResolver } from '../modules/convention/partnership.resolver';
import { SiteMutationResolver, SiteResolver } from '../modules/site/site.resolver';
import { AuditResolver, NodeHistoryResolver } from '../modules/access/audit.resolver';
import { CommuneResolver, DepartementResolver, RegionResolver } from '../modules/territory/territory.resolver';
import { NodeResolver } from './node.resolver';
import { validateArgs } from './validate-args';
import {
  BodyTermResolver, CollegeResolver, GoverningBodyResolver, MandateMutationResolver, MandateResolver, OrganizationGovernanceResolver, PostResolver,
} from '../modules/governance/governance.resolver';
import { GovernanceStructureMutationResolver } from '../modules/governance/governance-structure.resolver';
import { PersonContactResolver, PersonMutationResolver, PersonResolver, PublicRoleResolver } from '../modules/person/person.resolver';
import { BodyTerm, College, GoverningBody, Mandate, Post } from '../modules/governance/governance.entity';
import { Person } from '../modules/person/person.entity';
import {
  ConventionMutationResolver, ConventionObjectiveResolver, ConventionPartyResolver, ConventionResolver, FundingLineResolver,
  OrganizationConventionResolver, PartnershipResolver,
} from '../modules/convention/convention.resolver';
import { Convention } from '../modules/convention/convention.entity';
import { Partnership } from '../modules/convention/partnership.entity';
import { ChangeEvent } from '../modules/change-event/change-event.entity';
import { Organization } from '../modules/organization/organization.entity';
import { OrganizationLink } from '../modules/organization/organization-link.entity';
import { Site } from '../modules/site/site.entity';
import { Commune, Departement, Region } from '../modules/territory/territory.entity';

/** Builds the executable schema from the resolvers; arguments and inputs are validated (class-validator, `validateArgs`). */
export async function buildRegistrySchema(pubSub: RegistryPubSub = createPubSub() as RegistryPubSub): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    pubSub,
    resolvers: [
      NodeResolver,
      OrganizationResolver, OrganizationMutationResolver, OrganizationLinkResolver, OrganizationHistoryResolver, MembershipMutationResolver,
      RegionResolver, DepartementResolver, CommuneResolver,
      SiteResolver, SiteMutationResolver, NodeHistoryResolver, AuditResolver, ChangeEventResolver, MergeResolver, ChangeEventMutationResolver, FiguresResolver,
      GoverningBodyResolver, PostResolver, BodyTermResolver, CollegeResolver, MandateResolver, MandateMutationResolver, GovernanceStructureMutationResolver, OrganizationGovernanceResolver,
      PersonResolver, PersonMutationResolver, PersonContactResolver, PublicRoleResolver, EventsResolver,
      ConventionResolver, ConventionMutationResolver, ConventionPartyResolver, ConventionObjectiveResolver, FundingLineResolver, PartnershipResolver, PartnershipMutationResolver, PartnershipVersionResolver, OrganizationConventionResolver,
    ],
    // Types reachable only through the Node interface must still be in the schema.
    orphanedTypes: [
      Organization, OrganizationLink, Region, Departement, Commune, Site, ChangeEvent,
      Person, College, GoverningBody, BodyTerm, Post, Mandate, Convention, Partnership,
    ],
    validateFn: validateArgs,
  });
  schema.getMutationType()!.description =
    'Mises à jour du registre: each takes one input, runs in one transaction, is authorized on the rows it changes and audited.';
  schema.getSubscriptionType()!.description =
    'Mises à jour en direct (graphql-ws on /graphql): mandates, body compositions and convention statuses, filterable by organization and region.';
  schema.getQueryType()!.description =
    'Lectures du registre: the network (UNML, ARML, Missions Locales, partners), its territory, governance, conventions and figures.';
  return schema;
}

/** The schema as committed in schema/schema.graphql: sorted so the file only changes when the API does. */
export function printRegistrySchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
