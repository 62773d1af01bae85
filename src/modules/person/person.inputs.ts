import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Critères de recherche des personnes.' })
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Words of the name, ignoring case and accents.' })
  @IsOptional() @Length(1, 200)
  search?: string;
}
