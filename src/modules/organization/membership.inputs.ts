import { IsIn, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { LinkKind } from './organization.enums';

@InputType({ description: "Adhésion d'une structure à une autre: a Mission Locale to its ARML (MEMBER), an ARML to UNML (MEMBER_BY_RIGHT), from a date and open-ended." })
export class AddMembershipInput {
  @Field(() => ID, { description: 'The member: a Mission Locale or an ARML (global id).' })
  @Length(1, 200)
  memberId!: string;

  @Field(() => ID, { description: 'The structure it joins: an ARML for a Mission Locale, UNML for an ARML (global id).' })
  @Length(1, 200)
  parentId!: string;

  @Field(() => LinkKind, { description: 'MEMBER for a Mission Locale in its ARML, MEMBER_BY_RIGHT for an ARML in UNML.' })
  @IsIn(Object.values(LinkKind))
  kind!: LinkKind;

  @Field(() => DateScalar, { description: 'First day of the membership.' })
  startDate!: string;

  @Field(() => String, { nullable: true, description: 'Idempotency key: sending the same key again returns the membership created the first time.' })
  @IsOptional() @Length(1, 100)
  idempotencyKey?: string;
}

@InputType({
  description: "Fin d'une adhésion. A membership carries no version: ending it is a one-way act (an ended membership cannot be ended again or reopened; "
    + 'a new membership is a new row), so two officers ending it at once cannot overwrite each other: the second gets ALREADY_ENDED.',
})
export class EndMembershipInput {
  @Field(() => ID, { description: 'The membership (global id of the OrganizationLink).' })
  @Length(1, 200)
  id!: string;

  @Field(() => DateScalar, { description: 'Day the membership ends (no longer in effect from that day); after its start date.' })
  endDate!: string;
}
