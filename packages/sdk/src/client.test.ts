import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createImrClient, MAX_PAGE_SIZE } from './client.js';
import { ImrGraphQLError, ImrHttpError, ImrNetworkError } from './errors.js';
import { ItemsDocument } from './generated/graphql.js';
import { collect } from './paginate.js';
import type { FetchLike } from './request.js';

// The client over a scripted fetch: what it sends, how it reads answers and errors, how walkers page.
// Runs against the real server in test/sdk.test.ts.

interface SentRequest {
  url: string;
  headers: Record<string, string>;
  body: { query: string; variables: Record<string, unknown>; operationName: string | null };
}

function scriptedFetch(answer: (request: SentRequest) => { status?: number; body: string }) {
  const sent: SentRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    const request: SentRequest = {
      url,
      headers: init.headers as Record<string, string>,
      body: JSON.parse(String(init.body)) as SentRequest['body'],
    };
    sent.push(request);
    const { status = 200, body } = answer(request);
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, sent };
}

function itemsPage(ids: string[], endCursor: string | null, hasNextPage: boolean) {
  return {
    items: {
      totalCount: 3,
      pageInfo: { hasNextPage, endCursor },
      edges: ids.map((id) => ({ node: { id } })),
    },
  };
}

describe('createImrClient', () => {
  it('sends a method call as its named operation with the variables and headers given', async () => {
    const { fetch, sent } = scriptedFetch(() => ({
      body: JSON.stringify({ data: { itemStats: { groupCount: 0, groups: [], total: { count: 0 } } } }),
    }));
    const client = createImrClient({
      url: 'http://api.test/graphql',
      fetch,
      headers: { authorization: 'Bearer t' },
    });
    const result = await client.itemStats({ groupBy: ['CATEGORY'], minCount: 2 });
    expect(result.itemStats.groupCount).toBe(0);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('http://api.test/graphql');
    expect(sent[0]!.headers.authorization).toBe('Bearer t');
    expect(sent[0]!.body.operationName).toBe('ItemStats');
    expect(sent[0]!.body.variables).toEqual({ groupBy: ['CATEGORY'], minCount: 2 });
    expect(sent[0]!.body.query).toMatch(/^query ItemStats\(/);
    expect(sent[0]!.body.query).toContain('fragment DecisionCounts on DecisionStats');
  });

  it('raises GraphQL errors as ImrGraphQLError with the server message and code', async () => {
    const { fetch } = scriptedFetch(() => ({
      body: JSON.stringify({
        data: null,
        errors: [{ message: 'first must be 0 to 100', extensions: { code: 'BAD_USER_INPUT' } }],
      }),
    }));
    const client = createImrClient({ url: 'http://api.test/graphql', fetch });
    const error = await client.items({ first: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImrGraphQLError);
    expect(error).toMatchObject({
      message: 'first must be 0 to 100',
      code: 'BAD_USER_INPUT',
      operationName: 'Items',
    });
  });

  it('raises a non-GraphQL answer as ImrHttpError with its status', async () => {
    const { fetch } = scriptedFetch(() => ({ status: 502, body: '<html>Bad gateway</html>' }));
    const client = createImrClient({ url: 'http://api.test/graphql', fetch });
    const error = await client.cases().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImrHttpError);
    expect(error).toMatchObject({ status: 502 });
    expect((error as Error).message).toContain('Bad gateway');
  });

  it('raises an unreachable API as ImrNetworkError naming the URL', async () => {
    const client = createImrClient({
      url: 'http://127.0.0.1:1/graphql',
      fetch: () => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })),
    });
    const error = await client.cases().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImrNetworkError);
    expect((error as Error).message).toBe(
      'could not reach the IMR API at http://127.0.0.1:1/graphql: ECONNREFUSED (is the server running there? `pnpm start` starts one)',
    );
    expect(error).toMatchObject({ url: 'http://127.0.0.1:1/graphql' });
    // What Node prints for it, uncaught or logged: the message, without a stack or fetch's nested errors.
    const printed = inspect(error);
    expect(printed).toContain('ImrNetworkError: could not reach the IMR API');
    expect(printed).not.toMatch(/\n\s+at |\[cause\]|fetch failed/);
    expect((error as ImrNetworkError).underlying).toBeInstanceOf(TypeError);
  });

  it('walks every page, passing each endCursor on and the largest page size unless told', async () => {
    const pages: Record<string, ReturnType<typeof itemsPage>> = {
      start: itemsPage(['a', 'b'], 'c2', true),
      c2: itemsPage(['c'], 'c3', false),
    };
    const { fetch, sent } = scriptedFetch((request) => ({
      body: JSON.stringify({ data: pages[(request.body.variables.after as string | null) ?? 'start'] }),
    }));
    const client = createImrClient({ url: 'http://api.test/graphql', fetch });
    const ids = (await collect(client.walk.items({ filter: { decision: ['UPHELD'] } }))).map((n) => n.id);
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(sent.map((s) => s.body.variables)).toEqual([
      { first: MAX_PAGE_SIZE, filter: { decision: ['UPHELD'] }, after: null },
      { first: MAX_PAGE_SIZE, filter: { decision: ['UPHELD'] }, after: 'c2' },
    ]);
    await collect(client.walk.items({ first: 2 }, { maxPages: 1 }));
    expect(sent.at(-1)!.body.variables).toEqual({ first: 2, after: null });
    expect(sent).toHaveLength(3);
  });

  it('runs custom documents and query strings through request', async () => {
    const { fetch, sent } = scriptedFetch(() => ({
      body: JSON.stringify({ data: itemsPage([], null, false) }),
    }));
    const client = createImrClient({ url: 'http://api.test/graphql', fetch });
    await client.request(ItemsDocument, { first: 1 });
    await client.request('query Count { items { totalCount } }');
    expect(sent.map((s) => s.body.operationName)).toEqual(['Items', 'Count']);
    expect(sent[1]!.body.variables).toEqual({});
  });

  it('rejects an unparseable query string before sending it', async () => {
    const { fetch, sent } = scriptedFetch(() => ({ body: '{}' }));
    const client = createImrClient({ url: 'http://api.test/graphql', fetch });
    await expect(async () => client.request('{ items { ')).rejects.toThrow(/Syntax Error/);
    expect(sent).toHaveLength(0);
  });
});
