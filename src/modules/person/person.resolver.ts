import { Arg, Args, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { UserError } from '../../graphql/payload';
import { AddPublicRoleInput, CreatePersonInput, SetPersonContactsInput } from './person.inputs.write';
import { PersonWriteService } from './person.write.service';
import { AsOfArgs, AsOfPageArgs, dayOf } from '../../graphql/args';
import type { RequestContext } from '../../graphql/context';
import { Connection, connectionFromArray, PageArgs, toConnection } from '../../graphql/pagination';
import { isActiveOn } from '../../shared/dates';
import { MandateConnection } from '../governance/governance.resolver';
import { GovernanceService } from '../governance/governance.service';
import { Organization } from '../organization/organization.entity';
import { organizationLoaders } from '../organization/organization.loaders';
import { Person, PersonContact, PublicRole } from './person.entity';
import { visibleContacts } from './person.privacy';
import { PersonFilter } from './person.inputs';
import { personLoaders } from './person.loaders';
import { PersonRepository } from './person.repository';

const PersonConnection = Connection(Person, 'Person', 'persons');

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => PersonConnection, { description: 'Persons of the registry (public data only), by family then given name.' })
  async persons(
    @Arg('filter', () => PersonFilter, { nullable: true, description: 'Criteria.' }) filter: PersonFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnection(await new PersonRepository(ctx.em).findPage(filter ?? {}, page));
  }

  @FieldResolver(() => [PublicRole], { description: 'Public roles, most recent first: those held on asOf, or all of them with history: true.' })
  async publicRoles(
    @Root() person: Person,
    @Args() args: AsOfArgs,
    @Arg('history', { defaultValue: false, description: 'Every role, past ones included.' }) history: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    const roles = await personLoaders.publicRoles(ctx).load(person.id);
    const day = dayOf(args);
    return history ? roles : roles.filter((r) => isActiveOn(day, r.startDate, r.endDate));
  }

  @FieldResolver(() => MandateConnection, { description: 'Mandates: every body the person sits in and whom they represent, on asOf, or the whole history (oldest first) with history: true.' })
  async mandates(
    @Root() person: Person,
    @Args() args: AsOfPageArgs,
    @Arg('history', { defaultValue: false, description: 'Every mandate, ended ones included.' }) history: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    return connectionFromArray(await new GovernanceService(ctx).mandatesOf(person, history ? null : dayOf(args)), args);
  }
}

@Resolver(() => Person)
export class PersonContactResolver {
  @FieldResolver(() => [PersonContact], { nullable: true, description: 'Personal contact details (GDPR): null unless your token’s scope covers this person (national secretariat, or the ARML or Mission Locale in whose bodies the person sits), whatever the path to the person.' })
  contacts(@Root() person: Person, @Ctx() ctx: RequestContext) {
    return visibleContacts(ctx, person.id);
  }
}

@Resolver(() => PublicRole)
export class PublicRoleResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The organization the role is in (the Mission Locale a director runs).' })
  organization(@Root() role: PublicRole, @Ctx() ctx: RequestContext) {
    return role.organization ? organizationLoaders.byId(ctx).load(role.organization.id) : null;
  }
}

@ObjectType({ description: "Résultat d'une mutation sur une personne." })
export class PersonPayload {
  @Field(() => Person, { nullable: true, description: 'The person as stored after the change (null when nothing was written).' })
  person!: Person | null;

  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  userErrors!: UserError[];
}

@Resolver()
export class PersonMutationResolver {
  @Mutation(() => PersonPayload, { description: 'Records a person (names only; roles and contacts are added separately). Any token may.' })
  createPerson(@Arg('input', () => CreatePersonInput, { description: 'The person.' }) input: CreatePersonInput, @Ctx() ctx: RequestContext) {
    return new PersonWriteService(ctx).create(input);
  }

  @Mutation(() => PersonPayload, { description: 'Adds a dated public role (elected office, direction of a Mission Locale).' })
  addPublicRole(@Arg('input', () => AddPublicRoleInput, { description: 'The role.' }) input: AddPublicRoleInput, @Ctx() ctx: RequestContext) {
    return new PersonWriteService(ctx).addPublicRole(input);
  }

  @Mutation(() => PersonPayload, { description: 'Replaces the personal contact details of a person (personal data: the audit log records that they changed, not their values).' })
  setPersonContacts(@Arg('input', () => SetPersonContactsInput, { description: 'The new details.' }) input: SetPersonContactsInput, @Ctx() ctx: RequestContext) {
    return new PersonWriteService(ctx).setContacts(input);
  }
}
