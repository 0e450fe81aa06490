export interface PageShape<TNode> {
  edges: readonly { node: TNode }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * Walks every page of a connection: `fetchPage(after)` returns the connection for a cursor, and the iterator
 * yields nodes until `hasNextPage` is false. `maxPages` guards against a server that never ends.
 */
export async function* walkPages<TNode>(
  fetchPage: (after: string | null) => Promise<PageShape<TNode>>,
  options: { maxPages?: number } = {},
): AsyncGenerator<TNode, void, undefined> {
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  let after: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const connection: PageShape<TNode> = await fetchPage(after);
    for (const edge of connection.edges) yield edge.node;
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return;
    after = connection.pageInfo.endCursor;
  }
}

/** Collects an async iterable into an array (e.g. `await collect(walkPages(...))`). */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}
