import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsUrl, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, EurosScalar } from '../../graphql/scalars';
import { IsNotBlank } from '../../shared/validators';
import { ConventionKind, ConventionStatus, PartyRole } from './convention.enums';

@InputType({ description: 'Partie à une convention.' })
export class PartyInput {
  @Field(() => ID, { description: 'The organization (global id).' })
  @Length(1, 200)
  organizationId!: string;

  @Field(() => PartyRole, { description: 'Its role.' })
  @IsIn(Object.values(PartyRole))
  role!: PartyRole;
}

@InputType({ description: 'Nouvelle convention, with its parties.' })
export class CreateConventionInput {
  @Field(() => ConventionKind, { description: 'Kind of convention.' })
  @IsIn(Object.values(ConventionKind))
  kind!: ConventionKind;

  @Field({ description: 'Title.' })
  @Length(1, 500) @IsNotBlank()
  title!: string;

  @Field(() => String, { nullable: true, description: 'Reference given by the signatories (unique).' })
  @IsOptional() @Length(1, 100) @IsNotBlank()
  reference?: string;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  startDate!: string;

  @Field(() => DateScalar, { description: 'Last day of the period (inclusive).' })
  endDate!: string;

  @Field(() => String, { nullable: true, description: 'For a CPO État–ARML that does not span three years: why.' })
  @IsOptional() @Length(1, 500) @IsNotBlank()
  durationException?: string;

  @Field(() => ID, { nullable: true, description: 'The convention this one renews (global id).' })
  @IsOptional() @Length(1, 200)
  renewsId?: string;

  @Field(() => ID, { nullable: true, description: 'For a regional declination: its national convention (global id).' })
  @IsOptional() @Length(1, 200)
  nationalConventionId?: string;

  @Field(() => String, { nullable: true, description: 'Theme (delegations, partnership conventions).' })
  @IsOptional() @Length(1, 300)
  theme?: string;

  @Field(() => [PartyInput], { description: 'Its parties (1 to 50).' })
  @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true })
  parties!: PartyInput[];

  @Field(() => DateScalar, { description: 'Date it enters the registry as a draft.' })
  draftedOn!: string;

  @Field(() => String, { nullable: true, description: 'Idempotency key: sending the same key again returns the convention created the first time.' })
  @IsOptional() @Length(1, 100)
  idempotencyKey?: string;
}

@InputType({ description: 'Changement de statut, along the lifecycle.' })
export class ChangeConventionStatusInput {
  @Field(() => ID, { description: 'The convention (global id).' })
  @Length(1, 200)
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT.' })
  @IsInt() @Min(1)
  version!: number;

  @Field(() => ConventionStatus, { description: 'The new status.' })
  @IsIn(Object.values(ConventionStatus))
  status!: ConventionStatus;

  @Field(() => DateScalar, { description: 'Date of the change.' })
  date!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Signature date, when the convention becomes SIGNED.' })
  @IsOptional()
  signedOn?: string;

  @Field(() => String, { nullable: true, description: 'Note (decision, reason of a termination).' })
  @IsOptional() @Length(1, 500)
  note?: string;
}

@InputType({ description: 'Ajout d’une partie à une convention.' })
export class AddConventionPartyInput extends PartyInput {
  @Field(() => ID, { description: 'The convention (global id).' })
  @Length(1, 200)
  conventionId!: string;

  @Field(() => Int, { description: 'The version you read.' })
  @IsInt() @Min(1)
  version!: number;
}

@InputType({ description: 'Ajout d’une ligne de financement.' })
export class AddFundingLineInput {
  @Field(() => ID, { description: 'The convention (global id).' })
  @Length(1, 200)
  conventionId!: string;

  @Field(() => Int, { description: 'The version you read.' })
  @IsInt() @Min(1)
  version!: number;

  @Field(() => ID, { description: 'The financer (global id); it must be a FINANCER party.' })
  @Length(1, 200)
  financerId!: string;

  @Field(() => Int, { description: 'Year funded.' })
  @IsInt() @Min(1980) @Max(2100)
  year!: number;

  @Field(() => String, { nullable: true, description: 'Axis funded ("1" to "4" for a CPO État–ARML).' })
  @IsOptional() @Matches(/^[0-9]{1,2}(\.[0-9]{1,2})?$/, { message: 'axis must look like "1" or "3.2"' })
  axis?: string;

  @Field(() => EurosScalar, { description: 'Amount in euros as a decimal string ("48250.75").' })
  amount!: bigint;
}

@InputType({ description: 'Ajout d’un document.' })
export class AddConventionDocumentInput {
  @Field(() => ID, { description: 'The convention (global id).' })
  @Length(1, 200)
  conventionId!: string;

  @Field(() => Int, { description: 'The version you read.' })
  @IsInt() @Min(1)
  version!: number;

  @Field({ description: 'Title.' })
  @Length(1, 300) @IsNotBlank()
  title!: string;

  @Field(() => String, { nullable: true, description: 'Reference.' })
  @IsOptional() @Length(1, 200)
  reference?: string;

  @Field(() => String, { nullable: true, description: 'Where to read it (https URL).' })
  @IsOptional() @IsUrl({ protocols: ['https', 'http'], require_protocol: true }) @Length(1, 500)
  url?: string;
}
