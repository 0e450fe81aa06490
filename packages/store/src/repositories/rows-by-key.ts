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
import { type Placeholder, runShaped } from './shaped-statement';

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
  const rows = await runShaped(
    db,
    `rowsByIds ${from}`,
    (value) => {
      const query = db.selectFrom(from);
      return (isLongTextTable(from) ? query.select(ENTITY_COLUMNS[from]) : query.selectAll()).where(
        keyIn(dialect, sql.ref('id'), value(0)),
      );
    },
    [keyList(dialect, ids)],
  );
  return rows as EntityRows[T][];
}

/**
 * `column` is one of the keys a run binds to `keys` (as `keyList` gives them): one parameter whatever their number,
 * so a statement's text is the same for any count of keys and is compiled once (shaped-statement.ts) and, on
 * PostgreSQL, kept prepared (postgres-array-rows.ts). On PostgreSQL the keys are an array (`= any($1)`); SQLite
 * has no array parameter, so they are a JSON array read by `json_each`: the plan is the index search an `in`
 * list gets (same time for 212 keys: 0.64-0.71 ms either way), where `in (?, ..., ?)` was a new text, compiled and
 * prepared again, for every count of keys.
 */
export function keyIn(
  dialect: SqlDialect,
  column: RawBuilder<unknown>,
  keys: Placeholder,
): RawBuilder<SqlBool> {
  return dialect === 'postgres'
    ? sql<SqlBool>`${column} = any(${sql.val(keys)})`
    : sql<SqlBool>`${column} in (select value from json_each(${sql.val(keys)}))`;
}

/** The value a run binds to keyIn's placeholder. */
export function keyList(dialect: SqlDialect, keys: readonly number[]): readonly number[] | string {
  return dialect === 'postgres' ? keys : JSON.stringify(keys);
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
  const rows = await runShaped<{ id: number; text: string | null }>(
    db,
    `longTextsByIds ${table}`,
    (value) =>
      db
        .selectFrom(table)
        .select([
          `${table}.id` as 'id',
          sql<string | null>`${sql.ref(`${table}.${LONG_TEXT_COLUMNS[table]}`)}`.as('text'),
        ])
        .where(keyIn(dialect, sql.ref(`${table}.id`), value(0))),
    [keyList(dialect, ids)],
  );
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
  const rows = await runShaped<{ parentId: number; n: number }>(
    db,
    `rowCountsByParent ${table} ${parentColumn}`,
    (value) =>
      db
        .selectFrom(table)
        .select([parent.as('parentId'), sql<number>`count(*)`.as('n')])
        .where(keyIn(dialect, parent, value(0)))
        .groupBy(parent),
    [keyList(dialect, parentIds)],
  );
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
  const cursor = after?.parent !== undefined ? after : null;
  const rows = await runShaped<Record<string, unknown>>(
    db,
    `letterOrderPagesByParent ${from} ${parentColumn} ${cursor ? 'after' : 'first'}`,
    (value) =>
      db
        .selectFrom(from)
        .select(ENTITY_COLUMNS[from])
        .where(keyIn(dialect, parent, value(0)))
        .$if(cursor !== null, (qb) =>
          qb.where((w) =>
            w.or([
              w(parent, '<>', value(1)),
              sql<SqlBool>`(${ordinal}, ${id}) > (${sql.val(value(2))}, ${sql.val(value(3))})`,
            ]),
          ),
        )
        .orderBy(parent)
        .orderBy(ordinal)
        .orderBy(id),
    cursor
      ? [keyList(dialect, parentIds), cursor.parent, cursor.key, cursor.id]
      : [keyList(dialect, parentIds)],
  );
  const parentOf = (row: Record<string, unknown>) => Number(row[parentColumn]);
  return pagesByParent(parentIds, rows, parentOf, request.first) as unknown as Page<EntityRows[T]>[];
}
