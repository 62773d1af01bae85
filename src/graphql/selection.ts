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
