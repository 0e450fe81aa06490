import { type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Db, SqlDialect } from '../client';
import type { Database } from '../database';
import { quoteInput } from '../quote-input';
import { runShaped } from './shaped-statement';

// Keyset (cursor) pagination. A cursor encodes the ordering it belongs to, the sort key of the last row seen
// and its id, so the next page is a range scan from that point: no OFFSET, the same cost on page 1 and page
// 100 000 of two million rows.

/** What every read-side repository function needs: the store and which SQL it speaks. */
export interface Reader {
  db: Db;
  dialect: SqlDialect;
}

export type SortKey = string | number | null;

export interface Cursor {
  /** The ordering the cursor was issued for; a cursor is only valid with the same ordering. */
  order: string;
  key: SortKey;
  id: number;
  /** For connections nested under a parent (case.items): the parent the cursor was issued under. */
  parent?: number;
}

export interface PageRequest {
  first: number;
  after: Cursor | null;
}

export interface Page<Row> {
  rows: Row[];
  hasNextPage: boolean;
}

/** A cursor that is not one this API issued, or was issued for another ordering. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

export function encodeCursor(cursor: Cursor): string {
  const parts: unknown[] = [cursor.order, cursor.key, cursor.id];
  if (cursor.parent !== undefined) parts.push(cursor.parent);
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** Longer than any cursor this API issues: such a text is refused before it is decoded. */
const MAX_CURSOR_CHARS = 1_000;

export function decodeCursor(text: string, order: string): Cursor {
  if (text.length > MAX_CURSOR_CHARS) {
    throw new InvalidCursorError(`${quoteInput(text)} is not a cursor issued by this API`);
  }
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError(`${quoteInput(text)} is not a cursor issued by this API`);
  }
  if (!Array.isArray(parts) || parts.length < 3 || parts.length > 4) {
    throw new InvalidCursorError(`${quoteInput(text)} is not a cursor issued by this API`);
  }
  const [cursorOrder, key, id, parent] = parts as unknown[];
  const keyOk = key === null || typeof key === 'string' || (typeof key === 'number' && Number.isFinite(key));
  const idOk = typeof id === 'number' && Number.isSafeInteger(id);
  const parentOk = parent === undefined || (typeof parent === 'number' && Number.isSafeInteger(parent));
  if (typeof cursorOrder !== 'string' || !keyOk || !idOk || !parentOk) {
    throw new InvalidCursorError(`${quoteInput(text)} is not a cursor issued by this API`);
  }
  if (cursorOrder !== order) {
    throw new InvalidCursorError(
      `the cursor was issued for ordering ${cursorOrder}, not ${order}: restart from the first page`,
    );
  }
  return parent === undefined ? { order, key, id } : { order, key, id, parent };
}

export type Direction = 'asc' | 'desc';

/** An ordering: by a (possibly nullable) column, then by id as tie-breaker; or by id alone. */
export interface KeysetOrder {
  name: string;
  /** Qualified column reference, e.g. 'cases.dateDecision'; null orders by id alone. */
  column: string | null;
  id: string;
  direction: Direction;
}

/**
 * A slice of an ordering. NULL sort keys are the smallest (SQLite's natural order, so the same indexes serve
 * both directions): ascending lists them first, descending last. Each slice is a plain range scan.
 */
export interface Segment {
  nulls: boolean;
  after: { key: SortKey; id: number } | null;
}

function segmentsOf(order: KeysetOrder): boolean[] {
  if (order.column === null) return [false];
  return order.direction === 'asc' ? [true, false] : [false, true];
}

/** WHERE condition selecting one segment, past its cursor. */
export function segmentCondition(order: KeysetOrder, segment: Segment): RawBuilder<SqlBool> {
  const cmp = sql.raw(order.direction === 'asc' ? '>' : '<');
  const id = sql.ref(order.id);
  if (order.column === null) {
    return segment.after ? sql<SqlBool>`${id} ${cmp} ${segment.after.id}` : sql<SqlBool>`1 = 1`;
  }
  const column = sql.ref(order.column);
  if (segment.nulls) {
    return segment.after
      ? sql<SqlBool>`${column} is null and ${id} ${cmp} ${segment.after.id}`
      : sql<SqlBool>`${column} is null`;
  }
  return segment.after
    ? sql<SqlBool>`(${column}, ${id}) ${cmp} (${segment.after.key}, ${segment.after.id})`
    : sql<SqlBool>`${column} is not null`;
}

/** ORDER BY for one segment (within a segment the column is all NULL or all non-NULL). */
export function segmentOrderBy(order: KeysetOrder, segment: Pick<Segment, 'nulls'>): RawBuilder<unknown> {
  const dir = sql.raw(order.direction);
  const id = sql.ref(order.id);
  if (order.column === null || segment.nulls) return sql`${id} ${dir}`;
  return sql`${sql.ref(order.column)} ${dir}, ${id} ${dir}`;
}

/**
 * Fetches one page: the segment holding the cursor first, then the next segment if the page is not full.
 * `fetch` runs the caller's query for one segment with the given LIMIT. At most two statements.
 */
export async function keysetPage<Row>(
  order: KeysetOrder,
  request: PageRequest,
  fetch: (segment: Segment, limit: number) => Promise<Row[]>,
): Promise<Page<Row>> {
  const segments = segmentsOf(order);
  const after = request.after;
  const cursorNulls = order.column !== null && after !== null && after.key === null;
  let index = after ? segments.indexOf(cursorNulls) : 0;
  if (index < 0) index = 0;
  const want = request.first + 1;
  const rows: Row[] = [];
  for (let i = index; i < segments.length && rows.length < want; i += 1) {
    const segment: Segment = {
      nulls: segments[i]!,
      after: i === index && after ? { key: after.key, id: after.id } : null,
    };
    rows.push(...(await fetch(segment, want - rows.length)));
  }
  return { rows: rows.slice(0, request.first), hasNextPage: rows.length > request.first };
}

/** Rows fetched for many parents at once, as one list per parent in the rows' order (empty: none). */
export function listsByParent<Row>(
  parentIds: readonly number[],
  rows: readonly Row[],
  parentOf: (row: Row) => number,
): Row[][] {
  const byParent = new Map<number, Row[]>();
  for (const row of rows) {
    const list = byParent.get(parentOf(row));
    if (list) list.push(row);
    else byParent.set(parentOf(row), [row]);
  }
  return parentIds.map((id) => byParent.get(id) ?? []);
}

/** Splits rows fetched for many parents at once (at most first + 1 per parent) into one page per parent. */
export function pagesByParent<Row>(
  parentIds: readonly number[],
  rows: readonly Row[],
  parentOf: (row: Row) => number,
  first: number,
): Page<Row>[] {
  return listsByParent(parentIds, rows, parentOf).map((list) => ({
    rows: list.slice(0, first),
    hasNextPage: list.length > first,
  }));
}

/**
 * Parents per UNION ALL statement when pages are fetched one range scan per parent (SQLite allows 500 arms in
 * a compound SELECT). A page of at most 100 parents always takes one statement.
 */
export const MAX_ARMS = 250;

export function armChunks(ids: readonly number[]): number[][] {
  const chunks: number[][] = [];
  for (let i = 0; i < ids.length; i += MAX_ARMS) chunks.push(ids.slice(i, i + MAX_ARMS));
  return chunks;
}

/**
 * The rows of one query per parent, run as the arms of UNION ALL statements (MAX_ARMS to a statement); `arm`
 * builds a parent's query, a subquery under the given alias. The rows come in no promised order.
 */
export async function unionOfArms<DB, TB extends keyof DB, Row>(
  parentIds: readonly number[],
  arm: (parentId: number, alias: string) => SelectQueryBuilder<DB, TB, Row>,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const chunk of armChunks(parentIds)) {
    const arms = chunk.map((parentId, i) => arm(parentId, `page${i}`));
    let query = arms[0]!;
    for (const next of arms.slice(1)) query = query.unionAll(next);
    rows.push(...(await query.execute()));
  }
  return rows;
}

/** Maps grouped rows onto the requested keys, in order, with a default for keys without rows. */
export function byKeys<K, V>(keys: readonly K[], entries: Iterable<[K, V]>, fallback: () => V): V[] {
  const map = new Map<K, V>(entries);
  return keys.map((k) => map.get(k) ?? fallback());
}

/**
 * A page of the rows a query selects, in the order's keyset: the query brings its table and filter, this its
 * segment, order and limit. The lists of cases and items (and any other filtered list) page through here.
 */
export function filteredPage<DB, TB extends keyof DB, Row>(
  order: KeysetOrder,
  request: PageRequest,
  query: SelectQueryBuilder<DB, TB, Row>,
): Promise<Page<Row>> {
  return keysetPage(order, request, (segment, limit) =>
    query
      .where(segmentCondition(order, segment))
      .orderBy(segmentOrderBy(order, segment))
      .limit(limit)
      .execute(),
  );
}

/**
 * filteredPage for a query whose text never changes (no filter): each segment's statement is compiled once per
 * shape (the ordering, which segment, whether past a cursor) and run with this request's cursor and limit bound.
 * `shape` names the query; `query` builds it, and is called only the first time a shape is seen.
 */
export function shapedPage<DB, TB extends keyof DB, Row>(
  reader: Reader,
  shape: string,
  order: KeysetOrder,
  request: PageRequest,
  query: () => SelectQueryBuilder<DB, TB, Row>,
): Promise<Page<Row>> {
  return keysetPage(order, request, (segment, limit) => {
    const past = segment.after !== null;
    const key = `${shape}:${order.name}:${order.column}:${order.id}:${order.direction}:${segment.nulls}:${past}`;
    const values = segment.after ? [limit, segment.after.key, segment.after.id] : [limit];
    return runShaped<Row>(
      reader.db,
      key,
      (value) => {
        const at: Segment = { nulls: segment.nulls, after: past ? { key: value(1), id: value(2) } : null };
        return query()
          .where(segmentCondition(order, at))
          .orderBy(segmentOrderBy(order, at))
          .limit(value<number>(0));
      },
      values,
    );
  });
}

/** How many rows a query selects (its own selection replaced by a count). */
export async function countSelected<TB extends keyof Database, Row>(
  query: SelectQueryBuilder<Database, TB, Row>,
): Promise<number> {
  const row = await query.clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
