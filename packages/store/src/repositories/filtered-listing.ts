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

// Every top-level list (cases, items, reviewers, guidelines) is read the same way: the rows its own filter
// selects, a page in the ordering asked for, and how many there are. Only the table, the filter and the
// orderings differ.

export interface FilteredListing<Row, Filter, Args> {
  list(reader: Reader, args: Args): Promise<Page<Row>>;
  count(reader: Reader, filter?: Filter | null): Promise<number>;
}

/** The listing of the rows `selected` picks by a filter, paged in the ordering `orderOf` reads from the request. */
export function filteredListing<
  TB extends keyof Database,
  Row,
  Filter,
  Args extends PageRequest & { filter?: Filter | null },
>(
  selected: (reader: Reader, filter: Filter | null | undefined) => SelectQueryBuilder<Database, TB, Row>,
  orderOf: (args: Args) => KeysetOrder,
): FilteredListing<Row, Filter, Args> {
  return {
    list: (reader, args) => filteredPage(orderOf(args), args, selected(reader, args.filter)),
    count: (reader, filter) => countSelected(selected(reader, filter)),
  };
}
