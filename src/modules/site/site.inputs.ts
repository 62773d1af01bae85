import { IsIn, IsInt, IsLatitude, IsLongitude, IsOptional, Length, Matches, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { IsNotBlank, IsSiret } from '../../shared/validators';
import { SiteKind } from './site.entity';

const INSEE = /^([0-9]{5}|2[AB][0-9]{3})$/;

@InputType({ description: "Nouveau lieu d'accueil d'une Mission Locale." })
export class CreateSiteInput {
  @Field(() => ID, { description: 'The Mission Locale (global id).' })
  @Length(1, 200)
  organizationId!: string;

  @Field(() => SiteKind, { description: 'Head office or antenna.' })
  @IsIn(Object.values(SiteKind))
  kind!: SiteKind;

  @Field({ description: 'Name of the site.' })
  @Length(1, 300) @IsNotBlank()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Street address.' })
  @IsOptional() @Length(1, 300)
  address?: string;

  @Field(() => String, { nullable: true, description: 'Postal code (5 digits).' })
  @IsOptional() @Matches(/^[0-9]{5}$/, { message: 'postalCode must be 5 digits' })
  postalCode?: string;

  @Field({ description: 'INSEE code of the commune (arrondissement code in Paris, Lyon, Marseille).' })
  @Matches(INSEE, { message: 'communeCode must be an INSEE commune code (5 characters)' })
  communeCode!: string;

  @Field(() => Float, { nullable: true, description: 'Latitude (WGS 84).' })
  @IsOptional() @IsLatitude()
  latitude?: number;

  @Field(() => Float, { nullable: true, description: 'Longitude (WGS 84).' })
  @IsOptional() @IsLongitude()
  longitude?: number;

  @Field(() => String, { nullable: true, description: 'SIRET of the establishment (checked with its Luhn key).' })
  @IsOptional() @IsSiret()
  siret?: string;

  @Field(() => String, { nullable: true, description: 'Idempotency key: sending the same key again returns the site created the first time.' })
  @IsOptional() @Length(1, 100)
  idempotencyKey?: string;
}

@InputType({ description: "Modification d'un lieu d'accueil: only the fields given change." })
export class UpdateSiteInput {
  @Field(() => ID, { description: 'The site (global id).' })
  @Length(1, 200)
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT.' })
  @IsInt() @Min(1)
  version!: number;

  @Field(() => ID, { nullable: true, description: 'Move the site to another Mission Locale (needs rights on both).' })
  @IsOptional() @Length(1, 200)
  organizationId?: string;

  @Field(() => SiteKind, { nullable: true, description: 'Head office or antenna.' })
  @IsOptional() @IsIn(Object.values(SiteKind))
  kind?: SiteKind;

  @Field(() => String, { nullable: true, description: 'Name of the site.' })
  @IsOptional() @Length(1, 300) @IsNotBlank()
  name?: string;

  @Field(() => String, { nullable: true, description: 'Street address.' })
  @IsOptional() @Length(1, 300)
  address?: string;

  @Field(() => String, { nullable: true, description: 'Postal code (5 digits).' })
  @IsOptional() @Matches(/^[0-9]{5}$/, { message: 'postalCode must be 5 digits' })
  postalCode?: string;

  @Field(() => String, { nullable: true, description: 'INSEE code of the commune.' })
  @IsOptional() @Matches(INSEE, { message: 'communeCode must be an INSEE commune code (5 characters)' })
  communeCode?: string;

  @Field(() => Float, { nullable: true, description: 'Latitude (WGS 84).' })
  @IsOptional() @IsLatitude()
  latitude?: number;

  @Field(() => Float, { nullable: true, description: 'Longitude (WGS 84).' })
  @IsOptional() @IsLongitude()
  longitude?: number;

  @Field(() => String, { nullable: true, description: 'SIRET of the establishment.' })
  @IsOptional() @IsSiret()
  siret?: string;
}
