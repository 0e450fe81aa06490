import {
  countSearchHits,
  SEARCH_ORDER,
  type SearchHitRow,
  type SearchSnippet,
  searchHits,
  searchQuery,
  searchSnippets,
} from '../../db/repositories/search.repository';
import { builder } from '../builder';
import { CaseRef } from './case.type';
import { ItemRef } from './item.type';
import { badUserInput, pageArgs, toConnection, toPageRequest } from './page.args';

type SearchHitShape = SearchHitRow & SearchSnippet;

export const SearchHitKindEnum = builder.enumType('SearchHitKind', {
  values: {
    ITEM: { description: "An item's title or rationale matched." },
    CASE: { description: 'A case summary matched.' },
  },
});

export const SearchHitRef = builder.objectRef<SearchHitShape>('SearchHit').implement({
  description:
    'A full-text match. Snippets mark matched words with <mark>…</mark>; the rest is the letter text as stored (not HTML-escaped).',
  fields: (t) => ({
    kind: t.field({ type: SearchHitKindEnum, resolve: (h) => h.kind }),
    score: t.float({
      description: 'Relevance (BM25 on SQLite, ts_rank on PostgreSQL): higher is better.',
      resolve: (h) => -h.score,
    }),
    title: t.string({
      nullable: true,
      description: 'The item title with matches marked; null for case hits.',
      resolve: (h) => h.title,
    }),
    snippet: t.string({
      description: 'A fragment of the rationale (item hits) or case summary (case hits) around the matches.',
      resolve: (h) => h.snippet,
    }),
    item: t.field({ type: ItemRef, nullable: true, resolve: (h) => (h.kind === 'ITEM' ? h.id : null) }),
    case: t.field({ type: CaseRef, resolve: (h) => h.caseId }),
  }),
});

export const SearchHitConnection = builder.connectionObject(
  { type: SearchHitRef, name: 'SearchHitConnection' },
  { name: 'SearchHitEdge' },
);

builder.queryField('search', (t) =>
  t.field({
    type: SearchHitConnection,
    description:
      'Full-text search over item titles and rationales and case summaries, most relevant first. Words are ANDed; a trailing * matches a prefix (opioid*). Ranking scores every match, so a word found in most letters is slow on millions of items: add words to narrow it, or filter items with `items(filter: { text })`.',
    args: { ...pageArgs, query: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const query = searchQuery(ctx.dialect, args.query);
      if (query === null) throw badUserInput(`query: "${args.query}" has no word to search for`);
      // The cursor belongs to this query: scores mean nothing under another one.
      const order = `${SEARCH_ORDER.name} ${query}`;
      const request = toPageRequest(args, order);
      const page = await searchHits(ctx, query, request);
      const snippets = await searchSnippets(ctx, query, page.rows);
      const hits = {
        hasNextPage: page.hasNextPage,
        rows: page.rows.map((h) => ({ ...h, ...(snippets.get(h.hitId) ?? { title: null, snippet: '' }) })),
      };
      return toConnection(
        hits,
        request,
        (h) => ({ order, key: h.score, id: h.hitId }),
        () => countSearchHits(ctx, query),
      );
    },
  }),
);
