import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/knex';
import fc from 'fast-check';
import {
  buildSchema, getNamedType, GraphQLInputType, GraphQLObjectType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType,
} from 'graphql';
import { toGlobalId } from '../../src/graphql/node';
import { AccessRole } from '../../src/modules/access/caller';
import { databaseKinds } from '../support/databases';
import { emptyBoards } from '../support/empty-boards';
import { startRegistry, TestRegistry } from '../support/registry';
import { tinyConventions } from '../support/tiny-conventions';
import { twoRegionNetwork } from '../support/two-region-network';

/**
 * Property-based fuzzing of every mutation of the published schema: inputs generated from each input
 * type, mostly well-typed but malformed (bad dates and amounts, unknown or mismatched ids, huge and odd
 * strings, missing required fields, wrong types here and there), sent by the national secretariat so
 * that nothing stops them before validation. Every answer must be a typed error or a success — never
 * a 5xx, never a masked internal error — and every refused call must leave every table as it was.
 * The seed is fixed so a run is repeatable (FUZZ_SEED and FUZZ_RUNS change it).
 */
const SCHEMA = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));
const MUTATIONS = Object.values(SCHEMA.getMutationType()!.getFields());
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const TYPED_CODES = ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT'];
/** Tables a write never touches (geography, migrations, the tokens of the callers). */
const UNWRITTEN = new Set(['region', 'departement', 'commune', 'commune_postal_code', 'mikro_orm_migrations', 'sqlite_sequence', 'api_token']);
const NODE_TYPES: Record<string, string> = {
  organization: 'Organization', site: 'Site', person: 'Person', governing_body: 'GoverningBody', post: 'Post', mandate: 'Mandate',
  college: 'College', body_term: 'BodyTerm', convention: 'Convention', partnership: 'Partnership', organization_link: 'OrganizationLink',
  change_event: 'ChangeEvent',
};

const globalId = (type: string, key: string | number) => toGlobalId(type, String(key));

/** A value of the wrong shape altogether. */
const WRONG = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(null));

const STRING = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('Mission Locale test', 'Rennes', '35238', '35300', '53', 'ANTENNA', 'https://example.org', 'contact@example.org', '2026-01-01', '0612345678') },
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 300, max: 20_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\u0000', '\u202e', "'; drop table organization; --", '<script>alert(1)</script>', 'http://insecure.example', 'javascript:alert(1)') },
);
const DATE = fc.oneof(
  { weight: 6, arbitrary: fc.date({ min: new Date('1980-01-01'), max: new Date('2045-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  { weight: 2, arbitrary: fc.constantFrom('2026-02-30', '2026-13-01', '01/02/2026', '', '2026-1-1', '0000-00-00', '9999-12-31', '2026-02-29', '2026-06-01T00:00:00Z') },
);
const EUROS = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 1_000_000_000 }).map((n) => (n / 100).toFixed(2)) },
  { weight: 2, arbitrary: fc.constantFrom('-1.00', '1e9', 'abc', '0.001', '', '12,50', '99999999999999999999.99', 'NaN', '0') },
);
const VALID_DATE = fc.date({ min: new Date('2015-01-01'), max: new Date('2032-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const VALID_EUROS = fc.integer({ min: 0, max: 100_000_000 }).map((n) => (n / 100).toFixed(2));
const PLAUSIBLE_STRING = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('Mission Locale test', 'Rennes', '35238', '35300', '53', '35', 'https://example.org', 'contact@example.org', '0612345678', 'Collège des élus') },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
);
const INT = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -5, max: 60 }) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 31 - 1, -(2 ** 31), 2 ** 40, 1.5) },
);

interface Fixture {
  /** Real ids of every node type of the fixture, and forged ones. */
  ids: string[];
}

/** Plausible values (real ids, valid dates and enums), or hostile ones too. */
interface Mode {
  fixture: Fixture;
  hostile: boolean;
}

function idArb({ fixture, hostile }: Mode) {
  const real = fc.constantFrom(...fixture.ids);
  if (!hostile) return real;
  return fc.oneof(
    { weight: 8, arbitrary: real },
    { weight: 1, arbitrary: fc.constantFrom(...Object.values(NODE_TYPES)).chain((t) => fc.constantFrom(globalId(t, 999999), globalId(t, -1), globalId(t, '1.5'), globalId(t, 'abc'))) },
    { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', 'T3JnYW5pemF0aW9uOjE', '%%%', 'Organization:1')) },
  );
}

function scalarArb(name: string, mode: Mode): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID': return idArb(mode);
    case 'Int': return mode.hostile ? INT : fc.integer({ min: 1, max: 12 });
    case 'Float': return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), INT);
    case 'Boolean': return fc.boolean();
    case 'Date': return mode.hostile ? DATE : VALID_DATE;
    case 'Euros': return mode.hostile ? EUROS : VALID_EUROS;
    default: return mode.hostile ? STRING : PLAUSIBLE_STRING;
  }
}

/** An input value for a GraphQL input type; in hostile mode, sometimes missing or of another shape. */
function valueArb(type: GraphQLInputType, mode: Mode, depth = 0): fc.Arbitrary<unknown> {
  if (!mode.hostile) return typedArb(type, mode, depth);
  return fc.oneof({ weight: 40, arbitrary: typedArb(type, mode, depth) }, { weight: 1, arbitrary: WRONG });
}

function typedArb(type: GraphQLInputType, mode: Mode, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    if (!mode.hostile) return valueArb(type.ofType, mode, depth);
    return fc.oneof({ weight: 30, arbitrary: valueArb(type.ofType, mode, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  }
  if (isListType(type)) {
    const item = valueArb(type.ofType, mode, depth + 1);
    return fc.oneof({ weight: 6, arbitrary: fc.array(item, { maxLength: depth > 2 ? 1 : 4 }) }, { weight: 1, arbitrary: item });
  }
  if (isEnumType(type)) {
    const valid = fc.constantFrom(...type.getValues().map((v) => v.name));
    return mode.hostile ? fc.oneof({ weight: 10, arbitrary: valid }, { weight: 1, arbitrary: STRING }) : valid;
  }
  if (isScalarType(type)) return scalarArb(type.name, mode);
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(type.getFields()).map((f) => {
      // A required field is always there in plausible mode, 29 times in 30 in hostile mode; an optional one half of the time.
      const value = valueArb(f.type, mode, depth + 1);
      if (isNonNullType(f.type) && !mode.hostile) return [f.name, value] as const;
      const present = isNonNullType(f.type) ? 29 : 1;
      return [f.name, fc.oneof({ weight: present, arbitrary: value }, { weight: 1, arbitrary: fc.constant(undefined) })] as const;
    });
    const record = fc.record(Object.fromEntries(fields));
    if (!mode.hostile) return record;
    return fc.oneof({ weight: 15, arbitrary: record }, { weight: 1, arbitrary: record.map((o) => ({ ...o, unexpectedField: 'x' })) });
  }
  return WRONG;
}

/** Half plausible inputs (which reach validation and the domain rules), half hostile ones. */
function inputArb(type: GraphQLInputType, fixture: Fixture) {
  return fc.oneof(valueArb(type, { fixture, hostile: false }), valueArb(type, { fixture, hostile: true }));
}

describe.each(databaseKinds())('generated malformed input for every mutation on %s', (kind) => {
  let r: TestRegistry;
  let token: string;
  let tables: string[];
  const fixture: Fixture = { ids: [] };
  const knex = () => (r.orm.em as EntityManager).getKnex();

  /** A hash of every row of every table a write may touch. */
  const fingerprint = async () => {
    const out: Record<string, string> = {};
    for (const t of tables) {
      const rows = (await knex()(t).select('*')).map((row: unknown) => JSON.stringify(row)).sort();
      out[t] = `${rows.length} ${createHash('sha1').update(rows.join('\n')).digest('hex')}`;
    }
    return out;
  };

  beforeAll(async () => {
    r = await startRegistry(kind, { network: twoRegionNetwork(), governance: emptyBoards(), conventions: tinyConventions() });
    token = (await r.mintToken(AccessRole.NATIONAL, null)).token;
    const names: string[] = kind === 'sqlite'
      ? (await knex().raw(`select name from sqlite_master where type = 'table'`)).map((t: any) => t.name)
      : (await knex().raw(`select table_name as name from information_schema.tables where table_schema = current_schema()`)).rows.map((t: any) => t.name);
    tables = names.filter((n) => !UNWRITTEN.has(n)).sort();
    expect(tables).toEqual(expect.arrayContaining(['organization', 'audit_event', 'idempotency_key', 'mandate', 'convention', 'funding_line']));
    for (const [table, type] of Object.entries(NODE_TYPES)) {
      for (const row of await knex()(table).select('id').orderBy('id').limit(6)) fixture.ids.push(globalId(type, row.id));
    }
    expect(fixture.ids.length).toBeGreaterThan(30);
  });
  afterAll(async () => r?.stop());

  it('covers every mutation of the schema', () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(30);
    for (const m of MUTATIONS) expect([m.name, m.args.map((a) => a.name)]).toEqual([m.name, ['input']]);
  });

  it.each(MUTATIONS.map((m) => [m.name, m] as const))('%s: a typed error or a success, never a 5xx, never a partial write', async (name, mutation) => {
    const inputType = mutation.args[0].type;
    const payload = getNamedType(mutation.type) as GraphQLObjectType;
    const hasUserErrors = isObjectType(payload) && 'userErrors' in payload.getFields();
    const document = `mutation Fuzz($input: ${inputType.toString()}) { ${name}(input: $input) { __typename ${hasUserErrors ? 'userErrors { code message }' : ''} } }`;
    const outcomes: Record<string, number> = {};
    let before = await fingerprint();

    await fc.assert(fc.asyncProperty(inputArb(inputType, fixture), async (input) => {
      const res = await r.query(document, { input }, token);
      expect([200, 400]).toContain(res.status);
      const codes = (res.errors ?? []).map((e) => String(e.extensions?.code));
      for (const e of res.errors ?? []) {
        const code = String(e.extensions?.code);
        expect({ input, typed: TYPED_CODES.includes(code) ? true : `${code}: ${e.message}` }).toEqual({ input, typed: true });
      }
      const userErrors: { code: string; message: string }[] = res.data?.[name]?.userErrors ?? [];
      for (const u of userErrors) expect(u.message.length).toBeGreaterThan(0);
      const succeeded = codes.length === 0 && res.data?.[name] != null && userErrors.length === 0;
      // Where it stopped: variable coercion (400), input validation, the domain rules (user errors), or it succeeded.
      const outcome = succeeded ? 'success'
        : res.status === 400 ? 'coercion'
          : res.errors?.[0]?.message.startsWith('Invalid input') ? 'validation'
            : codes[0] ?? `rule:${userErrors[0]?.code}`;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      const after = await fingerprint();
      if (!succeeded) expect({ input, changed: Object.keys(after).filter((t) => after[t] !== before[t]) }).toEqual({ input, changed: [] });
      before = after;
    }), { numRuns: RUNS, seed: SEED, endOnFailure: true });

    process.stdout.write(`fuzz ${kind} ${name}: ${RUNS} inputs → ${Object.entries(outcomes).map(([o, n]) => `${o} ${n}`).join(', ')}\n`);
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(RUNS);
  });
});
