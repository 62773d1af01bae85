/**
 * Records read for display, not managed by the entity manager: an object whose prototype chain leads
 * to the entity class (so `instanceof`, the GraphQL type and the node id work as for a managed entity)
 * but whose fields are plain own properties. The ORM puts change-tracking setters on entity prototypes
 * that, on the first write of each field of each instance, redefine the property and build the entity's
 * helper; a read-only record goes around them through a prototype of its own where every field it
 * sets is a plain writable slot. The `fields` object itself becomes the record (callers pass a fresh
 * literal). Never persist one: writes go through the write services.
 */
const prototypes = new WeakMap<object, object>();
const readOnlyPrototypes = new WeakSet<object>();

export function readOnlyRecord<T extends object>(entity: abstract new (...args: any[]) => T, fields: Partial<T>): T {
  let prototype = prototypes.get(entity);
  if (!prototype) {
    prototype = Object.create(entity.prototype) as object;
    prototypes.set(entity, prototype);
    readOnlyPrototypes.add(prototype);
  }
  for (const key in fields) {
    if (!Object.prototype.hasOwnProperty.call(prototype, key)) {
      Object.defineProperty(prototype, key, { value: undefined, writable: true, enumerable: false, configurable: true });
    }
  }
  // No copy: a network map with every board builds ~10,000 records, and copying them cost 14 % of its CPU.
  return Object.setPrototypeOf(fields, prototype) as T;
}

/** Whether `value` is a complete read-only record (not a reference holding only an id): a resolver can return it as it is. */
export function isReadOnlyRecord(value: object): boolean {
  return readOnlyPrototypes.has(Object.getPrototypeOf(value));
}
