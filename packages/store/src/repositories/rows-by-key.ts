import { type Selectable, sql } from 'kysely';
import type { Database } from '../database';
import { byKeys, type Reader } from './keyset';

// Reads every entity repository makes the same way whatever the table: rows by primary key (the loaders of
// `node`, nested parents and `byIds` fields) and row counts per parent (a nested connection's totalCount).

/** The tables whose rows are entities with an integer `id` the API hands out. */
export type EntityTable = 'cases' | 'items' | 'citations' | 'guidelines' | 'reviewers' | 'ingestErrors';

/** The rows of `table` with these ids, in no particular order (callers map them back by id). */
export async function rowsByIds<T extends EntityTable>(
  { db }: Reader,
  table: T,
  ids: readonly number[],
): Promise<Selectable<Database[T]>[]> {
  if (ids.length === 0) return [];
  // Kysely cannot type a query over a table chosen by a type parameter: it is typed over any entity table, and
  // its rows are those of `table`.
  const from: EntityTable = table;
  const rows = await db.selectFrom(from).selectAll().where('id', 'in', ids).execute();
  return rows as Selectable<Database[T]>[];
}

/** How many rows of `table` each parent holds, by the column naming the parent (0 for a parent with none). */
export async function rowCountsByParent(
  { db }: Reader,
  table: 'cases' | 'citations',
  parentColumn: 'reviewerId' | 'itemId' | 'guidelineId',
  parentIds: readonly number[],
): Promise<number[]> {
  if (parentIds.length === 0) return [];
  const parent = sql.ref(`${table}.${parentColumn}`);
  const rows = await db
    .selectFrom(table)
    .select([parent.as('parentId'), sql<number>`count(*)`.as('n')])
    .where(parent, 'in', parentIds)
    .groupBy(parent)
    .execute();
  return byKeys(
    parentIds,
    rows.map((r): [number, number] => [Number(r.parentId), Number(r.n)]),
    () => 0,
  );
}
