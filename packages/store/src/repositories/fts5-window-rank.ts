import { sql } from 'kysely';
import { boundedKeyReader } from '../bounded-key-reads';
import type { Db } from '../client';

// BM25 over the newest matches of an FTS5 query, without counting every match of a common word. FTS5's bm25()
// computes each phrase's IDF by visiting every row that holds the phrase before it scores the first one: ~100 ms
// for "medical" over three million rationales, however few rows are then ranked. So each phrase's matches are
// counted here only up to BM25_SAMPLE, in rowid order, and past that estimated from how densely those first
// matches fill the row ids (a store's row ids are dense). A query whose phrases all stay under the cap is scored
// by bm25() itself, whose count then costs no more. Past the cap the window is scored here, from FTS5's own
// records: the row count and token total (the averages record, id 1 of `<table>_data`), each row's token count
// (`<table>_docsize`), and which columns hold each phrase (a column-filtered query per phrase and column);
// a phrase counts once per column holding it: FTS5 gives its per-row instance counts only to its own functions.
// Either way the scores are computed by the statement, which returns only the page asked for: a read runs in a
// worker process (sqlite-read-pool.ts), and ten thousand scored rows sent back to be sorted cost more than the
// scoring.

export const BM25_SAMPLE = 10_000;

/**
 * Matches a phrase may have for the query to count as rare: counting this many and ranking them with bm25()
 * cost SQLite well under a millisecond, so a rare word's statements are bounded lookups (bounded-key-reads.ts)
 * and a read-only store runs them on the main thread instead of two read-worker round trips one after the other.
 * A commoner word costs one such count more before its statements go to the pool as before.
 */
export const RARE_MATCHES = 500;
const K1 = 1.2;
const B = 0.75;

export interface Fts5Table {
  /** The FTS5 table (its shadow tables are `<name>_data` and `<name>_docsize`). */
  name: string;
  /** The indexed columns, in order, with bm25's weight for each. */
  columns: readonly { name: string; weight: number }[];
}

export interface RankedMatch {
  id: number;
  /** bm25's sign: lower is more relevant. */
  score: number;
}

interface PhraseCount {
  /** Matches counted, at most BM25_SAMPLE. */
  counted: number;
  first: number;
  last: number;
}

/** The phrases of a query `toFtsQuery` built: `"word"` or `"word"*`, separated by spaces (all required). */
export function ftsPhrases(query: string): string[] {
  return query.match(/"[^"]*"\*?/g) ?? [];
}

/** A SQLite varint (FTS5 writes its records with them): 7 bits a byte, high bit set while more follow. */
export function readVarint(bytes: Uint8Array, offset: number): { value: number; next: number } {
  let value = 0;
  for (let i = 0; i < 8; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined) throw new Error('FTS5 record ends inside a varint');
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return { value, next: offset + i + 1 };
  }
  const last = bytes[offset + 8];
  if (last === undefined) throw new Error('FTS5 record ends inside a varint');
  return { value: value * 256 + last, next: offset + 9 };
}

/** Every varint of a record, in order. */
export function readVarints(bytes: Uint8Array): number[] {
  const values: number[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const { value, next } = readVarint(bytes, offset);
    values.push(value);
    offset = next;
  }
  return values;
}

/** bm25's IDF for a phrase in `hits` of `rows` rows, floored as FTS5 floors it. */
export function bm25Idf(rows: number, hits: number): number {
  const idf = Math.log((rows - hits + 0.5) / (hits + 0.5));
  return idf <= 0 ? 1e-6 : idf;
}

/** The estimated number of rows holding a phrase: exact under the cap, else scaled by the density of the sample. */
export function estimatedHits(count: PhraseCount, rows: number): number {
  if (count.counted < BM25_SAMPLE) return count.counted;
  const span = count.last - count.first + 1;
  return Math.min(rows, Math.trunc((count.counted * rows) / Math.max(span, count.counted)));
}

/** Which rows of the ranking to return: the best `limit` after `after` in (score, id) order; all when absent. */
export interface RankPage {
  limit: number;
  after: { score: number; id: number } | null;
}

export interface RankedWindow {
  /** Best first: by score, then id. */
  matches: RankedMatch[];
  /** Whether the window held every match (false when more matched than it ranks). */
  complete: boolean;
  /** A rare query's: counted and ranked as bounded lookups (RARE_MATCHES). */
  rare?: boolean;
}

interface TableStats {
  counts: PhraseCount[];
  rowCount: number;
  averageLength: number;
}

/**
 * One statement: each phrase's matches counted up to BM25_SAMPLE in rowid order, and FTS5's averages record
 * (row count, then the token total of each column).
 */
async function tableStats(
  db: Db,
  table: Fts5Table,
  phrases: readonly string[],
  cap: number = BM25_SAMPLE,
): Promise<TableStats> {
  const averages = sql`(select hex(block) from ${sql.table(`${table.name}_data`)} where id = 1)`;
  const perPhrase = phrases.map(
    (
      phrase,
      i,
    ) => sql`select ${i} as phrase, count(*) as n, min(id) as f, max(id) as l, ${averages} as averages
      from (select rowid as id from ${sql.table(table.name)} where ${sql.ref(table.name)} match ${phrase}
        order by rowid limit ${cap})`,
  );
  const { rows } = await sql<{
    phrase: number;
    n: number;
    f: number | null;
    l: number | null;
    averages: string | null;
  }>`
    ${sql.join(perPhrase, sql` union all `)}`.execute(db);
  const counts = phrases.map((_, i) => {
    const row = rows.find((r) => Number(r.phrase) === i);
    return { counted: Number(row?.n ?? 0), first: Number(row?.f ?? 0), last: Number(row?.l ?? 0) };
  });
  const [rowCount = 0, ...columnTokens] = readVarints(Buffer.from(rows[0]?.averages ?? '', 'hex'));
  const averageLength = rowCount === 0 ? 0 : columnTokens.reduce((sum, n) => sum + n, 0) / rowCount;
  return { counts, rowCount, averageLength };
}

function weights(table: Fts5Table) {
  return sql.raw(table.columns.map((c) => c.weight.toFixed(1)).join(', '));
}

function matchQuery(table: Fts5Table, query: string) {
  return sql`select rowid as id from ${sql.table(table.name)} where ${sql.ref(table.name)} match ${query}`;
}

/**
 * The statement's tail, the same for both ways of scoring: given `m` (the newest window + 1 matches, so that
 * its count tells whether the window held them all) and `s` (the window's rows with their scores), the page of
 * `s` and the count of `m`. Only the page crosses to the caller, not the window.
 */
async function rankedPage(
  db: Db,
  ctes: ReturnType<typeof sql>,
  page: RankPage | undefined,
  window: number | null,
): Promise<RankedWindow> {
  const after = page?.after ? sql`where (score, id) > (${page.after.score}, ${page.after.id})` : sql``;
  const limit = page ? sql`limit ${page.limit}` : sql``;
  const { rows } = await sql<{ id: number | null; score: number | null; matched: number }>`${ctes}
    select p.id, p.score, (select count(*) from m) as matched
    from (select 1) one left join (select id, score from s ${after} order by score, id ${limit}) p on true
    order by p.score, p.id`.execute(db);
  const matches: RankedMatch[] = [];
  for (const r of rows)
    if (r.id !== null && r.score !== null) matches.push({ id: Number(r.id), score: r.score });
  const matched = Number(rows[0]?.matched ?? 0);
  return { matches, complete: window === null || matched <= window };
}

/** bm25() by FTS5 itself over the newest `window` matches, or every match when window is null. */
export function rankWithFts5Bm25(
  db: Db,
  table: Fts5Table,
  query: string,
  window: number | null,
  page?: RankPage,
): Promise<RankedWindow> {
  const newest = window === null ? sql`` : sql`order by rowid desc limit ${window + 1}`;
  const inWindow = window === null ? sql`` : sql`order by id desc limit ${window}`;
  return rankedPage(
    db,
    sql`with m as materialized (select rowid as id, bm25(${sql.ref(table.name)}, ${weights(table)}) as score
        from ${sql.table(table.name)} where ${sql.ref(table.name)} match ${query} ${newest}),
      s as (select id, score from m ${inWindow})`,
    page,
    window,
  );
}

/**
 * The newest `window` matches of `query` (phrases from `toFtsQuery`, all required), scored as bm25() scores them
 * with each phrase's match count capped at BM25_SAMPLE (see the top of this file); the page asked of them, best
 * first, and whether the window held every match.
 */
export async function rankNewestMatches(
  db: Db,
  table: Fts5Table,
  query: string,
  window: number,
  page?: RankPage,
  rareMatches: number = RARE_MATCHES,
): Promise<RankedWindow> {
  const phrases = ftsPhrases(query);
  if (phrases.length === 0) return rankWithFts5Bm25(db, table, query, window, page);
  // Counted up to the rare cap first: under it, these are every match, and ranking them is bounded too. Not a
  // prefix: FTS5 merges the doclists of every word it starts before it yields the first match, whatever the
  // limit ('"a"*' took 193 ms at 100k letters, '"med"*' 7.3 ms), so a prefix's count stays in a read worker.
  if (phrases.every((phrase) => !phrase.endsWith('*'))) {
    const bounded = boundedKeyReader({ db, dialect: 'sqlite' as const }, 1).db;
    const rareCap = Math.min(rareMatches, BM25_SAMPLE);
    const probe = await tableStats(bounded, table, phrases, rareCap);
    // Every phrase is required: one found nowhere leaves nothing to rank. bm25's statement would still cost
    // 0.5 ms to find that out ('zaleplon' in item_search at 100k letters; 0.01 ms without bm25).
    if (probe.counts.some((c) => c.counted === 0)) return { matches: [], complete: true, rare: true };
    if (probe.counts.every((c) => c.counted < rareCap)) {
      return { ...(await rankWithFts5Bm25(bounded, table, query, window, page)), rare: true };
    }
  }
  const stats = await tableStats(db, table, phrases);
  if (stats.counts.every((c) => c.counted < BM25_SAMPLE)) {
    return rankWithFts5Bm25(db, table, query, window, page);
  }
  if (stats.rowCount === 0) return { matches: [], complete: true };
  const idfs = stats.counts.map((c) => bm25Idf(stats.rowCount, estimatedHits(c, stats.rowCount)));

  // Scored in SQL, in the process that runs the statement, so that only the page leaves it. Each row's token
  // count is the sum of its docsize record (fts5_record_sum, sqlite-functions.ts); a phrase's frequency is the
  // weight of each column holding it, found by a column-filtered query per phrase and column over the window's
  // row ids (with one column, every match holds every phrase).
  const frequencies = phrases.map((phrase, i) => {
    const weighted =
      table.columns.length === 1
        ? [sql.lit(table.columns[0]?.weight ?? 1)]
        : table.columns.map(
            (column) => sql`${sql.lit(column.weight)} * (w.id in (select rowid from ${sql.table(table.name)}
              where ${sql.ref(table.name)} match ${`${column.name} : ${phrase}`}
                and rowid >= (select min(id) from w)))`,
          );
    return sql`(0.0 + ${sql.join(weighted, sql` + `)}) as ${sql.ref(`f${i}`)}`;
  });
  const terms = idfs.map(
    (idf, i) => sql`${idf} * ((${sql.ref(`f${i}`)} * ${sql.lit(K1 + 1)}) / (${sql.ref(`f${i}`)} + norm))`,
  );
  return rankedPage(
    db,
    sql`with m as materialized (${matchQuery(table, query)} order by rowid desc limit ${window + 1}),
      w as (select id from m order by id desc limit ${window}),
      n as materialized (select w.id,
          ${sql.lit(K1)} * (1 - ${sql.lit(B)} + (${sql.lit(B)} * fts5_record_sum(hex(d.sz))) / ${stats.averageLength})
            as norm, ${sql.join(frequencies)}
        from w left join ${sql.table(`${table.name}_docsize`)} d on d.id = w.id),
      s as (select id, -(${sql.join(terms, sql` + `)}) as score from n)`,
    page,
    window,
  );
}
