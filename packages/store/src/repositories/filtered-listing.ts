import type { SelectQueryBuilder } from 'kysely';
import type { Database } from '../database';
import {
  countSelected,
  filteredPage,
  type KeysetOrder,
  type Page,
  type PageRequest,
  type Reader,
} from './keyset';

// Cases and items are listed the same way: the rows their own filter selects, a page in any of their orderings,
// and how many there are. Only the table, the filter and the orderings differ.

export interface ListArgs<Filter, Order> extends PageRequest {
  filter?: Filter | null;
  order: Order;
}

export interface FilteredListing<Row, Filter, Order> {
  list(reader: Reader, args: ListArgs<Filter, Order>): Promise<Page<Row>>;
  count(reader: Reader, filter?: Filter | null): Promise<number>;
}

/** The listing of the rows `selected` picks by a filter, in the orderings `orderOf` names. */
export function filteredListing<TB extends keyof Database, Row, Filter, Order>(
  selected: (reader: Reader, filter: Filter | null | undefined) => SelectQueryBuilder<Database, TB, Row>,
  orderOf: (name: Order) => KeysetOrder,
): FilteredListing<Row, Filter, Order> {
  return {
    list: (reader, args) => filteredPage(orderOf(args.order), args, selected(reader, args.filter)),
    count: (reader, filter) => countSelected(selected(reader, filter)),
  };
}
