import { ArrayMaxSize, IsEmail, IsIn, IsInt, IsOptional, IsUrl, Length, Matches, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { IsNotBlank } from '../../shared/validators';
import { LegalForm } from './organization.enums';

@InputType({ description: "Modification d'une structure: only the fields given change; a new name keeps the old one in formerNames." })
export class UpdateOrganizationInput {
  @Field(() => ID, { description: 'The organization (global id).' })
  @Length(1, 200)
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT.' })
  @IsInt() @Min(1)
  version!: number;

  @Field(() => String, { nullable: true, description: 'New official name.' })
  @IsOptional() @Length(1, 300) @IsNotBlank()
  name?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day the new name applies (required with name).' })
  @IsOptional()
  renamedOn?: string;

  @Field(() => String, { nullable: true, description: 'Short or usual name.' })
  @IsOptional() @Length(1, 120)
  shortName?: string;

  @Field(() => LegalForm, { nullable: true, description: 'Legal form.' })
  @IsOptional() @IsIn(Object.values(LegalForm))
  legalForm?: LegalForm;

  @Field(() => String, { nullable: true, description: 'Public website (https URL).' })
  @IsOptional() @IsUrl({ protocols: ['https', 'http'], require_protocol: true }) @Length(1, 300)
  website?: string;

  @Field(() => String, { nullable: true, description: 'Office phone.' })
  @IsOptional() @Matches(/^\+?[0-9 .()-]{6,20}$/, { message: 'officePhone must be a phone number' })
  officePhone?: string;

  @Field(() => String, { nullable: true, description: 'Office e-mail.' })
  @IsOptional() @IsEmail()
  officeEmail?: string;

  @Field(() => String, { nullable: true, description: 'Office postal address.' })
  @IsOptional() @Length(1, 300)
  officeAddress?: string;
}

@InputType({ description: "Changement de la zone de compétence d'une Mission Locale: communes added and removed from a date." })
export class ChangeCoverageInput {
  @Field(() => ID, { description: 'The Mission Locale (global id).' })
  @Length(1, 200)
  organizationId!: string;

  @Field(() => Int, { description: 'The version you read.' })
  @IsInt() @Min(1)
  version!: number;

  @Field(() => DateScalar, { description: 'Day the change takes effect.' })
  date!: string;

  @Field(() => [String], { defaultValue: [], description: 'INSEE codes of communes it starts covering (at most 500).' })
  @ArrayMaxSize(500) @Matches(/^([0-9]{5}|2[AB][0-9]{3})$/, { each: true, message: 'each commune must be an INSEE code' })
  add!: string[];

  @Field(() => [String], { defaultValue: [], description: 'INSEE codes of communes it stops covering (at most 500).' })
  @ArrayMaxSize(500) @Matches(/^([0-9]{5}|2[AB][0-9]{3})$/, { each: true, message: 'each commune must be an INSEE code' })
  remove!: string[];
}

