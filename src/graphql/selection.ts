import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

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

const onlyTotalCount = selectionWithin({ totalCount: true });

/**
 * True when a connection field needs its items (`edges`, `nodes` or `pageInfo`), not just `totalCount`.
 * Answered once per field of a parsed document: the executors hand every item of a list the same
 * `fieldNodes`, and a fragment spread in them can only name a fragment of that same document.
 */
export function needsItems(info: GraphQLResolveInfo): boolean {
  return !onlyTotalCount(info);
}

/**
 * A test of whether the items of a connection field (`nodes`, or `edges { node }`) are asked for
 * `field`, following fragments: the field's resolver can then read what that field needs along with
 * the items. Answered once per field of a parsed document.
 */
export function itemsAsk(field: string): (info: GraphQLResolveInfo) => boolean {
  const answers = new WeakMap<GraphQLResolveInfo['fieldNodes'], boolean>();
  return (info) => {
    let asks = answers.get(info.fieldNodes);
    if (asks === undefined) {
      const names = (set: SelectionSetNode | undefined, path: string[]): boolean =>
        (set?.selections ?? []).some((sel) => {
          if (sel.kind === 'InlineFragment') return names(sel.selectionSet, path);
          if (sel.kind === 'FragmentSpread') {
            const fragment = info.fragments[sel.name.value];
            return fragment !== undefined && names(fragment.selectionSet, path);
          }
          if (path.length === 0) return sel.name.value === field;
          return sel.name.value === path[0] && names(sel.selectionSet, path.slice(1));
        });
      asks = (info.fieldNodes as FieldNode[]).some((node) => names(node.selectionSet, ['nodes']) || names(node.selectionSet, ['edges', 'node']));
      answers.set(info.fieldNodes, asks);
    }
    return asks;
  };
}
