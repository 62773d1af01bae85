import { IsIn, IsInt, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { IsNotBlank } from '../../shared/validators';
import { MandateEndReason, MandateRole } from './governance.enums';

@InputType({ description: 'Titulaire d’un siège: a person, or an organization for a member by right, with how they sit.' })
export class MandateHolderInput {
  @Field(() => ID, { nullable: true, description: 'The person holding the seat (global id); give exactly one of personId and holderOrganizationId.' })
  @IsOptional() @Length(1, 200)
  personId?: string;

  @Field(() => ID, { nullable: true, description: 'The organization holding the seat by right (global id).' })
  @IsOptional() @Length(1, 200)
  holderOrganizationId?: string;

  @Field(() => Int, { nullable: true, description: "Number of the collège of the body's organization the seat belongs to." })
  @IsOptional() @IsInt() @Min(1) @Max(20)
  collegeNumber?: number;

  @Field(() => ID, { nullable: true, description: 'The organization represented (global id).' })
  @IsOptional() @Length(1, 200)
  onBehalfOfId?: string;

  @Field(() => MandateRole, { defaultValue: MandateRole.TITULAIRE, description: 'Titulaire (default) or suppléant.' })
  @IsIn(Object.values(MandateRole))
  role: MandateRole = MandateRole.TITULAIRE;

  @Field(() => String, { nullable: true, description: 'Legal basis: reference of the deliberation or decision.' })
  @IsOptional() @Length(1, 300) @IsNotBlank()
  legalBasis?: string;
}

@InputType({ description: "Ouverture d'un mandat sur un poste." })
export class OpenMandateInput extends MandateHolderInput {
  @Field(() => ID, { description: 'The post (global id).' })
  @Length(1, 200)
  postId!: string;

  @Field(() => DateScalar, { description: 'First day of the mandate; it must fall within a term of the body.' })
  startDate!: string;

  @Field(() => String, { nullable: true, description: 'Idempotency key: sending the same key again returns the mandate opened the first time.' })
  @IsOptional() @Length(1, 100)
  idempotencyKey?: string;
}

@InputType({ description: 'Remplacement: the mandate ends and its successor starts the same day, on the same post.' })
export class ReplaceMandateInput {
  @Field(() => ID, { description: 'The mandate that ends (global id).' })
  @Length(1, 200)
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  @IsInt() @Min(1)
  version!: number;

  @Field(() => DateScalar, { description: 'Day of the handover: end of the mandate, start of its successor.' })
  date!: string;

  @Field(() => MandateHolderInput, { description: 'The successor.' })
  @ValidateNested()
  successor!: MandateHolderInput;
}

@InputType({ description: 'Correction: the facts of a mandate were wrong; a corrected mandate replaces it in every reading, the wrong record stays, pointing to its correction.' })
export class CorrectMandateInput {
  @Field(() => ID, { description: 'The mandate to correct (global id).' })
  @Length(1, 200)
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  @IsInt() @Min(1)
  version!: number;

  @Field(() => ID, { nullable: true, description: 'Right person.' })
  @IsOptional() @Length(1, 200)
  personId?: string;

  @Field(() => ID, { nullable: true, description: 'Right holding organization.' })
  @IsOptional() @Length(1, 200)
  holderOrganizationId?: string;

  @Field(() => Int, { nullable: true, description: 'Right collège.' })
  @IsOptional() @IsInt() @Min(1) @Max(20)
  collegeNumber?: number;

  @Field(() => ID, { nullable: true, description: 'Right organization represented.' })
  @IsOptional() @Length(1, 200)
  onBehalfOfId?: string;

  @Field(() => MandateRole, { nullable: true, description: 'Right role.' })
  @IsOptional() @IsIn(Object.values(MandateRole))
  role?: MandateRole;

  @Field(() => DateScalar, { nullable: true, description: 'Right start date.' })
  @IsOptional()
  startDate?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Right end date.' })
  @IsOptional()
  endDate?: string;

  @Field(() => String, { nullable: true, description: 'Right legal basis.' })
  @IsOptional() @Length(1, 300) @IsNotBlank()
  legalBasis?: string;
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
