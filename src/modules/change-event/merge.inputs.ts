import { IsInt, IsOptional, Length, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { IsNotBlank } from '../../shared/validators';

@InputType({ description: "Fusion-absorption de deux Missions Locales: the absorbed one's communes, sites and representation move to the other, and it is dissolved." })
export class MergeMissionsLocalesInput {
  @Field(() => ID, { description: 'The Mission Locale that disappears (global id).' })
  @Length(1, 200)
  absorbedId!: string;

  @Field(() => Int, { description: 'Version of the absorbed Mission Locale you read.' })
  @IsInt() @Min(1)
  absorbedVersion!: number;

  @Field(() => ID, { description: 'The Mission Locale that remains (global id).' })
  @Length(1, 200)
  intoId!: string;

  @Field(() => Int, { description: 'Version of the remaining Mission Locale you read.' })
  @IsInt() @Min(1)
  intoVersion!: number;

  @Field(() => DateScalar, { description: 'Day the merger takes effect.' })
  date!: string;

  @Field(() => String, { nullable: true, description: 'Description of the merger (decision, reason).' })
  @IsOptional() @Length(1, 1000) @IsNotBlank()
  description?: string;
}
