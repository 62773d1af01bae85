import 'reflect-metadata';
import { dirname, join } from 'node:path';
import type { GraphQLResolveInfo } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { PageArgs } from '../../src/graphql/pagination';
import { CommuneFilter } from '../../src/modules/territory/territory.inputs';
import { validateArgs } from '../../src/graphql/validate-args';

// The function type-graphql calls for every argument of every resolver (patched: patches/type-graphql+2.0.0-rc.4.patch); not exported.
const { validateArg } = require(join(dirname(require.resolve('type-graphql')), 'resolvers', 'validate-arg.js'));
/** Where a resolver runs: a field node of an operation, with the request's variables (a new node unless given). */
const at = (operation: 'query' | 'mutation', fieldNode: object = {}, variableValues: object = {}) =>
  ({ info: { operation: { operation }, fieldNodes: [fieldNode], variableValues } as unknown as GraphQLResolveInfo });
const inQuery = () => at('query');
const inMutation = () => at('mutation');
const page = (values: Partial<PageArgs>) => Object.assign(new PageArgs(), values);
const callValidateArg = (value: unknown, fn: typeof validateArgs) =>
  (validateArg as (...args: unknown[]) => unknown)(value, PageArgs, inQuery(), true, undefined, fn, undefined);

/**
 * A read of the network map resolves four fields with arguments per Mission Locale: arguments
 * already found valid must not cost a promise each (the patch makes type-graphql's `validateArg`
 * synchronous when the validation function is), and invalid ones must still be refused.
 */
describe('argument validation', () => {
  it('answers synchronously for arguments with nothing to check or already found valid in a read', async () => {
    expect(validateArgs(page({}), PageArgs, inQuery())).toBeUndefined();
    const first = page({ first: 7 });
    await validateArgs(first, PageArgs, inQuery()); // validated once
    expect(validateArgs(page({ first: 7 }), PageArgs, inQuery())).toBeUndefined();
    const value = page({ first: 7 });
    expect(callValidateArg(value, validateArgs)).toBe(value);
  });

  it('validates every time in a mutation, and refuses invalid arguments through a rejected promise', async () => {
    await validateArgs(page({ first: 8 }), PageArgs, inQuery());
    expect(validateArgs(page({ first: 8 }), PageArgs, inMutation())).toBeInstanceOf(Promise);
    const invalid = callValidateArg(page({ first: 1000 }), validateArgs);
    expect(invalid).toBeInstanceOf(Promise);
    await expect(invalid).rejects.toBeInstanceOf(ArgumentValidationError);
    await expect(callValidateArg(page({ after: 'not a cursor!' }), validateArgs)).rejects.toBeInstanceOf(ArgumentValidationError);
  });

  it('checks the arguments of a field node once per request: the same node and variables give the same arguments', async () => {
    const node = {};
    const variables = {};
    await validateArgs(page({ first: 9, after: undefined }), PageArgs, at('query', node, variables));
    expect(validateArgs(page({ first: 9 }), PageArgs, at('query', node, variables))).toBeUndefined();
    // Another request (other variables) at the same node is checked again: an invalid value is refused.
    await expect(validateArgs(page({ first: 1001 }), PageArgs, at('query', node, {}))).rejects.toBeInstanceOf(ArgumentValidationError);
    // A value refused at a node is refused again there.
    const refusedAt = {};
    await expect(validateArgs(page({ first: 1002 }), PageArgs, at('query', refusedAt, variables))).rejects.toBeInstanceOf(ArgumentValidationError);
    await expect(validateArgs(page({ first: 1002 }), PageArgs, at('query', refusedAt, variables))).rejects.toBeInstanceOf(ArgumentValidationError);
    // A single input object (@Arg) is told apart by its value only: another one at the same node is checked.
    const filterAt = {};
    const filter = (postalCode: string) => Object.assign(new CommuneFilter(), { postalCode });
    await validateArgs(filter('35000'), CommuneFilter, at('query', filterAt, variables));
    await expect(validateArgs(filter('3500'), CommuneFilter, at('query', filterAt, variables))).rejects.toBeInstanceOf(ArgumentValidationError);
  });
});
