import { expect, it } from 'vitest';
import { goldLetters } from '../../test-support/gold-letters.fixture';
import { describeEachBackend } from '../../test-support/test-store';
import { writeTransaction } from '../client';
import { CASE_ORDERS, type CaseOrder, caseOrder, listCases } from './case.repository';
import { ITEM_ORDERS, type ItemOrder, itemOrder, listItems } from './item.repository';
import {
  type Cursor,
  filteredPage,
  type KeysetOrder,
  type Page,
  type PageRequest,
  type Reader,
} from './keyset';
import { saveLetters } from './letter.repository';

// An unfiltered list page runs a statement compiled once per shape (shapedPage); a filtered one is built by
// Kysely every time (filteredPage). Both must give the same pages: walked here in every ordering, page sizes
// that split each segment differently, over the gold letters (some without a decision date: a NULL segment).

async function walk<Row extends { id: number }>(
  first: number,
  page: (request: PageRequest) => Promise<Page<Row>>,
  cursorOf: (row: Row) => Cursor,
): Promise<number[][]> {
  const pages: number[][] = [];
  let after: Cursor | null = null;
  for (;;) {
    const { rows, hasNextPage }: Page<Row> = await page({ first, after });
    pages.push(rows.map((r) => r.id));
    const last = rows.at(-1);
    if (!hasNextPage || !last) return pages;
    after = cursorOf(last);
  }
}

type Row = { id: number } & Record<string, unknown>;

/**
 * Walks every page of `table` in each ordering, `first` rows a page, through the listing (`list`, unfiltered:
 * shaped) and through filteredPage over the same table, and expects the same pages, every row once.
 */
async function expectShapedWalksAsBuilt(
  store: Reader,
  table: 'cases' | 'items',
  orders: readonly { name: string; order: KeysetOrder }[],
  list: (request: PageRequest, orderName: string) => Promise<Page<Row>>,
  sizes: readonly number[],
): Promise<void> {
  const rows = (await store.db.selectFrom(table).select('id').execute()).length;
  for (const { name, order } of orders) {
    const column = order.column?.split('.')[1];
    const cursorOf = (row: Row): Cursor => ({
      order: order.name,
      key: column === undefined ? null : (row[column] as Cursor['key']),
      id: row.id,
    });
    for (const first of [...sizes, rows]) {
      const shaped = await walk(first, (r) => list(r, name), cursorOf);
      const built = await walk(
        first,
        (r) => filteredPage(order, r, store.db.selectFrom(table).selectAll(table)) as Promise<Page<Row>>,
        cursorOf,
      );
      expect(shaped, `${table} ${name}, ${first} a page`).toEqual(built);
      expect(shaped.flat().length).toBe(rows);
    }
  }
}

describeEachBackend('unfiltered list pages', (backend) => {
  it('are the pages a filtered list builds, in every ordering of cases and items', async () => {
    const store = await backend.open();
    await writeTransaction(store, (tx) => saveLetters(tx, goldLetters()));
    const undated = await store.db
      .selectFrom('cases')
      .select('id')
      .where('dateDecision', 'is', null)
      .execute();
    // Letters without a decision date put cases in the NULL segment of the date orderings.
    expect(undated.length).toBeGreaterThan(0);

    const caseOrders = (Object.keys(CASE_ORDERS) as CaseOrder[]).map((name) => ({
      name,
      order: caseOrder(name),
    }));
    await expectShapedWalksAsBuilt(
      store,
      'cases',
      caseOrders,
      (r, order) => listCases(store, { ...r, order: order as CaseOrder }) as Promise<Page<Row>>,
      [1, 2, 3],
    );
    const itemOrders = (Object.keys(ITEM_ORDERS) as ItemOrder[]).map((name) => ({
      name,
      order: itemOrder(name),
    }));
    await expectShapedWalksAsBuilt(
      store,
      'items',
      itemOrders,
      (r, order) => listItems(store, { ...r, order: order as ItemOrder }) as Promise<Page<Row>>,
      [1, 3],
    );
    await store.close();
  });
});
