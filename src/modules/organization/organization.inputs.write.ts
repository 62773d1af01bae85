import { ArrayMaxSize, IsEmail, IsIn, IsInt, IsOptional, IsUrl, Length, Matches, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { IsNotBlank } from '../../shared/validators';
import { IdentifierScheme, LegalForm, OrganizationKind, PartnerCategory } from './organization.enums';

/** The public office contact of a structure, the same when it is created and when it changes. */
@InputType({ description: 'Public office contact of a structure.' })
abstract class OfficeContactInput {
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

@InputType({ description: "Modification d'une structure: only the fields given change; a new name keeps the old one in formerNames." })
export class UpdateOrganizationInput extends OfficeContactInput {
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


@InputType({ description: 'Identifiant officiel of a new structure.' })
export class IdentifierInput {
  @Field(() => IdentifierScheme, { description: 'SIREN, SIRET, RNA or UNML code.' })
  @IsIn(Object.values(IdentifierScheme))
  scheme!: IdentifierScheme;

  @Field({ description: 'The value (SIREN and SIRET are checked with their Luhn key; spaces are ignored).' })
  @Length(1, 30)
  value!: string;
}

/** Kinds of structure the API creates: there is one UNML. */
export const CREATABLE_KINDS = [OrganizationKind.MISSION_LOCALE, OrganizationKind.ARML, OrganizationKind.PARTNER];

@InputType({
  description: "Nouvelle structure. A Mission Locale joins the ARML of its département's region from its founding day; "
    + 'an ARML covers the regions given and joins UNML as a member by right; a partner organization stands alone.',
})
export class CreateOrganizationInput extends OfficeContactInput {
  @Field(() => OrganizationKind, { description: 'MISSION_LOCALE (the national secretariat, or the ARML of its region), ARML or PARTNER (the national secretariat).' })
  @IsIn(CREATABLE_KINDS, { message: 'kind must be MISSION_LOCALE, ARML or PARTNER (there is one UNML)' })
  kind!: OrganizationKind;

  @Field({ description: 'Official name.' })
  @Length(2, 300) @IsNotBlank()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short or usual name.' })
  @IsOptional() @Length(1, 120)
  shortName?: string;

  @Field(() => LegalForm, { description: 'Legal form.' })
  @IsIn(Object.values(LegalForm))
  legalForm!: LegalForm;

  @Field(() => PartnerCategory, { nullable: true, description: 'Partner organizations: their category (required for PARTNER).' })
  @IsOptional() @IsIn(Object.values(PartnerCategory))
  partnerCategory?: PartnerCategory;

  @Field(() => DateScalar, { description: 'Founding day: memberships and coverage of regions start then.' })
  foundedOn!: string;

  @Field(() => String, { nullable: true, description: 'Mission Locale: its main département (INSEE code, required); others: their seat.' })
  @IsOptional() @Matches(/^(\d{2}|2[AB]|97\d)$/, { message: 'departementCode must be an INSEE département code such as "35", "2A" or "974"' })
  departementCode?: string;

  @Field(() => [String], { nullable: true, description: 'ARML: the regions it covers (INSEE region codes, required).' })
  @IsOptional() @ArrayMaxSize(5) @Matches(/^[0-9]{2,3}$/, { each: true, message: 'regionCodes must be INSEE region codes such as "53"' })
  regionCodes?: string[];

  @Field(() => [IdentifierInput], { nullable: true, description: 'Official identifiers.' })
  @IsOptional() @ArrayMaxSize(10) @ValidateNested({ each: true })
  identifiers?: IdentifierInput[];

  @Field(() => String, { nullable: true, description: 'Idempotency key: sending the same key again returns the structure created the first time.' })
  @IsOptional() @Length(1, 100)
  idempotencyKey?: string;
}
