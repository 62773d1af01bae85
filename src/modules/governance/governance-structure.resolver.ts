import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { UserError } from '../../graphql/payload';
import { BodyTerm, College, GoverningBody, Post } from './governance.entity';
import {
  CreateCollegeInput, CreateGoverningBodyInput, CreatePostInput, OpenBodyTermInput, UpdateGoverningBodyInput, UpdatePostInput,
} from './governance-structure.inputs';
import { GovernanceStructureWriteService } from './governance-structure.write.service';

@ObjectType({ description: "Résultat d'une mutation sur une instance de gouvernance." })
export class GoverningBodyPayload {
  @Field(() => GoverningBody, { nullable: true, description: 'The body as stored after the change (null when nothing was written).' })
  body!: GoverningBody | null;

  @Field(() => [UserError], { description: 'Why nothing was written (BODY_KIND_TAKEN, CONFLICT...); empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: "Résultat de l'ouverture d'une mandature." })
export class BodyTermPayload {
  @Field(() => BodyTerm, { nullable: true, description: 'The term as stored (null when nothing was written).' })
  term!: BodyTerm | null;

  @Field(() => [UserError], { description: 'Why nothing was written (TERM_OVERLAP, END_BEFORE_START, MANDATE_OUTSIDE_TERM); empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: "Résultat de la création d'un collège." })
export class CollegePayload {
  @Field(() => College, { nullable: true, description: 'The collège as stored (null when nothing was written).' })
  college!: College | null;

  @Field(() => [UserError], { description: 'Why nothing was written (COLLEGE_NUMBER_TAKEN); empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: "Résultat d'une mutation sur un poste." })
export class PostPayload {
  @Field(() => Post, { nullable: true, description: 'The post as stored after the change (null when nothing was written).' })
  post!: Post | null;

  @Field(() => [UserError], { description: 'Why nothing was written (UNKNOWN_COLLEGE, SEATS_BELOW_HOLDERS, CONFLICT); empty on success.' })
  userErrors!: UserError[];
}

/** Writes on the structure of governance; the organization checked is always the one read from the database. */
@Resolver()
export class GovernanceStructureMutationResolver {
  @Mutation(() => GoverningBodyPayload, { description: 'Adds a governing body (AG, CA, Bureau, committee) to an organization; one AG, CA and Bureau each.' })
  createGoverningBody(@Arg('input', () => CreateGoverningBodyInput, { description: 'The new body.' }) input: CreateGoverningBodyInput, @Ctx() ctx: RequestContext) {
    return new GovernanceStructureWriteService(ctx).createBody(input);
  }

  @Mutation(() => GoverningBodyPayload, { description: "Changes a governing body; needs rights on the body's organization (naming another organization as secretariat included)." })
  updateGoverningBody(@Arg('input', () => UpdateGoverningBodyInput, { description: 'The changes.' }) input: UpdateGoverningBodyInput, @Ctx() ctx: RequestContext) {
    return new GovernanceStructureWriteService(ctx).updateBody(input);
  }

  @Mutation(() => BodyTermPayload, { description: "Opens a term (mandature) of a body; terms never overlap, and the body's open running term ends the day the new one starts." })
  openBodyTerm(@Arg('input', () => OpenBodyTermInput, { description: 'The new term.' }) input: OpenBodyTermInput, @Ctx() ctx: RequestContext) {
    return new GovernanceStructureWriteService(ctx).openTerm(input);
  }

  @Mutation(() => CollegePayload, { description: 'Adds a collège (electoral group) to an organization, under a number no other collège of it has.' })
  createCollege(@Arg('input', () => CreateCollegeInput, { description: 'The new collège.' }) input: CreateCollegeInput, @Ctx() ctx: RequestContext) {
    return new GovernanceStructureWriteService(ctx).createCollege(input);
  }

  @Mutation(() => PostPayload, { description: 'Adds a post to a body, with its seats and, if reserved, the collège of the body’s organization.' })
  createPost(@Arg('input', () => CreatePostInput, { description: 'The new post.' }) input: CreatePostInput, @Ctx() ctx: RequestContext) {
    return new GovernanceStructureWriteService(ctx).createPost(input);
  }

  @Mutation(() => PostPayload, { description: 'Changes a post; its seats never go below the titulaires holding it today or scheduled later.' })
  updatePost(@Arg('input', () => UpdatePostInput, { description: 'The changes.' }) input: UpdatePostInput, @Ctx() ctx: RequestContext) {
    return new GovernanceStructureWriteService(ctx).updatePost(input);
  }
}
