import { boundedKeyReader } from '@imr/store/bounded-key-reads';
import type { ItemRow } from '@imr/store/database';
import {
  countItems as countItemsBySql,
  itemOrder,
  itemsByIds,
  type ListItemsArgs,
  listItems as listItemsBySql,
} from '@imr/store/repositories/item.repository';
import { type ItemFilter, isFilterSet } from '@imr/store/repositories/item-filter';
import type { Page, Reader } from '@imr/store/repositories/keyset';
import { cubeTallies } from './cube-tallies';
import { cubeItemIdPage } from './item-cube-page';
import { cubeCanAnswer } from './item-cube-query';
import { freshItemCube } from './item-cube-snapshot';

// The list of items and its count: from the cube when it is fresh and holds the filter's columns, else SQL.

/**
 * A page of items. In id order, a filter the cube holds is answered by the cube's ids and a primary-key read of
 * those rows: SQL would read every matching row to sort them.
 */
export async function listItems(reader: Reader, args: ListItemsArgs): Promise<Page<ItemRow>> {
  const { db, dialect } = reader;
  const order = itemOrder(args.order);
  if (order.column === null && !isFilterSet(args.filter)) {
    // Every item in id order is the primary key walked from the cursor: at most `first + 1` rows, where the
    // cube would weigh every item it holds.
    return listItemsBySql(boundedKeyReader(reader, args.first + 1), args);
  }
  const cube = order.column === null ? await freshItemCube(db, dialect) : null;
  if (!cube || !cubeCanAnswer(cube, args.filter)) return listItemsBySql(reader, args);
  const ids = cubeItemIdPage(cube, args.filter, order.direction, args.after?.id ?? null, args.first + 1);
  // A bounded lookup by id: answered on the main thread's connection, not queued behind the pool's work.
  const rows = await itemsByIds(boundedKeyReader(reader, ids.length), ids);
  // A commit between the cube's snapshot and this read removed some of them: the store, not the cube, answers.
  if (rows.length !== ids.length) return listItemsBySql(reader, args);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const page = ids.map((id) => byId.get(id)!);
  return { rows: page.slice(0, args.first), hasNextPage: page.length > args.first };
}

/** How many items match; from the cube when it holds the filter's columns (a COUNT would read every match). */
export async function countItems(reader: Reader, filter?: ItemFilter | null): Promise<number> {
  const cube = await freshItemCube(reader.db, reader.dialect);
  if (cube && cubeCanAnswer(cube, filter)) return cubeTallies(cube, filter, []).total.count;
  return countItemsBySql(reader, filter);
}
