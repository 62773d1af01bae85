import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { UserError } from '../../graphql/payload';
import { AddMembershipInput, EndMembershipInput } from './membership.inputs';
import { MembershipWriteService } from './membership.write.service';
import { OrganizationLink } from './organization-link.entity';

@ObjectType({ description: "Résultat d'une mutation sur une adhésion." })
export class MembershipPayload {
  @Field(() => OrganizationLink, { nullable: true, description: 'The membership as stored after the change (null when nothing was written).' })
  membership!: OrganizationLink | null;

  @Field(() => [UserError], { description: 'Why nothing was written (WRONG_PARENT_KIND, MEMBERSHIP_OVERLAP, ALREADY_ENDED...); empty on success.' })
  userErrors!: UserError[];
}

@Resolver()
export class MembershipMutationResolver {
  @Mutation(() => MembershipPayload, { description: 'Records that a Mission Locale joins an ARML, or an ARML UNML, from a date; needs rights on both.' })
  addMembership(@Arg('input', () => AddMembershipInput, { description: 'Who joins whom, and from when.' }) input: AddMembershipInput, @Ctx() ctx: RequestContext) {
    return new MembershipWriteService(ctx).add(input);
  }

  @Mutation(() => MembershipPayload, { description: 'Ends a membership on a date (kept in the history); needs rights on both the member and the structure it belongs to.' })
  endMembership(@Arg('input', () => EndMembershipInput, { description: 'Which membership, and when it ends.' }) input: EndMembershipInput, @Ctx() ctx: RequestContext) {
    return new MembershipWriteService(ctx).end(input);
  }
}
