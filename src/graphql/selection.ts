import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** What a selection may ask for: each field allowed, with what may be asked under it (`true`: anything). */
export type SelectionShape = { readonly [field: string]: true | SelectionShape };

/**
 * The fields a selection set asks for, through its fragments (whatever their type condition);
 * undefined when it spreads a fragment the document does not hold.
 */
function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo): FieldNode[] | undefined {
  const fields: FieldNode[] = [];
  for (const sel of set?.selections ?? []) {
    if (sel.kind === 'Field') {
      fields.push(sel);
      continue;
    }
    const inner = sel.kind === 'InlineFragment' ? sel.selectionSet : info.fragments[sel.name.value]?.selectionSet;
    const more = inner && fieldsOf(inner, info);
    if (!more) return undefined;
    fields.push(...more);
  }
  return fields;
}

/**
 * `test`, worked out once per field of a parsed document: the executors hand every item of a list the
 * same `fieldNodes`, and a fragment spread in them can only name a fragment of that same document.
 */
function oncePerField(test: (info: GraphQLResolveInfo) => boolean): (info: GraphQLResolveInfo) => boolean {
  const answers = new WeakMap<GraphQLResolveInfo['fieldNodes'], boolean>();
  return (info) => {
    let answer = answers.get(info.fieldNodes);
    if (answer === undefined) {
      answer = test(info);
      answers.set(info.fieldNodes, answer);
    }
    return answer;
  };
}

/**
 * A test of whether the selection under a field asks for nothing outside `shape` (following fragments;
 * `__typename` is always allowed; a fragment the document lacks fails): a resolver can then serve a
 * reading that holds only those fields.
 */
export function selectionWithin(shape: SelectionShape): (info: GraphQLResolveInfo) => boolean {
  return oncePerField((info) => {
    const fits = (set: SelectionSetNode | undefined, allowed: SelectionShape): boolean =>
      fieldsOf(set, info)?.every((f) => {
        if (f.name.value === '__typename') return true;
        const under = Object.hasOwn(allowed, f.name.value) ? allowed[f.name.value] : undefined;
        return under === true || (under !== undefined && fits(f.selectionSet, under));
      }) ?? false;
    return (info.fieldNodes as FieldNode[]).every((node) => fits(node.selectionSet, shape));
  });
}

const onlyTotalCount = selectionWithin({ totalCount: true });

/** True when a connection field needs its items (`edges`, `nodes` or `pageInfo`), not just `totalCount`. */
export function needsItems(info: GraphQLResolveInfo): boolean {
  return !onlyTotalCount(info);
}

/**
 * A test of whether the items of a connection field (`nodes`, or `edges { node }`) are asked for
 * `field`, following fragments: the field's resolver can then read what that field needs along with
 * the items.
 */
export function itemsAsk(field: string): (info: GraphQLResolveInfo) => boolean {
  return oncePerField((info) => {
    const asks = (set: SelectionSetNode | undefined, path: string[]): boolean =>
      (fieldsOf(set, info) ?? []).some((f) => (path.length === 0
        ? f.name.value === field
        : f.name.value === path[0] && asks(f.selectionSet, path.slice(1))));
    return (info.fieldNodes as FieldNode[]).some((node) => asks(node.selectionSet, ['nodes']) || asks(node.selectionSet, ['edges', 'node']));
  });
}
