import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isUnionType } from 'graphql';
import { buildRegistrySchema, printRegistrySchema } from '../src/graphql/schema';

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
});
