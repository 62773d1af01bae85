import { ArrayMaxSize, IsIn, IsInt, IsOptional, Length, Matches, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { IsNotBlank } from '../../shared/validators';
import { PublicRoleKind } from './person.enums';

@InputType({ description: 'Nouvelle personne (public data: names).' })
export class CreatePersonInput {
  @Field({ description: 'Given name (prénom).' })
  @Length(1, 100) @IsNotBlank()
  givenName!: string;

  @Field({ description: 'Family name (nom).' })
  @Length(1, 100) @IsNotBlank()
  familyName!: string;

  @Field(() => String, { nullable: true, description: 'Idempotency key: sending the same key again returns the person created the first time.' })
  @IsOptional() @Length(1, 100)
  idempotencyKey?: string;
}

@InputType({ description: 'Ajout d’une fonction publique datée.' })
export class AddPublicRoleInput {
  @Field(() => ID, { description: 'The person (global id).' })
  @Length(1, 200)
  personId!: string;

  @Field(() => Int, { description: 'The version of the person you read.' })
  @IsInt() @Min(1)
  version!: number;

  @Field(() => PublicRoleKind, { description: 'Kind of role.' })
  @IsIn(Object.values(PublicRoleKind))
  kind!: PublicRoleKind;

  @Field({ description: 'The role as people say it ("Maire de Fougères").' })
  @Length(1, 300) @IsNotBlank()
  label!: string;

  @Field(() => ID, { nullable: true, description: 'The organization the role is in (the Mission Locale a director runs).' })
  @IsOptional() @Length(1, 200)
  organizationId?: string;

  @Field(() => String, { nullable: true, description: 'INSEE code of the commune, département or region of an elected office.' })
  @IsOptional() @Matches(/^[0-9AB]{2,5}$/, { message: 'territoryCode must be an INSEE code' })
  territoryCode?: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the role.' })
  @IsOptional()
  startDate?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day the role ended.' })
  @IsOptional()
  endDate?: string;
}

@InputType({ description: 'Une coordonnée personnelle.' })
export class ContactInput {
  @Field({ description: 'EMAIL, PHONE or ADDRESS.' })
  @IsIn(['EMAIL', 'PHONE', 'ADDRESS'])
  kind!: 'EMAIL' | 'PHONE' | 'ADDRESS';

  @Field({ description: 'The value.' })
  @Length(3, 300) @IsNotBlank()
  value!: string;
}

@InputType({ description: 'Remplacement des coordonnées personnelles (private: visible only to scopes covering the person).' })
export class SetPersonContactsInput {
  @Field(() => ID, { description: 'The person (global id).' })
  @Length(1, 200)
  personId!: string;

  @Field(() => Int, { description: 'The version of the person you read.' })
  @IsInt() @Min(1)
  version!: number;

  @Field(() => [ContactInput], { description: 'The whole new list (up to 10).' })
  @ArrayMaxSize(10) @ValidateNested({ each: true })
  contacts!: ContactInput[];
}

