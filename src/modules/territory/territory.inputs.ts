import { IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';

/** Filters of the commune list; all given criteria must hold. */
@InputType({ description: 'Critères de recherche des communes; all given criteria must hold.' })
export class CommuneFilter {
  @Field(() => String, { nullable: true, description: 'Communes served by this postal code (one postal code may span several communes).' })
  @IsOptional() @Matches(/^[0-9]{5}$/, { message: 'postalCode must be 5 digits' })
  postalCode?: string;

  @Field(() => String, { nullable: true, description: 'Words of the name, ignoring case and accents ("saint etienne" finds "Saint-Étienne").' })
  @IsOptional() @Length(1, 200)
  search?: string;

  @Field(() => String, { nullable: true, description: 'INSEE département code.' })
  @IsOptional() @Matches(/^([0-9]{2}|2A|2B|97[0-9])$/, { message: 'departementCode must be an INSEE département code such as "35", "2A" or "974"' })
  departementCode?: string;

  @Field(() => String, { nullable: true, description: 'INSEE region code.' })
  @IsOptional() @Matches(/^[0-9]{2,3}$/, { message: 'regionCode must be an INSEE region code such as "53"' })
  regionCode?: string;
}
