import 'reflect-metadata';
import { dirname, join } from 'node:path';
import { GraphQLObjectType } from 'graphql';
import { buildRegistrySchema } from '../../src/graphql/schema';

// type-graphql's per-call resolver helpers (patched: patches/type-graphql+2.0.0-rc.4.patch); not exported.
const { getParams } = require(join(dirname(require.resolve('type-graphql')), 'resolvers', 'helpers.js'));

/**
 * A network map resolves tens of thousands of fields: type-graphql's wrappers must not cost a
 * function call per plain field, nor a sort and closures per resolver call (the patch), while
 * handing resolvers the same parameters in the same order.
 */
describe('resolver wrappers', () => {
  it('leaves plain fields to the default resolver and keeps a resolver on computed fields', async () => {
    const schema = await buildRegistrySchema();
    const organization = schema.getType('Organization') as GraphQLObjectType;
    const fields = organization.getFields();
    expect(fields.name.resolve).toBeUndefined();
    expect(fields.shortName.resolve).toBeUndefined();
    expect(typeof fields.region.resolve).toBe('function');
    expect(typeof fields.members.resolve).toBe('function');
    expect(typeof schema.getQueryType()!.getFields().organization.resolve).toBe('function');
  });

  it('hands parameters in declaration order, as an array when none is a promise', async () => {
    const root = { id: 1 };
    const context = { user: 'u' };
    const info = { fieldName: 'f' };
    // Declared out of order, as decorators register them (last parameter first).
    const params = [
      { kind: 'info', index: 2 },
      { kind: 'root', index: 0 },
      { kind: 'context', index: 1, propertyName: 'user' },
    ];
    const first = getParams(params, { root, args: {}, context, info }, false, undefined);
    expect(first).toEqual([root, 'u', info]);
    expect(params.map((p) => p.index)).toEqual([0, 1, 2]);
    expect(getParams(params, { root, args: {}, context, info }, false, undefined)).toEqual([root, 'u', info]);
    // A custom parameter answering with a promise makes the whole list one promise.
    const withPromise = [...params, { kind: 'custom', index: 3, options: {}, resolver: async () => 'later' }];
    const resolved = getParams(withPromise, { root, args: {}, context, info }, false, undefined);
    expect(resolved).toBeInstanceOf(Promise);
    await expect(resolved).resolves.toEqual([root, 'u', info, 'later']);
  });
});
