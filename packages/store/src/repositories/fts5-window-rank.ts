import { sql } from 'kysely';
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

export const BM25_SAMPLE = 10_000;
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

async function countPhrase(db: Db, table: Fts5Table, phrase: string): Promise<PhraseCount> {
  const { rows } = await sql<{ n: number; f: number | null; l: number | null }>`select count(*) as n,
      min(id) as f, max(id) as l from (select rowid as id from ${sql.table(table.name)}
        where ${sql.ref(table.name)} match ${phrase} order by rowid limit ${BM25_SAMPLE}) m`.execute(db);
  const row = rows[0];
  return { counted: Number(row?.n ?? 0), first: Number(row?.f ?? 0), last: Number(row?.l ?? 0) };
}

function weights(table: Fts5Table) {
  return sql.raw(table.columns.map((c) => c.weight.toFixed(1)).join(', '));
}

/** bm25() by FTS5 itself over the newest `window` matches, or every match when window is null. */
export async function rankWithFts5Bm25(
  db: Db,
  table: Fts5Table,
  query: string,
  window: number | null,
): Promise<RankedMatch[]> {
  const newest = window === null ? sql`` : sql`order by rowid desc limit ${window}`;
  const { rows } = await sql<RankedMatch>`select rowid as id,
      bm25(${sql.ref(table.name)}, ${weights(table)}) as score from ${sql.table(table.name)}
      where ${sql.ref(table.name)} match ${query} ${newest}`.execute(db);
  return rows.map((r) => ({ id: Number(r.id), score: Number(r.score) }));
}

/**
 * The newest `window` matches of `query` (phrases from `toFtsQuery`, all required), scored as bm25() scores them
 * with each phrase's match count capped at BM25_SAMPLE (see the top of this file).
 */
export async function rankNewestMatches(
  db: Db,
  table: Fts5Table,
  query: string,
  window: number,
): Promise<RankedMatch[]> {
  const phrases = ftsPhrases(query);
  const counts = await Promise.all(phrases.map((phrase) => countPhrase(db, table, phrase)));
  if (counts.every((c) => c.counted < BM25_SAMPLE)) return rankWithFts5Bm25(db, table, query, window);

  const averages = await sql<{ block: Uint8Array }>`select block from ${sql.table(`${table.name}_data`)}
    where id = 1`.execute(db);
  const [rowCount = 0, ...columnTokens] = readVarints(averages.rows[0]?.block ?? new Uint8Array());
  if (rowCount === 0) return [];
  const averageLength = columnTokens.reduce((sum, n) => sum + n, 0) / rowCount;
  const idfs = counts.map((c) => bm25Idf(rowCount, estimatedHits(c, rowCount)));

  // One statement: the window, each row's token counts, and for each phrase and column whether the row holds it
  // (with one column, every match holds every phrase). The flags come back as columns p<phrase>c<column>.
  const flags =
    table.columns.length === 1
      ? []
      : phrases.flatMap((phrase, i) =>
          table.columns.map(
            (column, c) => sql`m.id in (select rowid from ${sql.table(table.name)}
      where ${sql.ref(table.name)} match ${`${column.name} : ${phrase}`}
        and rowid >= (select min(id) from m)) as ${sql.ref(`p${i}c${c}`)}`,
          ),
        );
  // The token counts come as hex text: ten thousand small blobs would each cross to the main thread as an
  // ArrayBuffer of its own, which costs more than the statement.
  const { rows: matches } = await sql<Record<string, unknown> & { id: number; sz: string | null }>`
    with m as materialized (select rowid as id from ${sql.table(table.name)}
      where ${sql.ref(table.name)} match ${query} order by rowid desc limit ${window})
    select m.id, hex(d.sz) as sz${flags.length > 0 ? sql`, ${sql.join(flags)}` : sql``}
    from m left join ${sql.table(`${table.name}_docsize`)} d on d.id = m.id`.execute(db.withoutPlugins());
  if (matches.length === 0) return [];

  return matches.map((match) => {
    const id = Number(match.id);
    const length = match.sz ? readVarints(Buffer.from(match.sz, 'hex')).reduce((sum, n) => sum + n, 0) : 0;
    const norm = K1 * (1 - B + (B * length) / averageLength);
    let score = 0;
    for (const [i, idf] of idfs.entries()) {
      let frequency = 0;
      for (const [c, column] of table.columns.entries()) {
        if (table.columns.length === 1 || Number(match[`p${i}c${c}`]) === 1) frequency += column.weight;
      }
      score += idf * ((frequency * (K1 + 1)) / (frequency + norm));
    }
    return { id, score: -score };
  });
}
