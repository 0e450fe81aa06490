import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, Kind, parse } from 'graphql';
import * as generated from './generated/graphql.js';
import { type PageShape, walkPages } from './paginate.js';
import { type ImrClientOptions, requestOperation } from './request.js';
import { toCsv, toRows } from './to-rows.js';
import { toTextTable } from './to-text-table.js';

// The client has one method per operation in src/operations, derived from the generated `<Name>Document`
// exports at both the type and the value level: adding an operation and running `pnpm codegen` adds a typed
// method, with no code written here.

type Generated = typeof generated;

/** Export names of the generated operation documents (`ItemStatsDocument`...; fragments end in FragmentDoc). */
type OperationExport = {
  [K in keyof Generated]: K extends `${string}Document`
    ? Generated[K] extends TypedDocumentNode<infer _R, infer _V>
      ? K
      : never
    : never;
}[keyof Generated];

type MethodNameOf<K> = K extends `${infer Name}Document` ? Uncapitalize<Name> : never;

/** Variables are optional exactly when every variable of the operation is. */
export type VariablesArgs<V> = Partial<V> extends V ? [variables?: V] : [variables: V];

export type OperationMethod<R, V> = (...args: VariablesArgs<V>) => Promise<R>;

/** Names the client keeps for itself: an operation with one of these names gets no method. */
const RESERVED = ['request', 'walk', 'toRows', 'toCsv', 'toTextTable', 'options'] as const;
type Reserved = (typeof RESERVED)[number];

export type OperationMethods = {
  [K in OperationExport as Exclude<MethodNameOf<K>, Reserved>]: Generated[K] extends TypedDocumentNode<
    infer R,
    infer V
  >
    ? OperationMethod<R, V>
    : never;
};

/** A custom operation: a typed document (e.g. from `graphql()` of the generated gql.ts) or a query string. */
export interface RequestMethod {
  <R, V>(document: TypedDocumentNode<R, V>, ...args: VariablesArgs<V>): Promise<R>;
  <R = unknown>(query: string, variables?: Record<string, unknown>): Promise<R>;
}

type NodeOf<C> = C extends PageShape<infer N> ? N : never;

/** Walks every page of a connection, `first` nodes a page (default the server's maximum, 100). */
export type PageWalker<V, N> = (
  ...args: [...VariablesArgs<Omit<V, 'after'>>, options?: { maxPages?: number }]
) => AsyncGenerator<N, void, undefined>;

export interface Walkers {
  items: PageWalker<generated.ItemsQueryVariables, NodeOf<generated.ItemsQuery['items']>>;
  cases: PageWalker<generated.CasesQueryVariables, NodeOf<generated.CasesQuery['cases']>>;
  search: PageWalker<generated.SearchQueryVariables, NodeOf<generated.SearchQuery['search']>>;
  guidelines: PageWalker<generated.GuidelinesQueryVariables, NodeOf<generated.GuidelinesQuery['guidelines']>>;
  reviewers: PageWalker<generated.ReviewersQueryVariables, NodeOf<generated.ReviewersQuery['reviewers']>>;
  ingestErrors: PageWalker<
    generated.IngestErrorsQueryVariables,
    NodeOf<generated.IngestErrorsQuery['ingestErrors']>
  >;
}

export type ImrClient = OperationMethods & {
  request: RequestMethod;
  walk: Walkers;
  toRows: typeof toRows;
  toCsv: typeof toCsv;
  toTextTable: typeof toTextTable;
  options: Readonly<ImrClientOptions>;
};

/** The largest page the API serves; walking in pages this big takes the fewest round trips. */
export const MAX_PAGE_SIZE = 100;

function isDocumentNode(value: unknown): value is DocumentNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === Kind.DOCUMENT;
}

/** `ItemStatsDocument` → `itemStats`, for every generated operation document. */
export function operationDocuments(): Map<string, DocumentNode> {
  const documents = new Map<string, DocumentNode>();
  for (const [exportName, value] of Object.entries(generated)) {
    if (!exportName.endsWith('Document') || !isDocumentNode(value)) continue;
    const name = exportName.slice(0, -'Document'.length);
    documents.set(name.charAt(0).toLowerCase() + name.slice(1), value);
  }
  return documents;
}

function pageWalker<R, V, N>(
  options: ImrClientOptions,
  document: TypedDocumentNode<R, V>,
  connectionOf: (data: R) => PageShape<N>,
): PageWalker<V, N> {
  return (...args) => {
    const [variables, walkOptions] = args as unknown as [
      Omit<V, 'after'> | undefined,
      { maxPages?: number }?,
    ];
    return walkPages(async (after) => {
      const pageVariables = { first: MAX_PAGE_SIZE, ...variables, after } as V;
      return connectionOf(await requestOperation(options, document, pageVariables));
    }, walkOptions);
  };
}

/**
 * A client for the IMR API: `client.itemStats({ groupBy: ['CATEGORY'] })`, `client.case({ caseNumber })`...
 * one typed method per operation; `client.walk.items(...)` iterates over every page; `client.request(...)` runs
 * any other document. GraphQL errors throw ImrGraphQLError (server message and code), transport failures
 * ImrHttpError.
 */
export function createImrClient(options: ImrClientOptions): ImrClient {
  const frozen: Readonly<ImrClientOptions> = Object.freeze({ ...options });
  const methods: Record<string, OperationMethod<unknown, Record<string, unknown>>> = {};
  for (const [name, document] of operationDocuments()) {
    if ((RESERVED as readonly string[]).includes(name)) continue;
    methods[name] = (variables) => requestOperation(frozen, document, variables ?? {});
  }
  // async so a query string that does not parse rejects like any other failed request.
  const request = (async (documentOrQuery: DocumentNode | string, variables?: Record<string, unknown>) => {
    const document = typeof documentOrQuery === 'string' ? parse(documentOrQuery) : documentOrQuery;
    return requestOperation(frozen, document, variables ?? {});
  }) as RequestMethod;
  const walk: Walkers = {
    items: pageWalker(frozen, generated.ItemsDocument, (d) => d.items),
    cases: pageWalker(frozen, generated.CasesDocument, (d) => d.cases),
    search: pageWalker(frozen, generated.SearchDocument, (d) => d.search),
    guidelines: pageWalker(frozen, generated.GuidelinesDocument, (d) => d.guidelines),
    reviewers: pageWalker(frozen, generated.ReviewersDocument, (d) => d.reviewers),
    ingestErrors: pageWalker(frozen, generated.IngestErrorsDocument, (d) => d.ingestErrors),
  };
  // The loop above built one method per generated document, which is what OperationMethods maps out in types.
  return {
    ...(methods as unknown as OperationMethods),
    request,
    walk,
    toRows,
    toCsv,
    toTextTable,
    options: frozen,
  };
}
