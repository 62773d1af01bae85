import { ArrayMaxSize, IsIn, IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { LegalForm, OrganizationKind } from './organization.enums';

/** Filters of the organization list; all given criteria must hold. */
@InputType({ description: 'Critères de recherche des structures; all given criteria must hold.' })
export class OrganizationFilter {
  @Field(() => [OrganizationKind], { nullable: true, description: 'Only these kinds.' })
  @IsOptional() @ArrayMaxSize(4)
  kinds?: OrganizationKind[];

  @Field(() => String, { nullable: true, description: 'Only structures of this region (INSEE region code); an ARML matches every region it covers.' })
  @IsOptional() @Matches(/^[0-9]{2,3}$/, { message: 'regionCode must be an INSEE region code such as "53" or "978"' })
  regionCode?: string;

  @Field(() => String, { nullable: true, description: 'Only structures whose main département is this one (INSEE code, "35", "2A", "974").' })
  @IsOptional() @Matches(/^([0-9]{2}|2A|2B|97[0-9])$/, { message: 'departementCode must be an INSEE département code such as "35", "2A" or "974"' })
  departementCode?: string;

  @Field(() => [LegalForm], { nullable: true, description: 'Only these legal forms.' })
  @IsOptional() @ArrayMaxSize(6)
  legalForms?: LegalForm[];

  @Field(() => String, { nullable: true, description: 'Words of the name, ignoring case and accents: "fougeres" finds "Fougères", "saint etienne" finds "Saint-Étienne".' })
  @IsOptional() @Length(1, 200)
  search?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only structures that existed on this date (founded before, not yet dissolved). Default: today, unless includeDissolved is true.' })
  @IsOptional()
  activeOn?: string;

  @Field({ nullable: true, description: 'Also list dissolved structures (ignored when activeOn is given).' })
  @IsOptional()
  includeDissolved?: boolean;
}

export enum OrganizationOrderField {
  NAME = 'NAME',
  DEPARTEMENT = 'DEPARTEMENT',
  FOUNDED_ON = 'FOUNDED_ON',
}
registerEnumType(OrganizationOrderField, {
  name: 'OrganizationOrderField',
  description: 'Sort key of the organization list (ties are broken by name, then by id, so pages never overlap).',
  valuesConfig: {
    NAME: { description: 'Name, ignoring case and accents.' },
    DEPARTEMENT: { description: 'Main département code, then name.' },
    FOUNDED_ON: { description: 'Founding date (unknown dates last), then name.' },
  },
});

export enum SortDirection { ASC = 'ASC', DESC = 'DESC' }
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort direction.',
  valuesConfig: { ASC: { description: 'Ascending.' }, DESC: { description: 'Descending.' } },
});

@InputType({ description: 'Order of the organization list.' })
export class OrganizationOrder {
  @Field(() => OrganizationOrderField, { description: 'Sort key.' })
  @IsIn(Object.values(OrganizationOrderField))
  field!: OrganizationOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction (default ascending).' })
  @IsIn(Object.values(SortDirection))
  direction: SortDirection = SortDirection.ASC;
}
