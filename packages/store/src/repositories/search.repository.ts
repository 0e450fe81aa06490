import { sql } from 'kysely';
import { boundedKeyReader } from '../bounded-key-reads';
import {
  type Fts5Table,
  type RankedWindow,
  type RankPage,
  rankNewestMatches,
  rankWithFts5Bm25,
} from './fts5-window-rank';
import { toFtsQuery, toTsQuery } from './item-filter';
import type { KeysetOrder, Page, PageRequest, Reader } from './keyset';
import {
  epochsOfSpan,
  firstWindowPath,
  type MatchEstimate,
  nextSpan,
  type WindowPath,
} from './postgres-window-plan';
import { keyIn, keyList } from './rows-by-key';
import { runShaped } from './shaped-statement';

// Full-text search over item titles and rationales and case summaries, ranked by relevance (BM25 on SQLite's
// FTS5, ts_rank on PostgreSQL). Pages are keyset over (score, hitId); snippets are computed afterwards for the
// page's hits only, since highlighting every match of a common word would cost more than ranking them.
//
// Ranking must score every candidate, so a word in most of three million rationales costs seconds. By default
// only the most recently stored SEARCH_RANK_WINDOW matches of each kind are ranked: FTS5 walks its posting
// lists newest first and stops there, so the cost is bounded whatever the word. A query with fewer matches
// is ranked completely; `searchRankedAll` says which happened, and `exhaustive` ranks everything.
//
// On SQLite the windowed ranking is fts5-window-rank.ts: bm25 counts every match of each word for its IDF
// before scoring a row, about 100 ms for "medical" over 3.2 million items; there a word's matches are counted up
// to 10,000 and the rest estimated from their density, and under that the score is bm25's exactly.

export type SearchHitKind = 'ITEM' | 'CASE';

export interface SearchHitRow {
  kind: SearchHitKind;
  /** The item's id for ITEM hits, the case's id for CASE hits. */
  id: number;
  caseId: number;
  /** Lower is more relevant (bm25 is negative; on PostgreSQL, minus ts_rank). */
  score: number;
  /** Unique across both kinds (items 2·id, cases 2·id+1): the cursor's tie-breaker. */
  hitId: number;
}

export interface SearchSnippet {
  /** The item title with every match marked; null for case hits. */
  title: string | null;
  /** A fragment of the rationale (or case summary) around the best matches, matches marked. */
  snippet: string;
}

export const SEARCH_ORDER: KeysetOrder = { name: 'SEARCH', column: 'score', id: 'hitId', direction: 'asc' };

/** Matches of each kind ranked by default: about 12 ms of BM25 per kind here (1.2 µs a row), more than anyone pages. */
export const SEARCH_RANK_WINDOW = 10_000;

export interface SearchScope {
  /** Rank every match (slow for common words) instead of the newest SEARCH_RANK_WINDOW of each kind. */
  exhaustive: boolean;
  /** Overrides SEARCH_RANK_WINDOW (tests use a small one). */
  window?: number;
  /** SQLite: overrides RARE_MATCHES, the matches under which a word's ranking is a bounded lookup (tests). */
  rareMatches?: number;
  /**
   * PostgreSQL, tests: the newest ids the first windowed statement looks among, instead of a span sized from the
   * planner's estimate (forces postgres-window-plan.ts's bitmap path, and its widening when the span is short).
   */
  postgresSpan?: number;
}

export const MARK_START = '<mark>';
export const MARK_END = '</mark>';

/** The engine's query for free text, or null when no searchable word remains. */
export function searchQuery(dialect: Reader['dialect'], text: string): string | null {
  return dialect === 'postgres' ? toTsQuery(text) : toFtsQuery(text);
}

function windowOf(scope: SearchScope): number | null {
  return scope.exhaustive ? null : (scope.window ?? SEARCH_RANK_WINDOW);
}

// Titles weigh twice as much as rationales.
const ITEM_SEARCH: Fts5Table = {
  name: 'item_search',
  columns: [
    { name: 'title', weight: 2 },
    { name: 'rationale', weight: 1 },
  ],
};
const CASE_SEARCH: Fts5Table = { name: 'case_search', columns: [{ name: 'summary', weight: 1 }] };

function ranked(
  db: Reader['db'],
  table: Fts5Table,
  query: string,
  scope: SearchScope,
  page: RankPage,
): Promise<RankedWindow> {
  const window = windowOf(scope);
  return window === null
    ? rankWithFts5Bm25(db, table, query, null, page)
    : rankNewestMatches(db, table, query, window, page, scope.rareMatches);
}

/**
 * The page of one kind after the cursor: its rows after (score, hitId) are those after (score, id) with id the
 * cursor's hitId taken back to this kind's ids (hitIds are 2·id for items, 2·id+1 for cases, so within a kind
 * they order as the ids do).
 */
function kindPage(request: PageRequest, hitOffset: 0 | 1): RankPage {
  const after = request.after;
  return {
    limit: request.first + 1,
    after:
      after && typeof after.key === 'number'
        ? { score: after.key, id: Math.floor((after.id - hitOffset) / 2) }
        : null,
  };
}

/**
 * SQLite: each kind's window ranked (fts5-window-rank.ts), only the page after the cursor read from each, and
 * the two merged.
 */
async function sqliteSearchHits(
  db: Reader['db'],
  query: string,
  request: PageRequest,
  scope: SearchScope,
): Promise<{ hits: SearchHitRow[]; rankedAll: boolean; rare: boolean }> {
  const [items, cases] = await Promise.all([
    ranked(db, ITEM_SEARCH, query, scope, kindPage(request, 0)),
    ranked(db, CASE_SEARCH, query, scope, kindPage(request, 1)),
  ]);
  const hits = [
    ...items.matches.map((m) => ({ kind: 'ITEM' as const, id: m.id, score: m.score, hitId: m.id * 2 })),
    ...cases.matches.map((m) => ({ kind: 'CASE' as const, id: m.id, score: m.score, hitId: m.id * 2 + 1 })),
  ];
  const page = hits.sort((a, b) => a.score - b.score || a.hitId - b.hitId).slice(0, request.first + 1);
  // Items are read (for their case ids) only for the page.
  const itemIds = page.filter((h) => h.kind === 'ITEM').map((h) => h.id);
  const caseOf = new Map<number, number>();
  if (itemIds.length > 0) {
    // A page of items by primary key: a bounded lookup, which a read-only store answers on the main thread
    // instead of a read worker's round trip (bounded-key-reads.ts), one text whatever the page's size.
    const bounded = boundedKeyReader({ db, dialect: 'sqlite' as const }, itemIds.length).db;
    const rows = await runShaped<{ id: number; caseId: number }>(
      bounded,
      'searchHitCases',
      (value) =>
        bounded
          .selectFrom('items')
          .select(['id', 'caseId'])
          .where(keyIn('sqlite', sql.ref('id'), value(0))),
      [keyList('sqlite', itemIds)],
    );
    for (const r of rows) caseOf.set(Number(r.id), Number(r.caseId));
  }
  return {
    hits: page.map((h) => ({ ...h, caseId: h.kind === 'ITEM' ? (caseOf.get(h.id) ?? 0) : h.id })),
    rankedAll: items.complete && cases.complete,
    rare: items.rare === true && cases.rare === true,
  };
}

/**
 * Whether the ranking covered every match: true unless a kind has more matches than the window. Counts at most
 * window + 1 row ids of each kind, without scoring them.
 */
export async function searchRankedAll(
  { db, dialect }: Reader,
  query: string,
  scope: SearchScope,
): Promise<boolean> {
  const window = windowOf(scope);
  if (window === null) return true;
  const over = (table: string, id: string) =>
    dialect === 'postgres'
      ? sql<{ n: number }>`select count(*) as n from (select 1 from ${sql.table(table)}
          where search @@ to_tsquery('english', ${query}) limit ${window + 1}) m`
      : sql<{ n: number }>`select count(*) as n from (select ${sql.ref(id)} from ${sql.table(table)}
          where ${sql.ref(table)} match ${query} limit ${window + 1}) m`;
  for (const [table, id] of [
    ['item_search', dialect === 'postgres' ? 'item_id' : 'rowid'],
    ['case_search', dialect === 'postgres' ? 'case_id' : 'rowid'],
  ] as const) {
    const { rows } = await over(table, id).execute(db);
    if (Number(rows[0]?.n ?? 0) > window) return false;
  }
  return true;
}

/** A page of hits, and whether each kind's ranking covered every match (told by the ranking statements). */
export interface SearchHitPage extends Page<SearchHitRow> {
  rankedAll?: boolean;
  /**
   * SQLite: every phrase had fewer than RARE_MATCHES matches of each kind, so the page was counted and ranked as
   * bounded lookups; its snippets may be too (searchSnippets).
   */
  rare?: boolean;
}

export async function searchHits(
  reader: Reader,
  query: string,
  request: PageRequest,
  scope: SearchScope,
): Promise<SearchHitPage> {
  if (reader.dialect === 'postgres') return postgresSearchHits(reader, query, request, scope);
  const { hits, rankedAll, rare } = await sqliteSearchHits(reader.db, query, request, scope);
  return { rows: hits.slice(0, request.first), hasNextPage: hits.length > request.first, rankedAll, rare };
}

// On PostgreSQL the newest matches of a common word are found by testing each row's tsvector (`search @@ q`)
// while walking the primary key newest first, which stops after a few rows a match; of a rarer word, from the GIN
// index's matches among the newest ids (postgres-window-plan.ts chooses, from the planner's estimate). The
// statement that ranks a kind's window also fetches one match past it, which says whether that kind was ranked
// in full (`rankedAll`, otherwise a second walk); and the two kinds run as two statements at once, on two pooled
// connections, merged here.

interface PostgresHitRow {
  id: number | null;
  caseId: number | null;
  score: number | null;
  hitId: number | null;
  /** Matches of this kind walked: at most window + 1. */
  matched: number;
}

/**
 * The planner's estimates of a kind's matches and rows, from one EXPLAIN (planning only: its statistics on the
 * words, nothing read).
 */
export async function postgresMatchEstimate(
  db: Reader['db'],
  table: 'item_search' | 'case_search',
  query: string,
): Promise<MatchEstimate> {
  const { rows } = await sql<Record<string, unknown>>`explain (format json)
    select 1 from ${sql.table(table)} where search @@ to_tsquery('english', ${query})
    union all select 1 from ${sql.table(table)}`.execute(db);
  // The column is named QUERY PLAN, which no key conversion touches.
  const plan = rows[0]?.['QUERY PLAN'];
  const top = Array.isArray(plan) ? (plan[0] as { Plan?: { Plans?: unknown } } | undefined) : undefined;
  const parts = Array.isArray(top?.Plan?.Plans) ? (top.Plan.Plans as { 'Plan Rows'?: unknown }[]) : [];
  return { matches: Number(parts[0]?.['Plan Rows'] ?? 0), rows: Number(parts[1]?.['Plan Rows'] ?? 0) };
}

async function postgresKindHits(
  { db }: Reader,
  kind: SearchHitKind,
  query: string,
  request: PageRequest,
  window: number | null,
  forcedSpan: number | undefined,
): Promise<{ rows: SearchHitRow[]; overflowed: boolean }> {
  const [table, idColumn, hitOffset] =
    kind === 'ITEM' ? (['item_search', 'item_id', 0] as const) : (['case_search', 'case_id', 1] as const);
  const after = request.after;
  const past =
    after && typeof after.key === 'number'
      ? sql`where (ranked.score, ranked.hit_id) > (${after.key}, ${after.id})`
      : sql``;
  // The tsquery is written out in each place (not a CTE) so the planner sees the constant and its selectivity.
  const tsQuery = sql`to_tsquery('english', ${query})`;
  const inWindow = window === null ? sql`` : sql`where m.rn <= ${window}`;
  // Item hits need their case id, read from the items of the page only.
  const caseId =
    kind === 'ITEM' ? sql`(select items.case_id from items where items.id = page.id)` : sql`page.id`;
  const statement = (epochs: readonly number[] | null) => {
    // Whole epochs, not an id bound: the GIN index answers "the word in these epochs" in one scan, and a bound
    // on the id would bring back the key's bitmap the epochs replace (postgres-window-plan.ts).
    const inSpan = epochs === null ? sql`` : sql`and epoch in (${sql.join(epochs)})`;
    const newest = window === null ? sql`` : sql`order by ${sql.ref(idColumn)} desc limit ${window + 1}`;
    // Scored where the rows are read, so what is sorted (on the bitmap path) is ids and scores: sorting the rows
    // with their vectors, 15,000 of them at 2M letters, took 54 of the statement's 160 ms.
    return sql<PostgresHitRow>`with m as materialized (
      select w.id, w.score, row_number() over (order by w.id desc) as rn
      from (select ${sql.ref(idColumn)} as id, (-ts_rank(search, ${tsQuery}))::float8 as score
        from ${sql.table(table)} where search @@ ${tsQuery} ${inSpan} ${newest}) w)
    select page.id, ${caseId} as case_id, page.score, page.hit_id, (select count(*) from m) as matched
    from (select 1) one
    left join (select ranked.id, ranked.score, ranked.hit_id
      from (select m.id, m.score, m.id * 2 + ${hitOffset} as hit_id from m ${inWindow}) ranked ${past}
      order by ranked.score, ranked.hit_id limit ${request.first + 1}) page on true
    order by page.score, page.hit_id`;
  };
  const matchedOf = (rows: PostgresHitRow[]) => Number(rows[0]?.matched ?? 0);

  // Within the epochs of the `span` newest ids, widened until they hold window + 1 matches (then they hold the
  // newest ones: every id above the oldest epoch's first is in), or all of them.
  const fromIndexInSpans = (window: number, first: number | null) =>
    db.transaction().execute(async (tx) => {
      // Walking the key is ruled out for the rest of this transaction; the newest id is read by the same
      // statement, planned (on the key's index) before set_config runs.
      const { rows: top } = await sql<{ maxId: number | null }>`select
          set_config('enable_indexscan', 'off', true) as walk,
          (select max(${sql.ref(idColumn)}) from ${sql.table(table)}) as max_id`.execute(tx);
      const maxId = Number(top[0]?.maxId ?? 0);
      let span = first !== null && first < maxId ? first : null;
      for (;;) {
        if (span === null) return (await statement(null).execute(tx)).rows;
        const { epochs, covered } = epochsOfSpan(maxId, span);
        const found = (await statement(epochs).execute(tx)).rows;
        if (matchedOf(found) > window || covered > maxId) return found;
        span = nextSpan(covered, matchedOf(found), window, maxId);
      }
    });

  let rows: PostgresHitRow[];
  if (window === null) {
    rows = (await statement(null).execute(db)).rows;
  } else {
    const plan: WindowPath =
      forcedSpan === undefined
        ? firstWindowPath(await postgresMatchEstimate(db, table, query), window)
        : { path: 'bitmap', span: forcedSpan };
    rows =
      plan.path === 'planner'
        ? (await statement(null).execute(db)).rows
        : await fromIndexInSpans(window, plan.span);
  }
  const hits: SearchHitRow[] = [];
  for (const r of rows) {
    if (r.id === null || r.score === null || r.hitId === null) continue;
    hits.push({ kind, id: Number(r.id), caseId: Number(r.caseId), score: r.score, hitId: Number(r.hitId) });
  }
  return { rows: hits, overflowed: window !== null && matchedOf(rows) > window };
}

async function postgresSearchHits(
  reader: Reader,
  query: string,
  request: PageRequest,
  scope: SearchScope,
): Promise<SearchHitPage> {
  const window = windowOf(scope);
  const [items, cases] = await Promise.all([
    postgresKindHits(reader, 'ITEM', query, request, window, scope.postgresSpan),
    postgresKindHits(reader, 'CASE', query, request, window, scope.postgresSpan),
  ]);
  const merged = [...items.rows, ...cases.rows].sort((a, b) => a.score - b.score || a.hitId - b.hitId);
  return {
    rows: merged.slice(0, request.first),
    hasNextPage: merged.length > request.first,
    rankedAll: !items.overflowed && !cases.overflowed,
  };
}

/**
 * Every match of both kinds, ranked or not, nothing scored. SQLite counts from FTS5's doclists alone; PostgreSQL
 * 15's bitmap scan of the GIN index visits every matching row's heap page (measured: no page skipped even when
 * all are visible), so a pair of common words costs seconds at 2M letters (the bench's FullTextSearch
 * example: 5.2 s).
 */
export async function countSearchHits({ db, dialect }: Reader, query: string): Promise<number> {
  const { rows } =
    dialect === 'postgres'
      ? await sql<{ n: number }>`select (select count(*) from item_search where search @@ q)
            + (select count(*) from case_search where search @@ q) as n
          from to_tsquery('english', ${query}) q`.execute(db)
      : await sql<{ n: number }>`select (select count(*) from item_search where item_search match ${query})
            + (select count(*) from case_search where case_search match ${query}) as n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Hits of one kind whose snippets are a bounded lookup: a default page (20, and the one past it) and then some. */
const INLINE_SNIPPETS = 25;

/**
 * Highlighted title and snippet for each hit, keyed by hitId: one statement per kind on the page. `rare`: the page
 * of a rare query (SearchHitPage.rare), whose whole search then runs without a read-worker round trip.
 */
export async function searchSnippets(
  { db, dialect }: Reader,
  query: string,
  hits: readonly Pick<SearchHitRow, 'kind' | 'id' | 'hitId'>[],
  rare = false,
): Promise<Map<number, SearchSnippet>> {
  const snippets = new Map<number, SearchSnippet>();
  const itemIds = hits.filter((h) => h.kind === 'ITEM').map((h) => h.id);
  const caseIds = hits.filter((h) => h.kind === 'CASE').map((h) => h.id);
  const headline = (column: string, all: boolean) =>
    sql`ts_headline('english', ${sql.ref(column)}, q, ${
      all
        ? `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`
        : `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`
    })`;
  // The two kinds at once: on two pooled connections (PostgreSQL) or two read workers (SQLite), or on SQLite for a
  // rare query's page of a few hits as bounded lookups (bounded-key-reads.ts), which a read-only store runs on the
  // main thread: 21 items' snippets took SQLite 0.5-0.9 ms at 100k letters, less than a worker's round trip. Not
  // for a common word: its ranking goes to the workers anyway, and there the snippets cost the event loop nothing
  // (inline they added 0.5-0.8 ms of the server's main thread to a search for 'massage', two servers side by side).
  const snippetReader = (ids: readonly number[]) =>
    dialect === 'sqlite' && rare && ids.length <= INLINE_SNIPPETS
      ? boundedKeyReader({ db, dialect }, ids.length).db
      : db;
  const itemSnippets = async () => {
    if (itemIds.length === 0) return;
    const { rows } =
      dialect === 'postgres'
        ? await sql<{
            id: number;
            title: string;
            snippet: string;
          }>`select items.id, ${headline('items.title', true)} as title,
            ${headline('items.rationale', false)} as snippet
            from items, to_tsquery('english', ${query}) q where items.id in (${sql.join(itemIds)})`.execute(
            db,
          )
        : await sql<{ id: number; title: string; snippet: string }>`select rowid as id,
            highlight(item_search, 0, ${MARK_START}, ${MARK_END}) as title,
            snippet(item_search, 1, ${MARK_START}, ${MARK_END}, '…', 32) as snippet
            from item_search where item_search match ${query} and rowid in (${sql.join(itemIds)})`.execute(
            snippetReader(itemIds),
          );
    for (const r of rows) snippets.set(Number(r.id) * 2, { title: r.title, snippet: r.snippet });
  };
  const caseSnippets = async () => {
    if (caseIds.length === 0) return;
    const { rows } =
      dialect === 'postgres'
        ? await sql<{
            id: number;
            snippet: string;
          }>`select cases.id, ${headline('cases.summary', false)} as snippet
            from cases, to_tsquery('english', ${query}) q where cases.id in (${sql.join(caseIds)})`.execute(
            db,
          )
        : await sql<{ id: number; snippet: string }>`select rowid as id,
            snippet(case_search, 0, ${MARK_START}, ${MARK_END}, '…', 32) as snippet
            from case_search where case_search match ${query} and rowid in (${sql.join(caseIds)})`.execute(
            snippetReader(caseIds),
          );
    for (const r of rows) snippets.set(Number(r.id) * 2 + 1, { title: null, snippet: r.snippet ?? '' });
  };
  await Promise.all([itemSnippets(), caseSnippets()]);
  return snippets;
}

// FTS5 writes its pending terms out as a new segment whenever they pass `hashsize` (1 MiB by default) and
// merges segments as they pile up. A rebuild holding 64 MiB before each write makes far fewer segments to merge:
// at 100k letters item_search rebuilds in 1.65 s instead of 2.36. Only for the rebuild: ordinary writes are
// one batch at a time, and the default keeps their memory small.
const REBUILD_HASHSIZE = 64 * 2 ** 20;
const DEFAULT_HASHSIZE = 2 ** 20;

export interface SearchRebuildStep {
  name: string;
  /** The full-text table the step is about. */
  table: string;
  /** True for the rebuild itself; the others set the pending-terms buffer around it. */
  rebuild: boolean;
  statement: string;
}

/**
 * SQLite's statements that rebuild each full-text table from its rows, in order, each with a name (the bulk load
 * stores them to run later).
 */
export const SQLITE_SEARCH_REBUILDS: readonly SearchRebuildStep[] = ['item_search', 'case_search'].flatMap(
  (table) => [
    {
      name: `${table} rebuild hashsize`,
      table,
      rebuild: false,
      statement: `insert into ${table} (${table}, rank) values ('hashsize', ${REBUILD_HASHSIZE})`,
    },
    {
      name: `${table} rebuild`,
      table,
      rebuild: true,
      statement: `insert into ${table} (${table}) values ('rebuild')`,
    },
    {
      name: `${table} hashsize`,
      table,
      rebuild: false,
      statement: `insert into ${table} (${table}, rank) values ('hashsize', ${DEFAULT_HASHSIZE})`,
    },
  ],
);

/**
 * Rebuilds SQLite's full-text tables from the rows (after a bulk copy that bypassed the letter write path);
 * PostgreSQL's triggers keep its tables in step with every statement, so there it does nothing.
 */
export async function rebuildSearchIndex(db: Reader['db'], dialect: Reader['dialect']): Promise<void> {
  if (dialect === 'postgres') return;
  for (const { statement } of SQLITE_SEARCH_REBUILDS) await sql.raw(statement).execute(db);
}
