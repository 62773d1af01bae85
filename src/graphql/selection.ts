import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** Names of the fields selected under the current field (following fragments), to skip work nobody asked for. */
export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === 'Field') names.add(sel.name.value);
      else if (sel.kind === 'InlineFragment') visit(sel.selectionSet);
      else visit(info.fragments[sel.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes as FieldNode[]) visit(node.selectionSet);
  return names;
}

/**
 * True when a connection field needs its items, not just `totalCount`. Answered once per field of
 * a parsed document: the executors hand every item of a list the same `fieldNodes`, and a fragment
 * spread in them can only name a fragment of that same document.
 */
export function needsItems(info: GraphQLResolveInfo): boolean {
  let needs = itemsNeeded.get(info.fieldNodes);
  if (needs === undefined) {
    const f = selectedFields(info);
    needs = f.has('edges') || f.has('nodes') || f.has('pageInfo');
    itemsNeeded.set(info.fieldNodes, needs);
  }
  return needs;
}

const itemsNeeded = new WeakMap<GraphQLResolveInfo['fieldNodes'], boolean>();

/** What a selection may ask for: each field allowed, with what may be asked under it (`true`: anything). */
export type SelectionShape = { readonly [field: string]: true | SelectionShape };

/**
 * A test of whether the selection under a field asks for nothing outside `shape` (following fragments,
 * whatever their type condition; `__typename` is always allowed): a resolver can then serve a reading
 * that holds only those fields. Answered once per field of a parsed document, like `needsItems`.
 */
export function selectionWithin(shape: SelectionShape): (info: GraphQLResolveInfo) => boolean {
  const answers = new WeakMap<GraphQLResolveInfo['fieldNodes'], boolean>();
  return (info) => {
    let within = answers.get(info.fieldNodes);
    if (within === undefined) {
      const fits = (set: SelectionSetNode | undefined, allowed: SelectionShape): boolean =>
        (set?.selections ?? []).every((sel) => {
          if (sel.kind === 'InlineFragment') return fits(sel.selectionSet, allowed);
          if (sel.kind === 'FragmentSpread') {
            const fragment = info.fragments[sel.name.value];
            return fragment !== undefined && fits(fragment.selectionSet, allowed);
          }
          if (sel.name.value === '__typename') return true;
          const under = Object.hasOwn(allowed, sel.name.value) ? allowed[sel.name.value] : undefined;
          return under === true || (under !== undefined && fits(sel.selectionSet, under));
        });
      within = (info.fieldNodes as FieldNode[]).every((node) => fits(node.selectionSet, shape));
      answers.set(info.fieldNodes, within);
    }
    return within;
  };
}
