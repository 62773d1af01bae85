import { BreakingChangeType, buildSchema, findBreakingChanges, isInputObjectType, isInterfaceType, isObjectType, GraphQLSchema } from 'graphql';

/** The part of the changelog listing what changed since the last release. */
export function unreleasedSection(changelog: string): string {
  const start = changelog.indexOf('## Unreleased');
  if (start < 0) return '';
  const next = changelog.indexOf('\n## ', start + 1);
  return changelog.slice(start, next < 0 ? undefined : next);
}

/** Every deprecation must say why and from when it may go: a reason holding a YYYY-MM-DD date. */
export function undatedDeprecations(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      const reason = field.deprecationReason;
      if (reason !== undefined && reason !== null && !/\d{4}-\d{2}-\d{2}/.test(reason)) out.push(`${type.name}.${field.name}`);
    }
  }
  return out;
}

/**
 * What keeps the published schema stable, comparing the last released schema with the current one:
 * every breaking change must be written, word for word as graphql-js describes it, in the
 * changelog's "Unreleased" section, and a field may only be removed once it was deprecated in the
 * released schema. Returns the problems (empty when the change may ship).
 */
export function schemaCompatibilityProblems(releasedSdl: string, currentSdl: string, changelog: string): string[] {
  const released = buildSchema(releasedSdl);
  const current = buildSchema(currentSdl);
  const listed = unreleasedSection(changelog);
  const problems: string[] = [];
  for (const change of findBreakingChanges(released, current)) {
    if (!listed.includes(change.description)) problems.push(`Breaking change not listed under "## Unreleased" in schema/CHANGELOG.md: ${change.description}`);
    if (change.type === BreakingChangeType.FIELD_REMOVED) {
      const [typeName, fieldName] = change.description.replace(/ was removed\.$/, '').split('.');
      const type = released.getType(typeName);
      const field = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[fieldName] : undefined;
      if (!field?.deprecationReason) problems.push(`${typeName}.${fieldName} was removed without being deprecated first in the released schema`);
    }
  }
  for (const coordinate of undatedDeprecations(current)) problems.push(`${coordinate} is deprecated without a date in its reason`);
  return problems;
}
