import { ArrayMaxSize, ArrayUnique, IsIn, IsInt, IsOptional, Length, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { IsNotBlank } from '../../shared/validators';
import { PartnershipScope, PartnershipTheme } from './convention.enums';

@InputType({ description: 'Nouveau partenariat entre une structure du réseau (UNML, ARML, Mission Locale) et un partenaire.' })
export class CreatePartnershipInput {
  @Field(() => ID, { description: 'The structure of the network: UNML, an ARML or a Mission Locale (global id).' })
  @Length(1, 200)
  networkOrganizationId!: string;

  @Field(() => ID, { description: 'The partner: an organization of kind PARTNER (global id).' })
  @Length(1, 200)
  partnerId!: string;

  @Field(() => PartnershipTheme, { description: 'Theme.' })
  @IsIn(Object.values(PartnershipTheme))
  theme!: PartnershipTheme;

  @Field(() => PartnershipScope, { description: 'Scope: national, regional or local.' })
  @IsIn(Object.values(PartnershipScope))
  scope!: PartnershipScope;

  @Field(() => String, { nullable: true, description: 'What the partnership is about.' })
  @IsOptional() @Length(1, 1000) @IsNotBlank()
  description?: string;

  @Field(() => DateScalar, { description: 'First day.' })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day it ends, when already known (after the start date); omit while open-ended.' })
  @IsOptional()
  endDate?: string;

  @Field(() => [ID], { nullable: true, description: 'Conventions formalising it (global ids, at most 50): each must have the network structure as a party.' })
  @IsOptional() @ArrayMaxSize(50) @ArrayUnique() @Length(1, 200, { each: true })
  conventionIds?: string[];

  @Field(() => String, { nullable: true, description: 'Idempotency key: sending the same key again returns the partnership created the first time.' })
  @IsOptional() @Length(1, 100)
  idempotencyKey?: string;
}

@InputType({ description: "Modification d'un partenariat: only the fields given change; the two organizations do not." })
export class UpdatePartnershipInput {
  @Field(() => ID, { description: 'The partnership (global id).' })
  @Length(1, 200)
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT.' })
  @IsInt() @Min(1)
  version!: number;

  @Field(() => PartnershipTheme, { nullable: true, description: 'New theme.' })
  @IsOptional() @IsIn(Object.values(PartnershipTheme))
  theme?: PartnershipTheme;

  @Field(() => PartnershipScope, { nullable: true, description: 'New scope.' })
  @IsOptional() @IsIn(Object.values(PartnershipScope))
  scope?: PartnershipScope;

  @Field(() => String, { nullable: true, description: 'New description.' })
  @IsOptional() @Length(1, 1000) @IsNotBlank()
  description?: string;

  @Field(() => DateScalar, { nullable: true, description: 'New planned end day (after the start date); to end it now, use endPartnership.' })
  @IsOptional()
  endDate?: string;

  @Field(() => [ID], { nullable: true, description: 'The conventions formalising it, replacing the current list (global ids, at most 50; [] removes them all).' })
  @IsOptional() @ArrayMaxSize(50) @ArrayUnique() @Length(1, 200, { each: true })
  conventionIds?: string[];
}

@InputType({ description: "Fin d'un partenariat." })
export class EndPartnershipInput {
  @Field(() => ID, { description: 'The partnership (global id).' })
  @Length(1, 200)
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT.' })
  @IsInt() @Min(1)
  version!: number;

  @Field(() => DateScalar, { description: 'Day it ends (no longer in effect from that day); after its start date.' })
  endDate!: string;
}
