import type { SelectQueryBuilder } from 'kysely';
import type { Database } from '../database';
import { isFilterSet } from './item-filter';
import {
  countSelected,
  filteredPage,
  type KeysetOrder,
  type Page,
  type PageRequest,
  type Reader,
  shapedPage,
} from './keyset';

// Every top-level list (cases, items, reviewers, guidelines) is read the same way: the rows its own filter
// selects, a page in the ordering asked for, and how many there are. Only the table, the filter and the
// orderings differ.
//
// A page without a filter is what clients ask most (GraphiQL's first query, a notebook walking every case), and
// its text depends only on the ordering and whether a cursor is given: it is built once per shape
// (shaped-statement.ts) rather than through Kysely's builder on every request: a profile of the server at 100k
// letters (PostgreSQL) had 0.15 ms of a 20-item page's request in the builder, more than SQLite takes to read it.

export interface FilteredListing<Row, Filter, Args> {
  list(reader: Reader, args: Args): Promise<Page<Row>>;
  count(reader: Reader, filter?: Filter | null): Promise<number>;
}

/**
 * The listing of the rows `selected` picks by a filter, paged in the ordering `orderOf` reads from the request.
 * `name` tells its shaped statements from other listings' (the table's name will do).
 */
export function filteredListing<
  TB extends keyof Database,
  Row,
  Filter extends object,
  Args extends PageRequest & { filter?: Filter | null },
>(
  name: string,
  selected: (reader: Reader, filter: Filter | null | undefined) => SelectQueryBuilder<Database, TB, Row>,
  orderOf: (args: Args) => KeysetOrder,
): FilteredListing<Row, Filter, Args> {
  return {
    list: (reader, args) =>
      isFilterSet(args.filter)
        ? filteredPage(orderOf(args), args, selected(reader, args.filter))
        : shapedPage(reader, `listing:${name}`, orderOf(args), args, () => selected(reader, null)),
    count: (reader, filter) => countSelected(selected(reader, filter)),
  };
}
