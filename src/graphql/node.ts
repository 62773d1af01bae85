import { Field, ID, InterfaceType } from 'type-graphql';

/** Encodes a global id: opaque to clients, stable across databases. */
export function toGlobalId(typename: string, key: string): string {
  return Buffer.from(`${typename}:${key}`, 'utf8').toString('base64url');
}

/** Decodes a global id; null when it is not one of ours. */
export function fromGlobalId(id: string): { typename: string; key: string } | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(id)) return null;
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return null;
  return { typename: decoded.slice(0, colon), key: decoded.slice(colon + 1) };
}

/**
 * Anything that can be fetched again by its global id with `node(id:)`.
 * Subclasses declare a static `typename` and their `nodeKey` (primary key as a string).
 */
@InterfaceType({ description: 'An object with a global, opaque identifier that `node(id:)` can fetch again.' })
export abstract class Node {
  abstract get nodeKey(): string;

  @Field(() => ID, { name: 'id', description: 'Global, opaque identifier of this object.' })
  get globalId(): string {
    return toGlobalId((this.constructor as unknown as { typename: string }).typename, this.nodeKey);
  }
}
