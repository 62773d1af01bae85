import {
  ASTVisitor, DocumentNode, FieldNode, FragmentDefinitionNode, GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode, ValidationContext, ValueNode,
} from 'graphql';

/** Limits on what one operation may ask, checked before anything runs. */
export const QUERY_LIMITS = {
  /** Nesting of fields (the network map with every board needs 9). */
  maxDepth: 15,
  /** Fields answered under another name, `__typename` included. */
  maxAliases: 30,
  /** Directives in the whole document. */
  maxDirectives: 10,
  /** Lexical tokens of the document (checked by the parser). */
  maxTokens: 5000,
  /**
   * Worst-case objects returned, each connection counting a full page (100 unless `first`/`last`
   * say less): three nested connections of 100 pass (the network map with every board: ~9.2 M),
   * four do not.
   */
  maxCost: 10_000_000,
  /**
   * Worst-case objects from which a query is a whole-network read, run a few at a time (see
   * heavy-queries.ts): the network map is 60,000 to 9.2 M, a commune lookup, a body's composition
   * or a conventions dashboard 500 to 1,100.
   */
  heavyCost: 10_000,
};

const tooComplex = (message: string) => new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}

/** Page size a connection asks for: `first`/`last`, literal or variable, capped at 100 as the API caps it; 100 by default. */
function pageSize(field: FieldNode, variables: Record<string, unknown>): number {
  for (const arg of field.arguments ?? []) {
    if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
    const value = valueOf(arg.value, variables);
    if (typeof value === 'number') return Math.max(1, Math.min(100, value));
  }
  return 100;
}

/** Depth and estimated cost of a selection set, following fragments once each. */
function measure(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, variables: Record<string, unknown>, seen: ReadonlySet<string>): { depth: number; cost: number } {
  let depth = 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      const inner = sel.selectionSet ? measure(sel.selectionSet, fragments, variables, seen) : { depth: 0, cost: 0 };
      const connection = sel.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && (s.name.value === 'nodes' || s.name.value === 'edges')) ?? false;
      depth = Math.max(depth, 1 + inner.depth);
      cost += 1 + (connection ? pageSize(sel, variables) * inner.cost : inner.cost);
      continue;
    }
    const spread = sel.kind === Kind.FRAGMENT_SPREAD ? sel.name.value : null;
    const target = sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : spread && !seen.has(spread) ? fragments.get(spread)?.selectionSet : undefined;
    if (!target) continue;
    const inner = measure(target, fragments, variables, spread === null ? seen : new Set([...seen, spread]));
    depth = Math.max(depth, inner.depth);
    cost += inner.cost;
  }
  return { depth, cost };
}

const fragmentsOf = (doc: DocumentNode) =>
  new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));

/** Validation rule: aliases (`__typename` ones count), directives and depth, which do not depend on variables. */
export function documentLimitsRule(context: ValidationContext): ASTVisitor {
  let aliases = 0;
  let directives = 0;
  return {
    Field(node) {
      if (node.alias) aliases++;
    },
    Directive() {
      directives++;
    },
    Document: {
      leave(doc) {
        if (aliases > QUERY_LIMITS.maxAliases) context.reportError(tooComplex(`Too many aliases: ${aliases} (at most ${QUERY_LIMITS.maxAliases})`));
        if (directives > QUERY_LIMITS.maxDirectives) context.reportError(tooComplex(`Too many directives: ${directives} (at most ${QUERY_LIMITS.maxDirectives})`));
        const fragments = fragmentsOf(doc);
        for (const op of doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
          const { depth } = measure(op.selectionSet, fragments, {}, new Set());
          if (depth > QUERY_LIMITS.maxDepth) context.reportError(tooComplex(`Query too deep: ${depth} levels (at most ${QUERY_LIMITS.maxDepth})`));
        }
      },
    },
  };
}

/** Throws QUERY_TOO_COMPLEX when the operation, with these variables, would return too many objects; else returns that worst case. */
export function assertAffordable(doc: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const { cost } = measure(operation.selectionSet, fragmentsOf(doc), variables, new Set());
  if (cost > QUERY_LIMITS.maxCost) throw tooComplex(`Query too costly: about ${cost} objects (at most ${QUERY_LIMITS.maxCost}); ask for smaller pages`);
  return cost;
}
