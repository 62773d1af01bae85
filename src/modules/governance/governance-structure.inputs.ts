import { IsIn, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { IsNotBlank } from '../../shared/validators';
import { BodyKind, PostKind } from './governance.enums';

/** Highest collège number accepted: statutes number them from 1, most have four, some a few more. */
export const MAX_COLLEGE_NUMBER = 20;

@InputType({ description: "Nouvelle instance de gouvernance d'une structure (AG, CA, Bureau, comité...)." })
export class CreateGoverningBodyInput {
  @Field(() => ID, { description: 'The organization whose body this is (global id).' })
  @Length(1, 200)
  organizationId!: string;

  @Field(() => BodyKind, { description: 'Kind of body.' })
  @IsIn(Object.values(BodyKind))
  kind!: BodyKind;

  @Field({ description: 'Name of the body ("Conseil d’administration").' })
  @Length(1, 300) @IsNotBlank()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Role of the body.' })
  @IsOptional() @Length(1, 1000) @IsNotBlank()
  description?: string;

  @Field(() => String, { nullable: true, description: 'How often it meets ("every two months").' })
  @IsOptional() @Length(1, 200) @IsNotBlank()
  meetingFrequency?: string;

  @Field(() => ID, { nullable: true, description: 'Organization holding its secretariat when another one does (global id).' })
  @IsOptional() @Length(1, 200)
  secretariatOrganizationId?: string;

  @Field(() => Int, { nullable: true, description: 'Length of a term in years, when the statutes set it (1 to 10).' })
  @IsOptional() @IsInt() @Min(1) @Max(10)
  termYears?: number;

  @Field(() => String, { nullable: true, description: 'Idempotency key: sending the same key again returns the body created the first time.' })
  @IsOptional() @Length(1, 100)
  idempotencyKey?: string;
}

@InputType({ description: "Modification d'une instance: only the fields given change; null clears an optional one." })
export class UpdateGoverningBodyInput {
  @Field(() => ID, { description: 'The body (global id).' })
  @Length(1, 200)
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT.' })
  @IsInt() @Min(1)
  version!: number;

  @Field(() => String, { nullable: true, description: 'Name of the body (cannot be cleared).' })
  @IsOptional() @Length(1, 300) @IsNotBlank()
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Role of the body; null clears it.' })
  @IsOptional() @Length(1, 1000) @IsNotBlank()
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'How often it meets; null clears it.' })
  @IsOptional() @Length(1, 200) @IsNotBlank()
  meetingFrequency?: string | null;

  @Field(() => ID, { nullable: true, description: 'Organization holding its secretariat (global id); null: the body’s own organization holds it.' })
  @IsOptional() @Length(1, 200)
  secretariatOrganizationId?: string | null;
}

@InputType({ description: "Ouverture d'une mandature: the period a body's composition belongs to." })
export class OpenBodyTermInput {
  @Field(() => ID, { description: 'The body (global id).' })
  @Length(1, 200)
  bodyId!: string;

  @Field(() => DateScalar, { description: 'First day of the term. If the body’s current term is open and started earlier, it is closed on this day.' })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day the term ends (no longer in effect from that day), after the start; omit it for an open term.' })
  @IsOptional()
  endDate?: string;

  @Field(() => String, { nullable: true, description: 'Usual label ("2026-2028").' })
  @IsOptional() @Length(1, 100) @IsNotBlank()
  label?: string;

  @Field(() => String, { nullable: true, description: 'Idempotency key: sending the same key again returns the term opened the first time.' })
  @IsOptional() @Length(1, 100)
  idempotencyKey?: string;
}

@InputType({ description: "Nouveau collège d'une structure: an electoral group of its members, numbered as in its statutes." })
export class CreateCollegeInput {
  @Field(() => ID, { description: 'The organization (global id).' })
  @Length(1, 200)
  organizationId!: string;

  @Field(() => Int, { description: `Number of the collège in the statutes (1 to ${MAX_COLLEGE_NUMBER}); one collège per number and organization.` })
  @IsInt() @Min(1) @Max(MAX_COLLEGE_NUMBER)
  number!: number;

  @Field({ description: 'Name of the collège ("Collège des élus des collectivités territoriales").' })
  @Length(1, 300) @IsNotBlank()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Who belongs to it, and any limit on its role.' })
  @IsOptional() @Length(1, 1000) @IsNotBlank()
  description?: string;

  @Field(() => String, { nullable: true, description: 'Idempotency key: sending the same key again returns the collège created the first time.' })
  @IsOptional() @Length(1, 100)
  idempotencyKey?: string;
}

@InputType({ description: "Nouveau poste d'une instance, with its number of seats (titulaires)." })
export class CreatePostInput {
  @Field(() => ID, { description: 'The body (global id).' })
  @Length(1, 200)
  bodyId!: string;

  @Field(() => PostKind, { description: 'Kind of post.' })
  @IsIn(Object.values(PostKind))
  kind!: PostKind;

  @Field({ description: 'Label of the post ("Administrateurs du collège 1").' })
  @Length(1, 300) @IsNotBlank()
  label!: string;

  @Field(() => Int, { description: 'Number of seats (titulaires), 1 to 500.' })
  @IsInt() @Min(1) @Max(500)
  seats!: number;

  @Field(() => Int, { nullable: true, description: "Number of the collège of the body's organization its seats are reserved to." })
  @IsOptional() @IsInt() @Min(1) @Max(MAX_COLLEGE_NUMBER)
  collegeNumber?: number;

  @Field(() => String, { nullable: true, description: 'Idempotency key: sending the same key again returns the post created the first time.' })
  @IsOptional() @Length(1, 100)
  idempotencyKey?: string;
}

@InputType({ description: "Modification d'un poste: only the fields given change." })
export class UpdatePostInput {
  @Field(() => ID, { description: 'The post (global id).' })
  @Length(1, 200)
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT.' })
  @IsInt() @Min(1)
  version!: number;

  @Field(() => String, { nullable: true, description: 'Label of the post (cannot be cleared).' })
  @IsOptional() @Length(1, 300) @IsNotBlank()
  label?: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of seats, 1 to 500; never fewer than the titulaires in effect today or scheduled later (SEATS_BELOW_HOLDERS).' })
  @IsOptional() @IsInt() @Min(1) @Max(500)
  seats?: number | null;
}
