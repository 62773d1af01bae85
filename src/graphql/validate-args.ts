import { validateOrReject, ValidatorOptions } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { ArgumentValidationError, getMetadataStorage } from 'type-graphql';

/** What type-graphql's default validation uses: an absent optional property is not checked. */
const OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };
const MAX_REMEMBERED = 1000;

/** Argument values already found valid, per argument class (as JSON). */
const validValues = new WeakMap<object, Set<string>>();

/**
 * Within one query, the arguments of a field come from the document and the variables only: once
 * found valid at a field node, they are valid at every object that field is resolved on (a map asks
 * 1,311 bodies for their composition with the same arguments). Keyed by the request's variables and
 * the field node, for `@Args()` classes only: each is the whole of a field's arguments, where two
 * `@Arg()` values of one input class on one field would be told apart by nothing but their value.
 */
const validAtNode = new WeakMap<object, WeakMap<object, Set<unknown>>>();
let argsClasses: Set<unknown> | undefined;
const isArgsClass = (constructor: unknown) =>
  (argsClasses ??= new Set(getMetadataStorage().argumentTypes.map((t) => t.target))).has(constructor);

/**
 * Validates arguments and inputs with class-validator, as type-graphql does, but in a read once
 * per distinct value: a list of 437 Missions Locales asking `communes { totalCount }` validates
 * its (identical) page arguments once, not 437 times. Validation depends on the value only (no
 * constraint reads the database), so a value found valid stays valid; mutations are validated
 * every time. An object with every property absent has nothing to check (every constraint skips
 * missing properties) and is not validated at all.
 */
export function validateArgs(argValue: unknown, _type: unknown, resolverData: { info: GraphQLResolveInfo }): Promise<void> | undefined {
  const { info } = resolverData;
  const remember = info.operation.operation === 'query';
  if (argValue === null || typeof argValue !== 'object') return undefined;
  let atNode: Set<unknown> | undefined;
  if (remember && isArgsClass(argValue.constructor)) {
    let byNode = validAtNode.get(info.variableValues);
    if (!byNode) validAtNode.set(info.variableValues, byNode = new WeakMap());
    atNode = byNode.get(info.fieldNodes[0]);
    if (!atNode) byNode.set(info.fieldNodes[0], atNode = new Set());
    if (atNode.has(argValue.constructor)) return undefined;
  }
  const pending: { item: object; key: string; remembered: Set<string> }[] = [];
  for (const item of Array.isArray(argValue) ? argValue : [argValue]) {
    if (item === null || typeof item !== 'object' || Object.values(item).every((v) => v === undefined)) continue;
    const key = remember ? JSON.stringify(item, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) : '';
    const remembered = validValues.get(item.constructor) ?? validValues.set(item.constructor, new Set()).get(item.constructor)!;
    if (!remember || !remembered.has(key)) pending.push({ item, key, remembered });
  }
  if (pending.length === 0) {
    atNode?.add(argValue.constructor);
    return undefined;
  }
  return validate(pending, remember).then(() => void atNode?.add(argValue.constructor));
}

async function validate(pending: { item: object; key: string; remembered: Set<string> }[], remember: boolean): Promise<void> {
  for (const { item, key, remembered } of pending) {
    try {
      await validateOrReject(item, OPTIONS);
    } catch (errors) {
      throw new ArgumentValidationError(errors as ConstructorParameters<typeof ArgumentValidationError>[0]);
    }
    if (!remember) continue;
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.add(key);
  }
}
