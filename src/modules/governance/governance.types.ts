import { Field, Int, ObjectType } from 'type-graphql';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { GoverningBody, Mandate, Post } from './governance.entity';
import { GovernanceRule } from './governance.rules';

@ObjectType({ description: 'Sièges vacants d’un poste à une date.' })
export class Vacancy {
  @Field(() => Post, { description: 'The post.' })
  post!: Post;

  @Field(() => Int, { description: 'Seats with no titulaire on the date.' })
  vacantSeats!: number;
}

@ObjectType({ description: 'Règle de gouvernance enfreinte à une date, avec les enregistrements en cause.' })
export class GovernanceIssueType {
  @Field(() => GovernanceRule, { description: 'Stable code of the broken rule.' })
  rule!: GovernanceRule;

  @Field({ description: 'What is wrong, in plain words.' })
  message!: string;

  @Field(() => [Mandate], { description: 'Mandates involved.' })
  mandates!: Mandate[];

  @Field(() => [Person], { description: 'Persons involved.' })
  persons!: Person[];

  @Field(() => [Organization], { description: 'Organizations involved.' })
  organizations!: Organization[];

  @Field(() => GoverningBody, { nullable: true, description: 'Body involved.' })
  body!: GoverningBody | null;

  @Field(() => Post, { nullable: true, description: 'Post involved.' })
  post!: Post | null;
}

@ObjectType({ description: 'Contrôle des règles de gouvernance sur tout le réseau à une date.' })
export class GovernanceCheck {
  @Field({ description: 'Date checked.' })
  asOf!: string;

  @Field(() => Int, { description: 'Mandates in effect on the date that were checked.' })
  mandatesChecked!: number;

  @Field(() => [GovernanceRule], { description: 'Rules checked.' })
  rulesChecked!: GovernanceRule[];

  @Field(() => [GovernanceIssueType], { description: 'Broken rules, each naming the records involved; empty when the network complies.' })
  issues!: GovernanceIssueType[];
}
