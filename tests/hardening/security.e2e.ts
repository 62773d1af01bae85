import type { EntityManager } from '@mikro-orm/knex';
import { AccessRole } from '../../src/modules/access/caller';
import { startRegistry, TestRegistry } from '../support/registry';
import { tinyNetwork } from '../support/tiny-network';

/**
 * What a GraphQL security scanner checks, against the server in production mode, plus attempts to
 * get around authorization. Every answer is inspected for leaks (stack traces, suggestions, tracing).
 */
describe('the production-mode server under a security scanner', () => {
  let r: TestRegistry;
  const responses: unknown[] = [];
  const raw = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(r.url.replace('/graphql', path), init);
    const text = await res.text();
    responses.push(text);
    return { status: res.status, type: res.headers.get('content-type') ?? '', text, json: (() => { try { return JSON.parse(text); } catch { return null; } })() };
  };
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    raw('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    r = await startRegistry('sqlite', { network: tinyNetwork() }, { mode: 'production' });
  });
  afterAll(async () => {
    // No answer of the whole suite leaked a stack trace, a field suggestion or tracing data.
    const all = responses.map(String).join('\n');
    expect(all).not.toMatch(/stacktrace|    at \S+ \(|Did you mean|"tracing"/);
    await r?.stop();
  });

  it('refuses introspection, including a circular introspection query', async () => {
    const simple = await post({ query: '{ __schema { types { name } } }' });
    expect(simple.json.data ?? null).toBeNull();
    expect(simple.json.errors[0].message).toMatch(/introspection/i);
    const circular = await post({ query: '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }' });
    expect(circular.json.data ?? null).toBeNull();
    expect(circular.json.errors.length).toBeGreaterThan(0);
  });

  it('serves no IDE page', async () => {
    const page = await raw('/graphql', { headers: { accept: 'text/html' } });
    expect(page.type).not.toMatch(/text\/html/);
    expect(page.text).not.toMatch(/<html|<script/i);
  });

  it('hides field suggestions', async () => {
    const typo = await post({ query: '{ organizatons { totalCount } }' });
    expect(typo.status).toBe(400);
    expect(typo.json.errors[0].message).not.toMatch(/Did you mean/);
  });

  it('answers queries over GET only with a CSRF-safe header, never mutations, and refuses form posts and batches', async () => {
    const plain = await raw('/graphql?query=%7B__typename%7D');
    expect(plain.status).toBe(400);
    const preflighted = await raw('/graphql?query=%7B__typename%7D', { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.json).toEqual({ data: { __typename: 'Query' } });
    const mutation = await raw(`/graphql?query=${encodeURIComponent('mutation { endMandate(input: { id: "x", version: 1, endDate: "2026-01-01", endReason: OTHER }) { userErrors { code } } }')}`,
      { headers: { 'apollo-require-preflight': 'true' } });
    expect(mutation.status).toBe(405);
    const form = await raw('/graphql', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.json?.data ?? null).toBeNull();
    const batch = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(batch.status).toBe(400);
  });

  it('refuses 101 aliases (of __typename too), ten repeated directives, deep and costly queries — page sizes from variables included', async () => {
    const aliases = await post({ query: `{ ${Array.from({ length: 101 }, (_, i) => `a${i}: __typename`).join(' ')} }` });
    expect(aliases.status).toBe(400);
    expect(aliases.json.errors[0].message).toMatch(/Too many aliases: 101/);
    const directives = await post({ query: `{ __typename ${'@include(if: true) '.repeat(10)}}` });
    expect(directives.status).toBe(400);
    const deep = await post({ query: `{ unml { ${'parent { '.repeat(16)}id${' }'.repeat(16)} } }` });
    expect(deep.status).toBe(400);
    expect(deep.json.errors[0].message).toMatch(/Query too deep/);
    const nested = `query($n: Int) { organizations(first: $n) { nodes { members(first: $n) { nodes { members(first: $n) { nodes { sites(first: $n) { nodes { name } } } } } } } } }`;
    const costly = await post({ query: nested, variables: { n: 100 } });
    expect(costly.status).toBe(400);
    expect(costly.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(costly.json.data ?? null).toBeNull();
    const small = await post({ query: nested, variables: { n: 2 } });
    expect(small.json.errors).toBeUndefined();
  });

  it('sends no tracing and masks unexpected errors with a request id', async () => {
    const ok = await post({ query: '{ unml { name } }' });
    expect(ok.json.extensions ?? {}).toEqual({});
    const bad = await post({ query: '{ organizations(first: 1000) { totalCount } }' });
    expect(bad.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.json.errors[0].extensions.stacktrace).toBeUndefined();

    // A table gone missing: the database error is logged with the request id and masked for the client.
    // (Under jest the driver's errors come from another realm than graphql's `Error`: the log names their code only.)
    const knex = (r.orm.em as EntityManager).getKnex();
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await knex.raw('alter table site rename to site_away');
    try {
      const query = '{ unml { members(first: 2) { nodes { name sites { totalCount } } } } }';
      // Twice: a document's first run goes through graphql-js, the next ones are compiled.
      for (let run = 0; run < 2; run++) {
        logged.mockClear();
        const res = await fetch(r.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        const requestId = res.headers.get('x-request-id')!;
        const text = await res.text();
        responses.push(text);
        const { errors } = JSON.parse(text);
        expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
        expect(errors.length).toBeGreaterThan(0);
        for (const e of errors) {
          expect(e.message).toBe(`Internal server error (request id ${requestId})`);
          expect(e.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
        }
        expect(text).not.toMatch(/site_away|no such table|SQLITE/i);
        const lines = logged.mock.calls.map(([line]) => JSON.parse(String(line)));
        expect(lines.length).toBe(errors.length);
        for (const line of lines) expect(line).toMatchObject({ level: 'error', requestId, message: expect.stringMatching(/SQLITE_ERROR/) });
      }
    } finally {
      await knex.raw('alter table site_away rename to site');
      logged.mockRestore();
    }
    const back = await post({ query: '{ unml { members(first: 1) { nodes { sites { totalCount } } } } }' });
    expect(back.json.errors).toBeUndefined();
  });

  it('refuses forged and expired tokens, and keeps private fields private on every path', async () => {
    const forged = await post({ query: '{ __typename }' }, { authorization: 'Bearer forged.token.value' });
    expect(forged.status).toBe(401);
    const expired = await r.tokens.mint({ role: AccessRole.NATIONAL, organizationId: null, label: 'expired', expiresAt: '2020-01-01T00:00:00.000Z' });
    expect((await post({ query: '{ __typename }' }, { authorization: `Bearer ${expired.token}` })).status).toBe(401);
    const national = (await r.mintToken(AccessRole.NATIONAL, null)).token;
    const created = await post({ query: 'mutation { createPerson(input: { givenName: "Alix", familyName: "Secret" }) { person { id version } } }' }, { authorization: `Bearer ${national}` });
    const { id, version } = created.json.data.createPerson.person;
    await post({ query: `mutation($id: ID!, $v: Int!) { setPersonContacts(input: { personId: $id, version: $v, contacts: [{ kind: "EMAIL", value: "alix@example.org" }] }) { userErrors { code } } }`, variables: { id, v: version } }, { authorization: `Bearer ${national}` });
    const viaNode = await post({ query: 'query($id: ID!) { node(id: $id) { ... on Person { contacts { value } } } }', variables: { id } });
    expect(viaNode.json.data.node.contacts).toBeNull();
    const viaList = await post({ query: '{ persons(filter: { search: "secret" }) { nodes { contacts { value } } } }' });
    expect(viaList.json.data.persons.nodes).toEqual([{ contacts: null }]);
    const asNational = await post({ query: 'query($id: ID!) { node(id: $id) { ... on Person { contacts { value } } } }', variables: { id } }, { authorization: `Bearer ${national}` });
    expect(asNational.json.data.node.contacts).toEqual([{ value: 'alix@example.org' }]);
  });
});
