import { quoteInput } from '@imr/store/quote-input';
import {
  countSearchHits,
  SEARCH_ORDER,
  SEARCH_RANK_WINDOW,
  type SearchHitRow,
  type SearchSnippet,
  searchHits,
  searchQuery,
  searchRankedAll,
  searchSnippets,
} from '@imr/store/repositories/search.repository';
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
    kind: t.expose('kind', { type: SearchHitKindEnum }),
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

/** What the search resolver adds to the connection it returns: whether every match was ranked, lazily. */
interface RankedAll {
  rankedAll: () => Promise<boolean>;
}

function hasRankedAll(parent: object): parent is RankedAll {
  return typeof (parent as Partial<RankedAll>).rankedAll === 'function';
}

export const SearchHitConnection = builder.connectionObject(
  {
    type: SearchHitRef,
    name: 'SearchHitConnection',
    fields: (t) => ({
      rankedAll: t.boolean({
        description: `True when every match was ranked. False when the words matched more than ${SEARCH_RANK_WINDOW.toLocaleString('en-US')} items (or cases) and only the most recently stored ${SEARCH_RANK_WINDOW.toLocaleString('en-US')} of each were ranked: add words to narrow the search, or ask for exhaustive: true.`,
        resolve: (parent) => (hasRankedAll(parent) ? parent.rankedAll() : true),
      }),
    }),
  },
  { name: 'SearchHitEdge' },
);

builder.queryField('search', (t) =>
  t.field({
    type: SearchHitConnection,
    description: `Full-text search over item titles and rationales and case summaries, most relevant first. Words are ANDed; a trailing * matches a prefix (opioid*). A word found in more than ${SEARCH_RANK_WINDOW.toLocaleString('en-US')} items is ranked among its ${SEARCH_RANK_WINDOW.toLocaleString('en-US')} most recently stored matches (see rankedAll), so the answer stays fast; every match, unranked, is in \`items(filter: { text })\`.`,
    args: {
      ...pageArgs,
      query: t.arg.string({ required: true }),
      exhaustive: t.arg.boolean({
        required: false,
        defaultValue: false,
        description:
          'Rank every match, not only the most recent ones: seconds for a word in most of millions of letters.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const query = searchQuery(ctx.dialect, args.query);
      if (query === null) throw badUserInput(`query: ${quoteInput(args.query)} has no word to search for`);
      // The cursor belongs to this query: scores mean nothing under another one.
      const scope = { exhaustive: args.exhaustive === true };
      const order = `${SEARCH_ORDER.name}${scope.exhaustive ? ' ALL' : ''} ${query}`;
      const request = toPageRequest(args, order);
      const page = await searchHits(ctx, query, request, scope);
      const snippets = await searchSnippets(ctx, query, page.rows, page.rare === true);
      const hits = {
        hasNextPage: page.hasNextPage,
        rows: page.rows.map((h) => ({ ...h, ...(snippets.get(h.hitId) ?? { title: null, snippet: '' }) })),
      };
      const connection = toConnection(
        hits,
        request,
        (h) => ({ order, key: h.score, id: h.hitId }),
        () => countSearchHits(ctx, query),
      );
      // The ranking statements tell it on the way (each reads one match past its window).
      const rankedAll = page.rankedAll;
      return {
        ...connection,
        rankedAll: () => (rankedAll === undefined ? searchRankedAll(ctx, query, scope) : rankedAll),
      };
    },
  }),
);
