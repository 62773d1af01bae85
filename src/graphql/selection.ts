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

/** True when a connection field needs its items, not just `totalCount`. */
export function needsItems(info: GraphQLResolveInfo): boolean {
  const f = selectedFields(info);
  return f.has('edges') || f.has('nodes') || f.has('pageInfo');
}
