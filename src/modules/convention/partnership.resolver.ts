import { Arg, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { UserError } from '../../graphql/payload';
import { Partnership } from './partnership.entity';
import { CreatePartnershipInput, EndPartnershipInput, UpdatePartnershipInput } from './partnership.inputs.write';
import { PartnershipWriteService } from './partnership.write.service';

/** The entity's optimistic-locking version, which updatePartnership and endPartnership need the caller to have read. */
@Resolver(() => Partnership)
export class PartnershipVersionResolver {
  @FieldResolver(() => Int, { description: 'Version of the record, increased by each change: send it back to updatePartnership or endPartnership.' })
  version(@Root() partnership: Partnership): number {
    return partnership.version;
  }
}

@ObjectType({ description: "Résultat d'une mutation sur un partenariat." })
export class PartnershipPayload {
  @Field(() => Partnership, { nullable: true, description: 'The partnership as stored after the change (null when nothing was written).' })
  partnership!: Partnership | null;

  @Field(() => [UserError], { description: 'Why nothing was written (WRONG_ORGANIZATION_KIND, CONVENTION_NOT_OF_PARTY, CONFLICT...); empty on success.' })
  userErrors!: UserError[];
}

@Resolver()
export class PartnershipMutationResolver {
  @Mutation(() => PartnershipPayload, { description: 'Records a partnership between a structure of the network and a partner, possibly formalised by conventions it is a party to.' })
  createPartnership(@Arg('input', () => CreatePartnershipInput, { description: 'The partnership.' }) input: CreatePartnershipInput, @Ctx() ctx: RequestContext) {
    return new PartnershipWriteService(ctx).create(input);
  }

  @Mutation(() => PartnershipPayload, { description: "Changes a partnership's theme, scope, description, planned end or conventions." })
  updatePartnership(@Arg('input', () => UpdatePartnershipInput, { description: 'The changes.' }) input: UpdatePartnershipInput, @Ctx() ctx: RequestContext) {
    return new PartnershipWriteService(ctx).update(input);
  }

  @Mutation(() => PartnershipPayload, { description: 'Ends a partnership on a date (kept in the history).' })
  endPartnership(@Arg('input', () => EndPartnershipInput, { description: 'Which partnership, and when it ends.' }) input: EndPartnershipInput, @Ctx() ctx: RequestContext) {
    return new PartnershipWriteService(ctx).end(input);
  }
}
