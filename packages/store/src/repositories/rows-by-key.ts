import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { SqlDialect } from '../client';
import {
  type CaseRow,
  type CitationRow,
  type GuidelineRow,
  type IngestErrorRow,
  type ItemRow,
  LONG_TEXT_COLUMNS,
  type LongTextTable,
  type ReviewerRow,
} from '../database';
import { ENTITY_COLUMNS } from './entity-columns';
import { byKeys, type Page, type PageRequest, pagesByParent, type Reader } from './keyset';

// Reads every entity repository makes the same way whatever the table: rows by primary key (the loaders of
// `node`, nested parents and `byIds` fields) and row counts per parent (a nested connection's totalCount).

/** The tables whose rows are entities with an integer `id` the API hands out. */
export type EntityTable = 'cases' | 'items' | 'citations' | 'guidelines' | 'reviewers' | 'ingestErrors';

/** An entity's row as reads return it (cases, items and citations without their long text). */
export interface EntityRows {
  cases: CaseRow;
  items: ItemRow;
  citations: CitationRow;
  guidelines: GuidelineRow;
  reviewers: ReviewerRow;
  ingestErrors: IngestErrorRow;
}

/** The rows of `table` with these ids, in no particular order (callers map them back by id). */
export async function rowsByIds<T extends EntityTable>(
  { db, dialect }: Reader,
  table: T,
  ids: readonly number[],
): Promise<EntityRows[T][]> {
  if (ids.length === 0) return [];
  // Kysely cannot type a query over a table chosen by a type parameter: it is typed over any entity table, and
  // its rows are those of `table`.
  const from: EntityTable = table;
  const query = db.selectFrom(from);
  const rows = await (isLongTextTable(from) ? query.select(ENTITY_COLUMNS[from]) : query.selectAll())
    .where(keyIn(dialect, sql.ref('id'), ids))
    .execute();
  return rows as unknown as EntityRows[T][];
}

/**
 * `column` is one of `keys`. On PostgreSQL as `= any($1)` with the keys as one array: the statement's text is then
 * the same for any number of keys, so it can be kept prepared (postgres-array-rows.ts) where `in ($1, ..., $n)`
 * would be a new statement for every count of keys.
 */
function keyIn(
  dialect: SqlDialect,
  column: RawBuilder<unknown>,
  keys: readonly number[],
): RawBuilder<SqlBool> {
  return dialect === 'postgres'
    ? sql<SqlBool>`${column} = any(${sql.val(keys)})`
    : sql<SqlBool>`${column} in (${sql.join(keys.map((k) => sql.val(k)))})`;
}

function isLongTextTable(table: EntityTable): table is LongTextTable {
  return Object.hasOwn(LONG_TEXT_COLUMNS, table);
}

/** The long text (`LONG_TEXT_COLUMNS`) of each row of `table` with these ids, in their order (null when absent). */
export async function longTextsByIds(
  { db, dialect }: Reader,
  table: LongTextTable,
  ids: readonly number[],
): Promise<(string | null)[]> {
  if (ids.length === 0) return [];
  const column = sql.ref(`${table}.${LONG_TEXT_COLUMNS[table]}`);
  const rows = await db
    .selectFrom(table)
    .select([`${table}.id` as 'id', sql<string | null>`${column}`.as('text')])
    .where(keyIn(dialect, sql.ref(`${table}.id`), ids))
    .execute();
  return byKeys(
    ids,
    rows.map((r): [number, string | null] => [r.id, r.text]),
    () => null,
  );
}

/** How many rows of `table` each parent holds, by the column naming the parent (0 for a parent with none). */
export async function rowCountsByParent(
  { db, dialect }: Reader,
  table: 'cases' | 'citations',
  parentColumn: 'reviewerId' | 'itemId' | 'guidelineId',
  parentIds: readonly number[],
): Promise<number[]> {
  if (parentIds.length === 0) return [];
  const parent = sql.ref(`${table}.${parentColumn}`);
  const rows = await db
    .selectFrom(table)
    .select([parent.as('parentId'), sql<number>`count(*)`.as('n')])
    .where(keyIn(dialect, parent, parentIds))
    .groupBy(parent)
    .execute();
  return byKeys(
    parentIds,
    rows.map((r): [number, number] => [Number(r.parentId), Number(r.n)]),
    () => 0,
  );
}

/**
 * A page of a child table's rows for each of many parents in one statement, in letter order (`ordinal`, then id).
 * For the tables whose rows per parent a letter bounds (a case's items, an item's citations): every row of each
 * parent is read and the pages are cut here. A window ranking each parent's rows read as many and cost more: its
 * sorter copied every column of every row (about half again the statement's time on a page of 100 cases). A
 * cursor applies only under the parent it was issued for; the other parents start from their first row.
 */
export async function letterOrderPagesByParent<T extends 'items' | 'citations'>(
  { db, dialect }: Reader,
  table: T,
  parentColumn: 'caseId' | 'itemId',
  parentIds: readonly number[],
  request: PageRequest,
): Promise<Page<EntityRows[T]>[]> {
  if (parentIds.length === 0) return [];
  const after = request.after;
  const parent = sql.ref(`${table}.${parentColumn}`);
  const ordinal = sql.ref(`${table}.ordinal`);
  const id = sql.ref(`${table}.id`);
  // Typed over both child tables, as in rowsByIds: the rows are those of `table`.
  const from: 'items' | 'citations' = table;
  const rows = await db
    .selectFrom(from)
    .select(ENTITY_COLUMNS[from])
    .where(keyIn(dialect, parent, parentIds))
    .$if(after?.parent !== undefined, (qb) =>
      qb.where((w) =>
        w.or([
          w(parent, '<>', after!.parent!),
          sql<SqlBool>`(${ordinal}, ${id}) > (${after!.key}, ${after!.id})`,
        ]),
      ),
    )
    .orderBy(parent)
    .orderBy(ordinal)
    .orderBy(id)
    .execute();
  const parentOf = (row: Record<string, unknown>) => Number(row[parentColumn]);
  return pagesByParent(parentIds, rows, parentOf, request.first) as unknown as Page<EntityRows[T]>[];
}
