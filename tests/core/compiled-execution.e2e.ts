import { databaseKinds } from '../support/databases';
import { GraphQLResponse, startRegistry, TestRegistry } from '../support/registry';
import { tinyNetwork } from '../support/tiny-network';

const MAP = `query Map($asOf: Date!) {
  unml { name members(first: 100, asOf: $asOf) { totalCount nodes { id name regions(asOf: $asOf) { code name }
    members(first: 100, asOf: $asOf) { totalCount nodes { id name departement { code } communes(asOf: $asOf) { totalCount } sites { totalCount }
      governingBodies { kind composition(asOf: $asOf) { totalCount nodes { role post { kind } person { familyName } } } } } } } } }
}`;
const BY_ID = `query One($id: ID!) { organization(id: $id) { name } }`;

/**
 * Queries seen a second time run compiled by graphql-jit (src/graphql/compiled-execution.ts): the
 * answers, errors included, must be those graphql-js gives; what graphql-jit would answer otherwise
 * (input objects in variables, variables left to their defaults, mutations, introspection) stays with graphql-js.
 */
describe.each(databaseKinds())('compiled queries on %s', (kind) => {
  let r: TestRegistry;
  beforeAll(async () => {
    r = await startRegistry(kind, { network: tinyNetwork() });
  });
  afterAll(() => r?.stop());

  /** Sends the same operation three times; returns the answers and how each ran. */
  const thrice = async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const before = { ...r.executions };
    const answers: Pick<GraphQLResponse, 'status' | 'data' | 'errors'>[] = [];
    for (let i = 0; i < 3; i++) {
      const { status, data, errors } = await r.query(query, variables, token);
      answers.push({ status, data, errors });
    }
    return { answers, compiled: r.executions.compiled - before.compiled, graphqlJs: r.executions.graphqlJs - before.graphqlJs };
  };

  it('answers a query the same through graphql-js (first time) and compiled (then)', async () => {
    const { answers, compiled, graphqlJs } = await thrice(MAP, { asOf: '2026-10-01' });
    expect({ compiled, graphqlJs }).toEqual({ compiled: 2, graphqlJs: 1 });
    expect(answers[0].errors).toBeUndefined();
    expect(answers[0].data.unml.members.nodes[0].members.totalCount).toBe(2);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('gives the same errors compiled: resolver errors, bad variables, missing ones', async () => {
    for (const variables of [{ id: 'not-a-node-id' }, { id: 42 }, {}, { id: null }]) {
      const { answers } = await thrice(BY_ID, variables);
      expect(answers[0].errors?.length).toBeGreaterThan(0);
      expect([variables, answers[1]]).toEqual([variables, answers[0]]);
      expect([variables, answers[2]]).toEqual([variables, answers[0]]);
    }
    const { answers, compiled } = await thrice(MAP, { asOf: '2026-02-30' });
    expect(compiled).toBe(0); // refused while reading the variables, before running
    expect(answers[0].errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(answers[2]).toEqual(answers[0]);
  });

  it('leaves to graphql-js input objects in variables, variables left to their defaults, mutations and introspection', async () => {
    const filtered = await thrice(`query($f: OrganizationFilter) { organizations(filter: $f) { totalCount } }`, { f: { search: 'Fougeres' } });
    expect(filtered.answers[2].data.organizations.totalCount).toBe(1);
    const defaulted = await thrice(`query($asOf: Date) { unml { members(asOf: $asOf) { totalCount } } }`, {});
    expect(defaulted.answers[2].data.unml.members.totalCount).toBe(1);
    const mutation = await thrice(`mutation($input: OpenMandateInput!) { openMandate(input: $input) { userErrors { code } } }`,
      { input: { postId: 'UG9zdDox', personId: 'UGVyc29uOjE', startDate: '2026-02-01' } });
    expect(mutation.answers.map((a) => a.errors?.[0].extensions?.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    const introspection = await thrice(`{ __schema { queryType { name } } }`);
    expect(introspection.answers[2].data.__schema.queryType.name).toBe('Query');
    for (const run of [filtered, defaulted, mutation, introspection]) expect({ compiled: run.compiled, graphqlJs: run.graphqlJs }).toEqual({ compiled: 0, graphqlJs: 3 });
  });
});
