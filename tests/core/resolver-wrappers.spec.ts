import 'reflect-metadata';
import { dirname, join } from 'node:path';
import { execute, graphql, GraphQLObjectType, parse } from 'graphql';
import { Arg, Args, ArgsType, buildSchema, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { buildRegistrySchema } from '../../src/graphql/schema';

// type-graphql's per-call resolver helpers (patched: patches/type-graphql+2.0.0-rc.4.patch); not exported.
const { getParams } = require(join(dirname(require.resolve('type-graphql')), 'resolvers', 'helpers.js'));

/**
 * A network map resolves tens of thousands of fields: type-graphql's wrappers must not cost a
 * function call per plain field, nor a sort and closures per resolver call (the patch), while
 * handing resolvers the same parameters in the same order.
 */
@ObjectType({ description: 'A thing.' })
class Thing {
  @Field({ description: 'Its name.' })
  name!: string;
}

const instances = new Set<unknown>();

@ArgsType()
class WindowArgs {
  @Field(() => Int, { description: 'How many.' })
  first!: number;
}

/** Each args instance a resolver was handed, in call order. */
const windows: WindowArgs[] = [];

@Resolver(() => Thing)
class ThingResolver {
  @Query(() => [Thing], { description: 'Things, as plain objects.' })
  things() {
    return [{ name: 'a' }, { name: 'b' }];
  }

  @FieldResolver(() => String, { description: 'Root, then context.' })
  rootFirst(@Root() thing: Thing, @Ctx() ctx: { tag: string }) {
    instances.add(this);
    return `${thing instanceof Thing}:${thing.name}:${ctx.tag}`;
  }

  @FieldResolver(() => String, { description: 'Context, then root.' })
  contextFirst(@Ctx() ctx: { tag: string }, @Root() thing: Thing) {
    instances.add(this);
    return `${ctx.tag}:${thing instanceof Thing}:${thing.name}`;
  }

  @FieldResolver(() => String, { description: 'Root alone, by property.' })
  rootName(@Root('name') name: string) {
    return name.toUpperCase();
  }

  @FieldResolver(() => String, { description: 'Nothing from the call.' })
  constant() {
    instances.add(this);
    return 'c';
  }

  @Mutation(() => [Thing], { description: 'Things, from a mutation.' })
  touchThings() {
    return [{ name: 'a' }, { name: 'b' }];
  }

  @FieldResolver(() => String, { description: 'Root and an args class.' })
  window(@Root() thing: Thing, @Args() w: WindowArgs) {
    windows.push(w);
    return `${thing.name}:${w.first}`;
  }

  @FieldResolver(() => String, { description: 'Root and an argument.' })
  withArg(@Root() thing: Thing, @Arg('suffix') suffix: string) {
    return thing.name + suffix;
  }
}

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

  it('calls a handler taking only its root and context directly, with the same values as through the parameter list', async () => {
    const schema = await buildSchema({ resolvers: [ThingResolver], validate: false });
    const fields = (schema.getType('Thing') as GraphQLObjectType).getFields();
    // Root and context only: two-argument calls; anything else goes through type-graphql's parameter list.
    expect(fields.rootFirst.resolve!.length).toBe(3);
    expect(fields.constant.resolve!.length).toBe(0);
    expect(fields.withArg.resolve!.length).toBe(4);
    const result = await graphql({
      schema,
      source: '{ things { name rootFirst contextFirst rootName constant withArg(suffix: "!") } }',
      contextValue: { tag: 't' },
    });
    expect(result).toEqual({ data: { things: [
      { name: 'a', rootFirst: 'true:a:t', contextFirst: 't:true:a', rootName: 'A', constant: 'c', withArg: 'a!' },
      { name: 'b', rootFirst: 'true:b:t', contextFirst: 't:true:b', rootName: 'B', constant: 'c', withArg: 'b!' },
    ] } });
    expect(instances.size).toBe(1); // one resolver instance, from the default container
  });

  it("hands every object of a query's field one frozen args instance per variables, and a mutation a new one per call", async () => {
    const schema = await buildSchema({ resolvers: [ThingResolver], validate: false });
    const document = parse('query($n: Int!) { things { window(first: $n) other: window(first: 7) } }');
    const run = async (n: number) => {
      windows.length = 0;
      const result = await execute({ schema, document, variableValues: { n } });
      expect(result.errors).toBeUndefined();
      return { data: result.data, handed: [...windows] };
    };
    const two = await run(2);
    expect(two.data).toEqual({ things: [{ window: 'a:2', other: 'a:7' }, { window: 'b:2', other: 'b:7' }] });
    // The same instance at each object, per field node (in whatever order the calls came).
    const [a2, b2] = two.handed.filter((w) => w.first === 2);
    const [a7, b7] = two.handed.filter((w) => w.first === 7);
    expect(two.handed).toHaveLength(4);
    expect(b2).toBe(a2);
    expect(b7).toBe(a7);
    expect(a7).not.toBe(a2);
    expect(a2).toBeInstanceOf(WindowArgs);
    expect(Object.isFrozen(a2)).toBe(true);
    // Other variables, other instances: nothing is carried from one execution to the next.
    const three = await run(3);
    expect(three.data).toEqual({ things: [{ window: 'a:3', other: 'a:7' }, { window: 'b:3', other: 'b:7' }] });
    expect(three.handed).toHaveLength(4);
    for (const w of three.handed) expect([a2, a7]).not.toContain(w);

    windows.length = 0;
    const touched = await execute({ schema, document: parse('mutation { touchThings { window(first: 4) } }') });
    expect(touched.data).toEqual({ touchThings: [{ window: 'a:4' }, { window: 'b:4' }] });
    expect(windows[1]).not.toBe(windows[0]);
    expect(Object.isFrozen(windows[0])).toBe(false);
  });
});
