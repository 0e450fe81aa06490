import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { CaseRow, Database } from '../database';
import { CASE_COLUMNS } from './entity-columns';
import { filteredListing } from './filtered-listing';
import {
  type CaseFieldFilter,
  caseFieldConditions,
  type ItemFilter,
  itemFilterCondition,
  some,
} from './item-filter';
import {
  type Cursor,
  type KeysetOrder,
  listsByParent,
  type Page,
  type PageRequest,
  pagesByParent,
  type Reader,
  unionOfArms,
} from './keyset';
import { keyIn, keyList, rowCountsByParent, rowsByIds } from './rows-by-key';
import { runShaped } from './shaped-statement';

/** Case-level filters combine with AND; lists mean "any of". Dates are ISO yyyy-mm-dd, inclusive. */
export interface CaseFilter extends CaseFieldFilter {
  caseNumbers?: readonly string[] | null;
  /** Cases with at least one item matching this filter. */
  items?: ItemFilter | null;
}

// Orderings with an index behind them (cases_decision_date, cases_case_number; SQLite indexes end in the rowid),
// so every page is a range scan.
export const CASE_ORDERS = {
  DECISION_DATE_DESC: { column: 'cases.dateDecision', direction: 'desc' },
  DECISION_DATE_ASC: { column: 'cases.dateDecision', direction: 'asc' },
  CASE_NUMBER_ASC: { column: 'cases.caseNumber', direction: 'asc' },
  INGESTED_ASC: { column: null, direction: 'asc' },
  INGESTED_DESC: { column: null, direction: 'desc' },
} as const satisfies Record<string, Omit<KeysetOrder, 'name' | 'id'>>;
export type CaseOrder = keyof typeof CASE_ORDERS;

export function caseOrder(name: CaseOrder): KeysetOrder {
  return { name, id: 'cases.id', ...CASE_ORDERS[name] };
}

/** The sort key of a row under an ordering, for its cursor. */
export function caseSortKey(row: CaseRow, order: CaseOrder): Cursor['key'] {
  const column = CASE_ORDERS[order].column;
  if (column === 'cases.dateDecision') return row.dateDecision;
  if (column === 'cases.caseNumber') return row.caseNumber;
  return null;
}

export function caseFilterCondition(
  eb: ExpressionBuilder<Database, 'cases'>,
  filter: CaseFilter | null | undefined,
  dialect: Reader['dialect'],
): Expression<SqlBool> {
  const f = filter ?? {};
  const conditions: Expression<SqlBool>[] = [];
  if (some(f.caseNumbers)) conditions.push(eb('cases.caseNumber', 'in', f.caseNumbers));
  conditions.push(...caseFieldConditions(eb, 'cases', f, dialect));
  if (f.items) {
    const items = f.items;
    conditions.push(
      eb(
        'cases.id',
        'in',
        eb
          .selectFrom('items')
          .select('items.caseId')
          .where((ib) => itemFilterCondition(ib, items, dialect)),
      ),
    );
  }
  return eb.and(conditions);
}

export interface ListCasesArgs extends PageRequest {
  filter?: CaseFilter | null;
  order: CaseOrder;
}

export const { list: listCases, count: countCases } = filteredListing(
  'cases',
  ({ db, dialect }: Reader, filter: CaseFilter | null | undefined) =>
    db
      .selectFrom('cases')
      .select(CASE_COLUMNS)
      .where((eb) => caseFilterCondition(eb, filter, dialect)),
  (args: ListCasesArgs) => caseOrder(args.order),
);

export function casesByIds(reader: Reader, ids: readonly number[]): Promise<CaseRow[]> {
  return rowsByIds(reader, 'cases', ids);
}

/** A case by its published case number (e.g. CM14-0166055); the lowest id if a number was stored twice. */
export async function caseByNumber({ db }: Reader, caseNumber: string): Promise<CaseRow | undefined> {
  const [row] = await runShaped<CaseRow>(
    db,
    'caseByNumber',
    (value) =>
      db
        .selectFrom('cases')
        .select(CASE_COLUMNS)
        .where('caseNumber', '=', value<string>(0))
        .orderBy('id')
        .limit(value<number>(1)),
    [caseNumber.trim().toUpperCase(), 1],
  );
  return row;
}

export const REVIEWER_CASES_ORDER: KeysetOrder = {
  name: 'REVIEWER_CASES',
  column: null,
  id: 'cases.id',
  direction: 'desc',
};

/**
 * The first page of each reviewer's cases (newest ingested first), for many reviewers in one statement: a UNION
 * ALL of one range scan per reviewer, each stopping at its LIMIT, so a reviewer with 100 000 cases costs what one
 * with ten does (a window over the partition would read them all). A cursor applies only under the reviewer it
 * was issued for; the others start from their first case.
 */
export async function casePagesByReviewerIds(
  { db }: Reader,
  reviewerIds: readonly number[],
  request: PageRequest,
): Promise<Page<CaseRow>[]> {
  const after = request.after;
  const rows = await unionOfArms(reviewerIds, (reviewerId, alias) =>
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('cases')
          .select(CASE_COLUMNS)
          .where('reviewerId', '=', reviewerId)
          .$if(after?.parent === reviewerId, (qb) => qb.where('id', '<', after!.id))
          .orderBy('id', 'desc')
          .limit(request.first + 1)
          .as(alias),
      )
      .selectAll(),
  );
  // UNION ALL promises no order across arms: restore each page's.
  rows.sort((a, b) => b.id - a.id);
  return pagesByParent(reviewerIds, rows, (r) => r.reviewerId ?? 0, request.first);
}

export function caseCountsByReviewerIds(reader: Reader, reviewerIds: readonly number[]): Promise<number[]> {
  return rowCountsByParent(reader, 'cases', 'reviewerId', reviewerIds);
}

/** Diagnoses per case, in letter order. */
export async function diagnosesByCaseIds(
  { db, dialect }: Reader,
  caseIds: readonly number[],
): Promise<string[][]> {
  if (caseIds.length === 0) return [];
  const rows = await runShaped<{ caseId: number; text: string }>(
    db,
    'diagnosesByCaseIds',
    (value) =>
      db
        .selectFrom('diagnoses')
        .select(['caseId', 'text'])
        .where(keyIn(dialect, sql.ref('caseId'), value(0)))
        .orderBy('caseId')
        .orderBy('ordinal'),
    [keyList(dialect, caseIds)],
  );
  return listsByParent(caseIds, rows, (r) => r.caseId).map((list) => list.map((r) => r.text));
}
