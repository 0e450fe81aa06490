import { sql } from 'kysely';
import { type Fts5Table, type RankedMatch, rankNewestMatches, rankWithFts5Bm25 } from './fts5-window-rank';
import { toFtsQuery, toTsQuery } from './item-filter';
import type { KeysetOrder, Page, PageRequest, Reader } from './keyset';

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

function postgresHitsSql(query: string, scope: SearchScope) {
  const window = windowOf(scope);
  const newest = (table: string, id: string) =>
    window === null
      ? sql`select ${sql.ref(id)} as id, search from ${sql.table(table)}, to_tsquery('english', ${query}) q where search @@ q`
      : sql`select ${sql.ref(id)} as id, search from ${sql.table(table)}, to_tsquery('english', ${query}) q where search @@ q order by ${sql.ref(id)} desc limit ${window}`;
  return sql`select 'ITEM' as kind, m.id, (-ts_rank(m.search, q))::float8 as score, m.id * 2 as hit_id
      from (${newest('item_search', 'item_id')}) m, to_tsquery('english', ${query}) q
    union all
    select 'CASE' as kind, m.id, (-ts_rank(m.search, q))::float8 as score, m.id * 2 + 1 as hit_id
      from (${newest('case_search', 'case_id')}) m, to_tsquery('english', ${query}) q`;
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
): Promise<RankedMatch[]> {
  const window = windowOf(scope);
  return window === null
    ? rankWithFts5Bm25(db, table, query, null)
    : rankNewestMatches(db, table, query, window);
}

/** SQLite: both kinds ranked (fts5-window-rank.ts), merged, and the page after the cursor cut from them. */
async function sqliteSearchHits(
  db: Reader['db'],
  query: string,
  request: PageRequest,
  scope: SearchScope,
): Promise<SearchHitRow[]> {
  const [items, cases] = await Promise.all([
    ranked(db, ITEM_SEARCH, query, scope),
    ranked(db, CASE_SEARCH, query, scope),
  ]);
  const hits = [
    ...items.map((m) => ({ kind: 'ITEM' as const, id: m.id, score: m.score, hitId: m.id * 2 })),
    ...cases.map((m) => ({ kind: 'CASE' as const, id: m.id, score: m.score, hitId: m.id * 2 + 1 })),
  ];
  const after = request.after;
  const afterKey = after && typeof after.key === 'number' ? after.key : null;
  const past =
    after && afterKey !== null
      ? hits.filter((h) => h.score > afterKey || (h.score === afterKey && h.hitId > after.id))
      : hits;
  const page = past.sort((a, b) => a.score - b.score || a.hitId - b.hitId).slice(0, request.first + 1);
  // Items are read (for their case ids) only for the page: reading every ranked match would read thousands of
  // wide item rows to keep twenty.
  const itemIds = page.filter((h) => h.kind === 'ITEM').map((h) => h.id);
  const caseOf = new Map<number, number>();
  if (itemIds.length > 0) {
    const { rows } = await sql<{ id: number; caseId: number }>`select id, case_id from items
      where id in (${sql.join(itemIds)})`.execute(db);
    for (const r of rows) caseOf.set(Number(r.id), Number(r.caseId));
  }
  return page.map((h) => ({ ...h, caseId: h.kind === 'ITEM' ? (caseOf.get(h.id) ?? 0) : h.id }));
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

export async function searchHits(
  { db, dialect }: Reader,
  query: string,
  request: PageRequest,
  scope: SearchScope,
): Promise<Page<SearchHitRow>> {
  if (dialect === 'sqlite') {
    const hits = await sqliteSearchHits(db, query, request, scope);
    return { rows: hits.slice(0, request.first), hasNextPage: hits.length > request.first };
  }
  const after = request.after;
  const past =
    after && typeof after.key === 'number'
      ? sql`where (hits.score, hits.hit_id) > (${after.key}, ${after.id})`
      : sql``;
  // The items are joined (for their case ids) only for the page: joining every ranked match would read
  // thousands of wide item rows to keep twenty.
  const { rows } = await sql<SearchHitRow>`select page.kind, page.id,
      case when page.kind = 'ITEM' then items.case_id else page.id end as case_id, page.score, page.hit_id
    from (select hits.kind, hits.id, hits.score, hits.hit_id from (${postgresHitsSql(query, scope)}) hits ${past}
      order by hits.score, hits.hit_id limit ${request.first + 1}) page
    left join items on page.kind = 'ITEM' and items.id = page.id
    order by page.score, page.hit_id`.execute(db);
  const hits = rows.map((r) => ({
    ...r,
    id: Number(r.id),
    caseId: Number(r.caseId),
    hitId: Number(r.hitId),
  }));
  return { rows: hits.slice(0, request.first), hasNextPage: hits.length > request.first };
}

/** Every match of both kinds, ranked or not: counted from the index alone, nothing scored. */
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

/** Highlighted title and snippet for each hit, keyed by hitId: one statement per kind on the page. */
export async function searchSnippets(
  { db, dialect }: Reader,
  query: string,
  hits: readonly Pick<SearchHitRow, 'kind' | 'id' | 'hitId'>[],
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
  if (itemIds.length > 0) {
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
            db,
          );
    for (const r of rows) snippets.set(Number(r.id) * 2, { title: r.title, snippet: r.snippet });
  }
  if (caseIds.length > 0) {
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
            db,
          );
    for (const r of rows) snippets.set(Number(r.id) * 2 + 1, { title: null, snippet: r.snippet ?? '' });
  }
  return snippets;
}

// FTS5 writes its pending terms out as a new segment whenever they pass `hashsize` (1 MiB by default) and
// merges segments as they pile up. A rebuild holding 64 MiB before each write makes far fewer segments to merge:
// at 100k letters item_search rebuilds in 1.65 s instead of 2.36. Only for the rebuild: ordinary writes are
// one batch at a time, and the default keeps their memory small.
const REBUILD_HASHSIZE = 64 * 2 ** 20;
const DEFAULT_HASHSIZE = 2 ** 20;

/**
 * SQLite's statements that rebuild each full-text table from its rows, in order, each with a name (the bulk load
 * stores them to run later).
 */
export const SQLITE_SEARCH_REBUILDS: readonly { name: string; statement: string }[] = [
  'item_search',
  'case_search',
].flatMap((table) => [
  {
    name: `${table} rebuild hashsize`,
    statement: `insert into ${table} (${table}, rank) values ('hashsize', ${REBUILD_HASHSIZE})`,
  },
  { name: `${table} rebuild`, statement: `insert into ${table} (${table}) values ('rebuild')` },
  {
    name: `${table} hashsize`,
    statement: `insert into ${table} (${table}, rank) values ('hashsize', ${DEFAULT_HASHSIZE})`,
  },
]);

/**
 * Rebuilds SQLite's full-text tables from the rows (after a bulk copy that bypassed the letter write path);
 * PostgreSQL's triggers keep its tables in step with every statement, so there it does nothing.
 */
export async function rebuildSearchIndex(db: Reader['db'], dialect: Reader['dialect']): Promise<void> {
  if (dialect === 'postgres') return;
  for (const { statement } of SQLITE_SEARCH_REBUILDS) await sql.raw(statement).execute(db);
}
