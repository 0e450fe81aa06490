import { sql } from 'kysely';
import { toFtsQuery, toTsQuery } from './item-filter';
import type { KeysetOrder, Page, PageRequest, Reader } from './keyset';

// Full-text search over item titles and rationales and case summaries, ranked by relevance (BM25 on SQLite's
// FTS5, ts_rank on PostgreSQL). Pages are keyset over (score, hitId); snippets are computed afterwards for the
// page's hits only, since highlighting every match of a common word would cost more than ranking them.

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

export const MARK_START = '<mark>';
export const MARK_END = '</mark>';

/** The engine's query for free text, or null when no searchable word remains. */
export function searchQuery(dialect: Reader['dialect'], text: string): string | null {
  return dialect === 'postgres' ? toTsQuery(text) : toFtsQuery(text);
}

function hitsSql(dialect: Reader['dialect'], query: string) {
  if (dialect === 'postgres') {
    return sql`select 'ITEM' as kind, item_search.item_id as id, items.case_id, (-ts_rank(item_search.search, q))::float8 as score, item_search.item_id * 2 as hit_id
        from item_search join items on items.id = item_search.item_id, to_tsquery('english', ${query}) q
        where item_search.search @@ q
      union all
      select 'CASE' as kind, case_search.case_id as id, case_search.case_id as case_id, (-ts_rank(case_search.search, q))::float8 as score, case_search.case_id * 2 + 1 as hit_id
        from case_search, to_tsquery('english', ${query}) q where case_search.search @@ q`;
  }
  // Titles weigh twice as much as rationales.
  return sql`select 'ITEM' as kind, items.id as id, items.case_id as case_id, bm25(item_search, 2.0, 1.0) as score, items.id * 2 as hit_id
      from item_search join items on items.id = item_search.rowid where item_search match ${query}
    union all
    select 'CASE' as kind, cases.id as id, cases.id as case_id, bm25(case_search) as score, cases.id * 2 + 1 as hit_id
      from case_search join cases on cases.id = case_search.rowid where case_search match ${query}`;
}

export async function searchHits(
  { db, dialect }: Reader,
  query: string,
  request: PageRequest,
): Promise<Page<SearchHitRow>> {
  const after = request.after;
  const past =
    after && typeof after.key === 'number'
      ? sql`where (hits.score, hits.hit_id) > (${after.key}, ${after.id})`
      : sql``;
  const { rows } = await sql<SearchHitRow>`select hits.kind, hits.id, hits.case_id, hits.score, hits.hit_id
    from (${hitsSql(dialect, query)}) hits ${past}
    order by hits.score, hits.hit_id limit ${request.first + 1}`.execute(db);
  const hits = rows.map((r) => ({
    ...r,
    id: Number(r.id),
    caseId: Number(r.caseId),
    hitId: Number(r.hitId),
  }));
  return { rows: hits.slice(0, request.first), hasNextPage: hits.length > request.first };
}

export async function countSearchHits({ db, dialect }: Reader, query: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*) as n from (${hitsSql(dialect, query)}) hits`.execute(db);
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
