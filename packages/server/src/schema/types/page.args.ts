import {
  type Cursor,
  decodeCursor,
  encodeCursor,
  InvalidCursorError,
  type Page,
  type PageRequest,
} from '@imr/store/repositories/keyset';
import { GraphQLError } from 'graphql';
import { builder } from '../builder';

// Every list in the API is a forward relay connection: `first` (default 20, at most 100) and `after`.

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export const pageArgs = builder.args((t) => ({
  first: t.int({
    required: false,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many nodes to return, 0 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}). More is an error, not a silent truncation: walk pages with \`after\`.`,
  }),
  after: t.string({
    required: false,
    description:
      'The `endCursor` of the previous page; the cursor must come from the same field and ordering.',
  }),
}));

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Validates `first`/`after` for an ordering; errors are BAD_USER_INPUT naming the argument. */
export function toPageRequest(args: PageArgs, order: string): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first: ${first} is out of range: ask for 0 to ${MAX_PAGE_SIZE} nodes per page`);
  }
  if (args.after == null) return { first, after: null };
  try {
    return { first, after: decodeCursor(args.after, order) };
  } catch (error) {
    if (error instanceof InvalidCursorError) throw badUserInput(`after: ${error.message}`);
    throw error;
  }
}

export interface ConnectionResult<Node> {
  edges: { readonly cursor: string; readonly node: Node }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
  totalCount: number | (() => Promise<number>);
}

// A cursor is encoded when a client asks for it: a nested page of 100 cases, their items and their citations
// has a thousand edges, and most clients read the nodes and at most the page's endCursor.
class LazyCursorEdge<Node> {
  private encoded: string | undefined;

  constructor(
    readonly node: Node,
    private readonly cursorOf: (row: Node) => Cursor,
  ) {}

  get cursor(): string {
    this.encoded ??= encodeCursor(this.cursorOf(this.node));
    return this.encoded;
  }
}

/** A page's pageInfo, its cursors encoded when read. */
class LazyPageInfo<Node> {
  constructor(
    private readonly edges: readonly LazyCursorEdge<Node>[],
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

/** Shapes a fetched page as a relay connection; `cursorOf` gives each row's position in the ordering. */
export function toConnection<Row>(
  page: Page<Row>,
  request: PageRequest,
  cursorOf: (row: Row) => Cursor,
  totalCount: number | (() => Promise<number>),
): ConnectionResult<Row> {
  const edges = page.rows.map((node) => new LazyCursorEdge(node, cursorOf));
  return {
    edges,
    pageInfo: new LazyPageInfo(edges, page.hasNextPage, request.after !== null),
    totalCount,
  };
}
