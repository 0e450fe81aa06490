import { sql } from 'kysely';
import type { ItemRow } from '../database';
import { ITEM_COLUMNS } from './entity-columns';
import { filteredListing } from './filtered-listing';
import { type ItemFilter, itemFilterCondition } from './item-filter';
import {
  type Cursor,
  type KeysetOrder,
  listsByParent,
  type Page,
  type PageRequest,
  type Reader,
} from './keyset';
import { keyIn, keyList, letterOrderPagesByParent, rowsByIds } from './rows-by-key';
import { runShaped } from './shaped-statement';

// The decision-date orderings scan items_date_decision and sort only rows sharing a date; the id orderings
// walk the primary key.
export const ITEM_ORDERS = {
  INGESTED_ASC: { column: null, direction: 'asc' },
  INGESTED_DESC: { column: null, direction: 'desc' },
  DECISION_DATE_DESC: { column: 'items.dateDecision', direction: 'desc' },
  DECISION_DATE_ASC: { column: 'items.dateDecision', direction: 'asc' },
} as const satisfies Record<string, Omit<KeysetOrder, 'name' | 'id'>>;
export type ItemOrder = keyof typeof ITEM_ORDERS;

export function itemOrder(name: ItemOrder): KeysetOrder {
  return { name, id: 'items.id', ...ITEM_ORDERS[name] };
}

export function itemSortKey(row: ItemRow, order: ItemOrder): Cursor['key'] {
  return ITEM_ORDERS[order].column === 'items.dateDecision' ? row.dateDecision : null;
}

export interface ListItemsArgs extends PageRequest {
  filter?: ItemFilter | null;
  order: ItemOrder;
}

export const { list: listItems, count: countItems } = filteredListing(
  'items',
  ({ db, dialect }: Reader, filter: ItemFilter | null | undefined) =>
    db
      .selectFrom('items')
      .select(ITEM_COLUMNS)
      .where((eb) => itemFilterCondition(eb, filter, dialect)),
  (args: ListItemsArgs) => itemOrder(args.order),
);

export function itemsByIds(reader: Reader, ids: readonly number[]): Promise<ItemRow[]> {
  return rowsByIds(reader, 'items', ids);
}

/** Items within a case are listed in letter order. */
export const CASE_ITEMS_ORDER: KeysetOrder = {
  name: 'CASE_ITEMS',
  column: 'items.ordinal',
  id: 'items.id',
  direction: 'asc',
};

/**
 * A page of items for each of many cases in one statement (through items_case, cut into pages here). A cursor
 * applies only under the case it was issued for; the other cases start from their first item.
 */
export function itemPagesByCaseIds(
  reader: Reader,
  caseIds: readonly number[],
  request: PageRequest,
): Promise<Page<ItemRow>[]> {
  return letterOrderPagesByParent(reader, 'items', 'caseId', caseIds, request);
}

/** Body regions per item (deduplicated at write time), sorted by name. */
export async function bodyRegionsByItemIds(
  { db, dialect }: Reader,
  itemIds: readonly number[],
): Promise<string[][]> {
  if (itemIds.length === 0) return [];
  const rows = await runShaped<{ itemId: number; bodyRegion: string }>(
    db,
    'bodyRegionsByItemIds',
    (value) =>
      db
        .selectFrom('itemBodyRegions')
        .select(['itemId', 'bodyRegion'])
        .where(keyIn(dialect, sql.ref('itemId'), value(0)))
        .orderBy('itemId')
        .orderBy('bodyRegion'),
    [keyList(dialect, itemIds)],
  );
  return listsByParent(itemIds, rows, (r) => r.itemId).map((list) => list.map((r) => r.bodyRegion));
}
