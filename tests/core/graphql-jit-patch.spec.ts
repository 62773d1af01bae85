import {
  execute, GraphQLBoolean, GraphQLEnumType, GraphQLError, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLScalarType,
  GraphQLSchema, GraphQLString, parse, responsePathAsArray,
} from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';

/**
 * graphql-jit is patched (patches/graphql-jit+0.8.9.patch) so that a large answer does not allocate,
 * per field, what only an error needs: resolvers are called without three closures each, the resolve
 * info builds its path when read, and a leaf that serializes skips building its error's locations and
 * path. The answers, errors included (messages, paths, locations), must stay graphql-js's.
 */

const Day = new GraphQLScalarType({
  name: 'Day',
  serialize: (v) => {
    if (!(v instanceof Date)) throw new TypeError(`Day cannot represent ${String(v)}`);
    return v.toISOString().slice(0, 10);
  },
});
const Color = new GraphQLEnumType({ name: 'Color', values: { RED: { value: 'r' }, BLUE: { value: 'b' } } });

const Leaf: GraphQLObjectType = new GraphQLObjectType({
  name: 'Leaf',
  fields: () => ({
    n: { type: new GraphQLNonNull(GraphQLInt) },
    label: { type: GraphQLString },
    flag: { type: GraphQLBoolean },
    color: { type: Color },
    day: { type: Day },
    strictDay: { type: new GraphQLNonNull(Day) },
    where: { type: GraphQLString, resolve: (_l, _a, _c, info) => `${responsePathAsArray(info.path).join('.')} ${info.parentType.name}.${info.fieldName}:${String(info.returnType)}` },
    syncThrow: { type: GraphQLString, resolve: () => { throw new Error('sync failure'); } },
    asyncReject: { type: GraphQLString, resolve: async () => { throw new Error('async failure'); } },
    asyncValue: { type: GraphQLString, resolve: async (l: { n: number }) => `later ${l.n}` },
    nonNullThrow: { type: new GraphQLNonNull(GraphQLString), resolve: () => { throw new GraphQLError('required failure'); } },
    variable: { type: GraphQLString, resolve: (_l, _a, _c, info) => String(info.variableValues.tag) },
  }),
});
const Branch = new GraphQLObjectType({
  name: 'Branch',
  fields: { name: { type: GraphQLString }, leaves: { type: new GraphQLList(Leaf) } },
});

const leaf = (n: number, extra: Record<string, unknown> = {}) => ({ n, label: `leaf ${n}`, flag: n % 2, color: n % 2 ? 'r' : 'b', day: new Date(Date.UTC(2026, 0, n)), strictDay: new Date(Date.UTC(2026, 1, n)), ...extra });
const branches = () => [
  { name: 'one', leaves: [leaf(1), leaf(2, { label: 12.5, n: 'not a number' }), leaf(3, { color: 'green' })] },
  { name: 'two', leaves: [leaf(4, { day: 'yesterday', strictDay: null }), leaf(5, { n: null }), null] },
];

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: { branches: { type: new GraphQLList(Branch), resolve: () => branches() } },
  }),
});

// A failing non-null field nulls its object, and graphql-js then leaves that object's other fields
// unreported where graphql-jit (patched or not) reports them: non-null failures are asked alone.
const QUERY = `query Tree($tag: String) {
  branches { name leaves { label flag color day where syncThrow asyncReject asyncValue variable } }
  strict: branches { leaves { n strictDay } }
  again: branches { leaves { nonNull: nonNullThrow } }
}`;

/** Errors as a client reads them, in a stable order (graphql-js and graphql-jit may list them differently). */
const readable = (result: { data?: unknown; errors?: readonly GraphQLError[] }) => ({
  data: result.data,
  errors: (result.errors ?? []).map((e) => ({ message: e.message, path: e.path, locations: e.locations }))
    .sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path))),
});

describe('graphql-jit as patched', () => {
  it('answers values, serialization failures, thrown and rejected resolvers and paths exactly as graphql-js', async () => {
    const document = parse(QUERY);
    const compiled = compileQuery(schema, document, 'Tree');
    if (!isCompiledQuery(compiled)) throw new Error(`not compiled: ${JSON.stringify(compiled)}`);
    const expected = readable(await execute({ schema, document, variableValues: { tag: 'v1' } }));
    const actual = readable(await compiled.query(undefined, {}, { tag: 'v1' }));

    expect(actual).toEqual(expected);
    // What the comparison covers: values, coercions, each kind of failure, a path read from the info.
    const data = actual.data as { branches: { leaves: Record<string, unknown>[] }[]; strict: { leaves: unknown[] }[]; again: unknown };
    expect(data.strict.map((b) => b.leaves.map((l) => l !== null))).toEqual([[true, false, true], [false, false, false]]);
    expect(data.branches[0].leaves[0]).toMatchObject({ flag: true, color: 'RED', day: '2026-01-01', where: 'branches.0.leaves.0.where Leaf.where:String', asyncValue: 'later 1', variable: 'v1' });
    expect(data.branches[0].leaves[1]).toMatchObject({ label: '12.5' });
    expect(data.branches[1].leaves[2]).toBeNull();
    expect(data.again).toEqual([{ leaves: [null, null, null] }, { leaves: [null, null, null] }]);
    const messages = actual.errors.map((e) => `${(e.path ?? []).join('.')}: ${e.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      'branches.0.leaves.0.syncThrow: sync failure',
      'branches.0.leaves.0.asyncReject: async failure',
      'strict.0.leaves.1.n: Int cannot represent non-integer value: "not a number"',
      'branches.0.leaves.2.color: Enum "Color" cannot represent value: "green"',
      'branches.1.leaves.0.day: Day cannot represent yesterday',
      'strict.1.leaves.0.strictDay: Cannot return null for non-nullable field Leaf.strictDay.',
      'strict.1.leaves.1.n: Cannot return null for non-nullable field Leaf.n.',
      'again.0.leaves.0.nonNull: required failure',
    ]));
  });

  it('is the patched code that runs (no callback per resolver call, leaves serialized inline)', () => {
    const compiled = compileQuery(schema, parse(QUERY), 'Tree', { debug: true } as never) as unknown as Record<string, string>;
    const source = compiled.__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation;
    expect(source).toContain('.fast(__leafValue)');
    expect(source).not.toContain('rt.callResolver(');
    expect(source).not.toMatch(/prev: \{/); // no path object built at the call site
  });
});
