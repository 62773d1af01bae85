import { ArrayMaxSize, IsIn, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { SortDirection } from '../organization/organization.inputs';
import { ConventionKind, ConventionStatus, PartnershipScope, PartnershipTheme } from './convention.enums';

/** Filters of convention lists; all given criteria must hold. */
@InputType({ description: 'Critères de recherche des conventions; all given criteria must hold.' })
export class ConventionFilter {
  @Field(() => ID, { nullable: true, description: 'Only conventions this organization is a party to (global id).' })
  @IsOptional() @Length(1, 200)
  partyId?: string;

  @Field(() => String, { nullable: true, description: 'Only conventions with a party of this region (INSEE code): its ARML, its Missions Locales, its regional partners.' })
  @IsOptional() @Matches(/^[0-9]{2,3}$/, { message: 'regionCode must be an INSEE region code such as "53"' })
  regionCode?: string;

  @Field(() => [ConventionKind], { nullable: true, description: 'Only these kinds.' })
  @IsOptional() @ArrayMaxSize(7)
  kinds?: ConventionKind[];

  @Field(() => [ConventionStatus], { nullable: true, description: 'Only these current statuses.' })
  @IsOptional() @ArrayMaxSize(6)
  statuses?: ConventionStatus[];

  @Field(() => DateScalar, { nullable: true, description: 'Only conventions in force on this date: signed by then, not terminated, and the date within their period.' })
  @IsOptional()
  inForceOn?: string;

  @Field(() => Int, { nullable: true, description: 'Only conventions signed or in force whose period ends within this many days from `from` (1 to 3660).' })
  @IsOptional() @Min(1) @Max(3660)
  expiringWithinDays?: number;

  @Field(() => DateScalar, { nullable: true, description: 'Start of the expiry window (default: today).' })
  @IsOptional()
  from?: string;

  @Field(() => String, { nullable: true, description: 'Words of the title or reference, ignoring case and accents.' })
  @IsOptional() @Length(1, 200)
  search?: string;
}

export enum ConventionOrderField {
  END_DATE = 'END_DATE',
  START_DATE = 'START_DATE',
  TITLE = 'TITLE',
}
registerEnumType(ConventionOrderField, {
  name: 'ConventionOrderField',
  description: 'Sort key of convention lists (ties broken by id, so pages never overlap).',
  valuesConfig: {
    END_DATE: { description: 'End of the period.' },
    START_DATE: { description: 'Start of the period.' },
    TITLE: { description: 'Title.' },
  },
});

@InputType({ description: 'Order of convention lists.' })
export class ConventionOrder {
  @Field(() => ConventionOrderField, { description: 'Sort key.' })
  @IsIn(Object.values(ConventionOrderField))
  field!: ConventionOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction (default ascending).' })
  @IsIn(Object.values(SortDirection))
  direction: SortDirection = SortDirection.ASC;
}

export enum FundingDimension {
  FINANCER = 'FINANCER',
  YEAR = 'YEAR',
  AXIS = 'AXIS',
}
registerEnumType(FundingDimension, {
  name: 'FundingDimension',
  description: 'Dimension along which funding totals are grouped.',
  valuesConfig: { FINANCER: { description: 'By financer.' }, YEAR: { description: 'By year.' }, AXIS: { description: 'By axis.' } },
});

/** Which funding lines to total; all given criteria must hold. */
@InputType({ description: 'Périmètre des totaux de financement: one convention, one party (an ARML), one region, or the whole network.' })
export class FundingFilter {
  @Field(() => ID, { nullable: true, description: 'Only this convention (global id).' })
  @IsOptional() @Length(1, 200)
  conventionId?: string;

  @Field(() => ID, { nullable: true, description: 'Only conventions this organization is a party to (global id).' })
  @IsOptional() @Length(1, 200)
  partyId?: string;

  @Field(() => String, { nullable: true, description: 'Only conventions with a party of this region.' })
  @IsOptional() @Matches(/^[0-9]{2,3}$/, { message: 'regionCode must be an INSEE region code such as "53"' })
  regionCode?: string;

  @Field(() => [ConventionKind], { nullable: true, description: 'Only these kinds of convention.' })
  @IsOptional() @ArrayMaxSize(7)
  kinds?: ConventionKind[];
}

/** Filters of partnership lists. */
@InputType({ description: 'Critères de recherche des partenariats.' })
export class PartnershipFilter {
  @Field(() => [PartnershipTheme], { nullable: true, description: 'Only these themes.' })
  @IsOptional() @ArrayMaxSize(10)
  themes?: PartnershipTheme[];

  @Field(() => [PartnershipScope], { nullable: true, description: 'Only these scopes.' })
  @IsOptional() @ArrayMaxSize(3)
  scopes?: PartnershipScope[];

  @Field(() => DateScalar, { nullable: true, description: 'Only partnerships current on this date.' })
  @IsOptional()
  activeOn?: string;
}
