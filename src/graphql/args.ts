import { IsOptional } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { today } from '../shared/dates';
import { PageArgs } from './pagination';
import { DateScalar } from './scalars';

/** Date argument of every dated field. */
@ArgsType()
export class AsOfArgs {
  @Field(() => DateScalar, { nullable: true, description: 'Date at which to read the registry (YYYY-MM-DD). Default: today.' })
  @IsOptional()
  asOf?: string;
}

/** A page of a dated list. */
@ArgsType()
export class AsOfPageArgs extends PageArgs {
  @Field(() => DateScalar, { nullable: true, description: 'Date at which to read the registry (YYYY-MM-DD). Default: today.' })
  @IsOptional()
  asOf?: string;
}

export const dayOf = (args: { asOf?: string }): string => args.asOf ?? today();
