import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isUnionType } from 'graphql';
import { buildRegistrySchema, printRegistrySchema } from '../src/graphql/schema';
import { schemaCompatibilityProblems } from '../src/graphql/schema-compat';

/** The published schema is an artifact: generated from the code, committed, and fully described. */
describe('published schema', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildRegistrySchema();
  });

  it('schema/schema.graphql matches the code (run `npm run schema` after changing the API)', () => {
    const committed = readFileSync(join(__dirname, '../schema/schema.graphql'), 'utf8');
    expect(printRegistrySchema(schema)).toBe(committed);
  });

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
      if (isUnionType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });

  it('changes the last released schema (schema/released.graphql) only as schema/CHANGELOG.md says', () => {
    const read = (file: string) => readFileSync(join(__dirname, '../schema', file), 'utf8');
    expect(schemaCompatibilityProblems(read('released.graphql'), printRegistrySchema(schema), read('CHANGELOG.md'))).toEqual([]);
  });
});

describe('the schema stability check', () => {
  const released = `type Query { a: String b: String @deprecated(reason: "Use a. Removed after 2027-01-01.") c(x: Int): String }`;
  const changelog = (lines: string) => `# Changelog\n\n## Unreleased\n\n${lines}\n\n## 2026-11-30\n\nQuery.a was removed.\n`;

  it('lets additions and listed removals of deprecated fields through', () => {
    expect(schemaCompatibilityProblems(released, `type Query { a: String b: String c(x: Int): String d: Int }`, changelog(''))).toEqual([]);
    expect(schemaCompatibilityProblems(released, `type Query { a: String c(x: Int): String }`, changelog('- Query.b was removed.'))).toEqual([]);
  });

  it('refuses a breaking change missing from "Unreleased", and the removal of a field never deprecated', () => {
    expect(schemaCompatibilityProblems(released, `type Query { a: String c(x: Int): String }`, changelog(''))).toEqual([
      'Breaking change not listed under "## Unreleased" in schema/CHANGELOG.md: Query.b was removed.',
    ]);
    // Listed under an older release only: still unlisted; and "a" was never deprecated.
    expect(schemaCompatibilityProblems(released, `type Query { b: String c(x: Int): String }`, changelog(''))).toEqual([
      'Breaking change not listed under "## Unreleased" in schema/CHANGELOG.md: Query.a was removed.',
      'Query.a was removed without being deprecated first in the released schema',
    ]);
    expect(schemaCompatibilityProblems(released, `type Query { a: String b: String c(x: Int!): String }`, changelog(''))).toHaveLength(1);
  });

  it('wants a date in every deprecation reason', () => {
    expect(schemaCompatibilityProblems(released, `type Query { a: String @deprecated(reason: "Use c.") b: String c(x: Int): String }`, changelog('')))
      .toEqual(['Query.a is deprecated without a date in its reason']);
  });
});
