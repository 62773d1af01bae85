import { ArrayMaxSize, ArrayUnique, IsIn, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { IsNotBlank } from '../../shared/validators';
import { ChangeEventKind } from './change-event.entity';

/** The kinds recordChangeEvent takes: a merger moves communes, sites and seats, so it has its own mutation. */
export const RECORDABLE_KINDS = [ChangeEventKind.CREATION, ChangeEventKind.SPLIT, ChangeEventKind.RENAMING, ChangeEventKind.DISSOLUTION];

@InputType({
  description: "Évènement de la vie d'une structure, other than a merger (mergeMissionsLocales): "
    + 'CREATION (no origin, one result), SPLIT (one origin, two results or more), RENAMING (one origin, the same as the result), '
    + 'DISSOLUTION (one origin or more, no result).',
})
export class RecordChangeEventInput {
  @Field(() => ChangeEventKind, { description: 'What happened: CREATION, SPLIT, RENAMING or DISSOLUTION (a MERGER is recorded with mergeMissionsLocales).' })
  @IsIn(RECORDABLE_KINDS, { message: 'kind must be CREATION, SPLIT, RENAMING or DISSOLUTION: a merger is recorded with mergeMissionsLocales' })
  kind!: ChangeEventKind;

  @Field(() => DateScalar, { description: 'Day the change took effect.' })
  date!: string;

  @Field({ description: 'Plain-language description of the change (decision, reason).' })
  @Length(1, 1000) @IsNotBlank()
  description!: string;

  @Field(() => [ID], { defaultValue: [], description: 'The structures as they were before the change (global ids, at most 50; none for a CREATION).' })
  @ArrayMaxSize(50) @ArrayUnique() @Length(1, 200, { each: true })
  originIds!: string[];

  @Field(() => [ID], { defaultValue: [], description: 'The structures resulting from the change (global ids, at most 50; none for a DISSOLUTION).' })
  @ArrayMaxSize(50) @ArrayUnique() @Length(1, 200, { each: true })
  resultIds!: string[];

  @Field(() => String, { nullable: true, description: 'RENAMING only: the new official name, applied from the date; the former name is kept in formerNames.' })
  @IsOptional() @Length(1, 300) @IsNotBlank()
  newName?: string;

  @Field(() => String, { nullable: true, description: 'Idempotency key: sending the same key again returns the event recorded the first time.' })
  @IsOptional() @Length(1, 100)
  idempotencyKey?: string;
}
