import { Field, ObjectType } from 'type-graphql';

/** A business failure the client should handle: which field, a stable code, a readable message. */
@ObjectType({ description: "Erreur métier d'une mutation: the field at fault, a stable code and a message. Nothing was written." })
export class UserError {
  @Field(() => [String], { description: 'Path of the input field at fault (["input", "endDate"]); empty when the whole input is.' })
  field!: string[];

  @Field({ description: 'Stable code (CONFLICT, a governance or convention rule code, INVALID_VALUE...).' })
  code!: string;

  @Field({ description: 'What is wrong, in plain words.' })
  message!: string;
}

/** Thrown inside a mutation to roll it back and answer with user errors. */
export class UserErrors extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('; '));
  }

  static of(code: string, message: string, ...field: string[]): UserErrors {
    return new UserErrors([{ code, message, field: ['input', ...field] }]);
  }
}
