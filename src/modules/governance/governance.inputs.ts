import { ArrayMaxSize, IsOptional, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { OrganizationKind } from '../organization/organization.enums';
import { BodyKind } from './governance.enums';

/** Filters of the list of governing bodies; all given criteria must hold. */
@InputType({ description: 'Critères de recherche des instances; all given criteria must hold.' })
export class GoverningBodyFilter {
  @Field(() => [BodyKind], { nullable: true, description: 'Only these kinds of body.' })
  @IsOptional() @ArrayMaxSize(7)
  kinds?: BodyKind[];

  @Field(() => [OrganizationKind], { nullable: true, description: 'Only bodies of these kinds of organization.' })
  @IsOptional() @ArrayMaxSize(4)
  organizationKinds?: OrganizationKind[];

  @Field(() => String, { nullable: true, description: 'Only bodies of organizations of this region (INSEE code).' })
  @IsOptional() @Matches(/^[0-9]{2,3}$/, { message: 'regionCode must be an INSEE region code such as "53"' })
  regionCode?: string;
}
