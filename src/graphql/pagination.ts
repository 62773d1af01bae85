import { IsOptional, Matches, Max, Min } from 'class-validator';
import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { BadInputError } from './errors';

export const MAX_PAGE_SIZE = 100;
const CURSOR = /^[A-Za-z0-9_-]{1,40}$/;

/** Relay page arguments, shared by every list of the API. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Return at most this many items from the start of the window (1 to ${MAX_PAGE_SIZE}; default ${MAX_PAGE_SIZE} when neither first nor last is given).` })
  @IsOptional() @Min(1) @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor.' })
  @IsOptional() @Matches(CURSOR)
  after?: string;

  @Field(() => Int, { nullable: true, description: `Return at most this many items from the end of the window (1 to ${MAX_PAGE_SIZE}).` })
  @IsOptional() @Min(1) @Max(MAX_PAGE_SIZE)
  last?: number;

  @Field(() => String, { nullable: true, description: 'Return items before this cursor.' })
  @IsOptional() @Matches(CURSOR)
  before?: string;
}

/** Relay page information. */
@ObjectType({ description: 'Where this page sits in the whole list.' })
export class PageInfo {
  @Field({ description: 'True when items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page.' })
  endCursor!: string | null;
}

/** The plain result a service returns; the resolver layer shapes it as a connection. */
export interface Page<T> {
  items: T[];
  offset: number;
  totalCount: number;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

export function offsetToCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function cursorToOffset(cursor: string): number {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^o:(\d{1,9})$/.exec(raw);
  if (!m) throw new BadInputError(`Invalid cursor "${cursor}"`, 'after');
  return Number(m[1]);
}

/** The [offset, offset + limit) window that page arguments select in a list of `totalCount` items. */
export function pageWindow(args: PageArgs, totalCount: number): { offset: number; limit: number } {
  let start = args.after != null ? cursorToOffset(args.after) + 1 : 0;
  let end = args.before != null ? Math.min(cursorToOffset(args.before), totalCount) : totalCount;
  if (args.first != null) end = Math.min(end, start + args.first);
  if (args.last != null) start = Math.max(start, end - args.last);
  if (args.first == null && args.last == null) end = Math.min(end, start + MAX_PAGE_SIZE);
  start = Math.min(start, totalCount);
  return { offset: start, limit: Math.max(0, end - start) };
}

/** True when the window can be computed without knowing the total (no `last` without `before`). */
export function needsTotalFirst(args: PageArgs): boolean {
  return args.last != null && args.before == null;
}

/**
 * Shapes a page as a Relay connection. Edges and page info are built when read: a map's 1,300
 * compositions are asked for `nodes`, and a cursor per item would be made for nothing.
 */
export function toConnection<T>(page: Page<T>): ConnectionShape<T> {
  return new PageConnection(page.items, page.offset, page.totalCount);
}

/** A page as a connection (see `toConnection`): its getters live on the prototype, so a page costs one object. */
class PageConnection<T> implements ConnectionShape<T> {
  private madeEdges?: ConnectionShape<T>['edges'];
  private madePageInfo?: PageInfo;

  constructor(readonly nodes: T[], private readonly offset: number, readonly totalCount: number) {}

  get edges(): ConnectionShape<T>['edges'] {
    return (this.madeEdges ??= this.nodes.map((node, i) => ({ cursor: offsetToCursor(this.offset + i), node })));
  }

  get pageInfo(): PageInfo {
    const { nodes, offset, totalCount } = this;
    return (this.madePageInfo ??= {
      hasPreviousPage: offset > 0,
      hasNextPage: offset + nodes.length < totalCount,
      startCursor: nodes.length ? offsetToCursor(offset) : null,
      endCursor: nodes.length ? offsetToCursor(offset + nodes.length - 1) : null,
    });
  }
}

/** A connection whose caller asked only for `totalCount`: no item was fetched. */
export function countOnly<T>(totalCount: number): ConnectionShape<T> {
  return { edges: [], nodes: [], totalCount, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
}

/** Pages an in-memory list (children already fetched in one batch by a DataLoader). */
export function connectionFromArray<T>(items: readonly T[], args: PageArgs): ConnectionShape<T> {
  const { offset, limit } = pageWindow(args, items.length);
  // A window over the whole list is the list itself (connections never change their items).
  const window = offset === 0 && limit >= items.length ? items : items.slice(offset, offset + limit);
  return new PageConnection(window as T[], offset, items.length);
}

const connectionTypes = new Map<string, ClassType>();

/** Declares (once) the `<Name>Connection` and `<Name>Edge` types for a node type. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string, description: string): ClassType<ConnectionShape<T>> {
  const existing = connectionTypes.get(name);
  if (existing) return existing as ClassType<ConnectionShape<T>>;

  @ObjectType(`${name}Edge`, { description: `An item of a list of ${description}, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this item, for `after` and `before`.' })
    cursor!: string;

    @Field(() => nodeType, { description: 'The item.' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${description}.` })
  class ConnectionType {
    @Field(() => [Edge], { description: 'Items of the page with their cursors.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'Items of the page, without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Position of the page in the list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole list, across all pages.' })
    totalCount!: number;
  }
  connectionTypes.set(name, ConnectionType);
  return ConnectionType as ClassType<ConnectionShape<T>>;
}
