import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, Kind, OperationDefinitionNode, parse } from 'graphql';
import { itemsAsk, needsItems, selectionWithin } from '../../src/graphql/selection';

/** The resolve info of the first field of `query`, as far as a selection test reads it. */
function infoOf(query: string): GraphQLResolveInfo {
  const doc = parse(query);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(doc.definitions
    .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments } as unknown as GraphQLResolveInfo;
}

describe('selectionWithin', () => {
  const within = selectionWithin({ totalCount: true, pageInfo: true, nodes: { role: true, person: { givenName: true } } });

  it('accepts what the shape allows, anything under a field allowed whole, and __typename', () => {
    expect(within(infoOf('{ c { totalCount } }'))).toBe(true);
    expect(within(infoOf('{ c { __typename nodes { __typename role person { givenName } } pageInfo { hasNextPage endCursor } } }'))).toBe(true);
    expect(within(infoOf('{ c { nodes { ... on Mandate { role } ...P } } } fragment P on Mandate { person { givenName } }'))).toBe(true);
    expect(within(infoOf('{ c { a: totalCount nodes { r: role } } }'))).toBe(true);
  });

  it('refuses a field outside the shape, wherever it comes from', () => {
    expect(within(infoOf('{ c { edges { cursor } } }'))).toBe(false);
    expect(within(infoOf('{ c { nodes { role legalBasis } } }'))).toBe(false);
    expect(within(infoOf('{ c { nodes { person { givenName version } } } }'))).toBe(false);
    expect(within(infoOf('{ c { nodes { ... on Mandate { legalBasis } } } }'))).toBe(false);
    expect(within(infoOf('{ c { nodes { ...M } } } fragment M on Mandate { role endReason }'))).toBe(false);
    expect(within(infoOf('{ c { nodes { ...Unknown } } }'))).toBe(false);
    expect(within(infoOf('{ c { nodes { constructor } } }'))).toBe(false); // not a key the shape inherits
  });

  it('answers once per field of a parsed document', () => {
    const info = infoOf('{ c { nodes { role } } }');
    expect(within(info)).toBe(true);
    // The same field nodes, changed behind the test's back: the answer is not worked out again.
    const outside = infoOf('{ c { edges { cursor } } }');
    expect(within(outside)).toBe(false);
    (info.fieldNodes[0].selectionSet!.selections as unknown[]).splice(0, 1, ...outside.fieldNodes[0].selectionSet!.selections);
    expect(within({ ...info })).toBe(true);
    expect(within(infoOf('{ c { edges { cursor } } }'))).toBe(false);
  });

  it('tells a connection asked only for its count from one whose items are needed', () => {
    expect(needsItems(infoOf('{ c { totalCount __typename } }'))).toBe(false);
    expect(needsItems(infoOf('{ c { ...N } } fragment N on C { totalCount }'))).toBe(false);
    expect(needsItems(infoOf('{ c { totalCount nodes { id } } }'))).toBe(true);
    expect(needsItems(infoOf('{ c { ... on C { pageInfo { hasNextPage } } } }'))).toBe(true);
    expect(needsItems(infoOf('{ c { ...E } } fragment E on C { edges { cursor } }'))).toBe(true);
  });
});

describe('itemsAsk', () => {
  const asksCommunes = itemsAsk('communes');

  it('sees the field on the items, through nodes or edges, directly or in fragments', () => {
    expect(asksCommunes(infoOf('{ m { nodes { id communes { totalCount } } } }'))).toBe(true);
    expect(asksCommunes(infoOf('{ m { edges { cursor node { communes { totalCount } } } } }'))).toBe(true);
    expect(asksCommunes(infoOf('{ m { nodes { ... on Organization { c: communes { totalCount } } } } }'))).toBe(true);
    expect(asksCommunes(infoOf('{ m { ...P } } fragment P on OrganizationConnection { nodes { ...O } } fragment O on Organization { communes { totalCount } }'))).toBe(true);
  });

  it('does not see it elsewhere: absent, on the items of the items, or in an unknown fragment', () => {
    expect(asksCommunes(infoOf('{ m { totalCount nodes { id sites { totalCount } } } }'))).toBe(false);
    expect(asksCommunes(infoOf('{ m { nodes { members { nodes { communes { totalCount } } } } } }'))).toBe(false);
    expect(asksCommunes(infoOf('{ m { edges { communes } } }'))).toBe(false);
    expect(asksCommunes(infoOf('{ m { nodes { ...Unknown } } }'))).toBe(false);
  });
});
