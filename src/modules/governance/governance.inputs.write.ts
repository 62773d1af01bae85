import { IsIn, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { IsNotBlank } from '../../shared/validators';
import { MandateEndReason, MandateRole } from './governance.enums';

@InputType({ description: "Ouverture d'un mandat: a person, or an organization for a member by right, takes a seat of a post." })
export class OpenMandateInput {
  @Field(() => ID, { description: 'The post (global id).' })
  @Length(1, 200)
  postId!: string;

  @Field(() => ID, { nullable: true, description: 'The person holding the seat (global id); give exactly one of personId and holderOrganizationId.' })
  @IsOptional() @Length(1, 200)
  personId?: string;

  @Field(() => ID, { nullable: true, description: 'The organization holding the seat by right (global id).' })
  @IsOptional() @Length(1, 200)
  holderOrganizationId?: string;

  @Field(() => Int, { nullable: true, description: "Number of the collège of the body's organization the seat belongs to." })
  @IsOptional() @IsInt() @Min(1) @Max(4)
  collegeNumber?: number;

  @Field(() => ID, { nullable: true, description: 'The organization represented (global id).' })
  @IsOptional() @Length(1, 200)
  onBehalfOfId?: string;

  @Field(() => MandateRole, { defaultValue: MandateRole.TITULAIRE, description: 'Titulaire (default) or suppléant.' })
  @IsIn(Object.values(MandateRole))
  role: MandateRole = MandateRole.TITULAIRE;

  @Field(() => DateScalar, { description: 'First day of the mandate; it must fall within a term of the body.' })
  startDate!: string;

  @Field(() => String, { nullable: true, description: 'Legal basis: reference of the deliberation or decision.' })
  @IsOptional() @Length(1, 300) @IsNotBlank()
  legalBasis?: string;

  @Field(() => String, { nullable: true, description: 'Idempotency key: sending the same key again returns the mandate opened the first time.' })
  @IsOptional() @Length(1, 100)
  idempotencyKey?: string;
}

@InputType({ description: "Fin d'un mandat: it is closed, never deleted." })
export class EndMandateInput {
  @Field(() => ID, { description: 'The mandate (global id).' })
  @Length(1, 200)
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT.' })
  @IsInt() @Min(1)
  version!: number;

  @Field(() => DateScalar, { description: 'Day the mandate ends (no longer in effect from that day).' })
  endDate!: string;

  @Field(() => MandateEndReason, { description: 'Why it ends.' })
  @IsIn(Object.values(MandateEndReason))
  endReason!: MandateEndReason;
}
