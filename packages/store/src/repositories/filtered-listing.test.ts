import { expect, it } from 'vitest';
import { goldLetters } from '../../test-support/gold-letters.fixture';
import { describeEachBackend } from '../../test-support/test-store';
import { writeTransaction } from '../client';
import type { CaseRow } from '../database';
import { CASE_ORDERS, type CaseOrder, caseOrder, listCases } from './case.repository';
import { ITEM_ORDERS, type ItemOrder, itemOrder, listItems } from './item.repository';
import { type Cursor, filteredPage, type Page, type PageRequest } from './keyset';
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

describeEachBackend('unfiltered list pages', (backend) => {
  it('are the pages a filtered list builds, in every ordering of cases and items', async () => {
    const store = await backend.open();
    await writeTransaction(store, (tx) => saveLetters(tx, goldLetters()));
    const ids = (table: 'cases' | 'items') =>
      store.db
        .selectFrom(table)
        .select('id')
        .execute()
        .then((rows) => rows.map((r) => r.id).sort());
    const caseCount = (await ids('cases')).length;
    const itemCount = (await ids('items')).length;
    const undated = await store.db
      .selectFrom('cases')
      .select('id')
      .where('dateDecision', 'is', null)
      .execute();
    // Letters without a decision date put cases in the NULL segment of the date orderings.
    expect(undated.length).toBeGreaterThan(0);

    for (const name of Object.keys(CASE_ORDERS) as CaseOrder[]) {
      const order = caseOrder(name);
      const keyOf = (row: CaseRow) =>
        order.column === null ? null : row[order.column.split('.')[1] as keyof CaseRow];
      const cursorOf = (row: CaseRow): Cursor => ({
        order: order.name,
        key: keyOf(row) as Cursor['key'],
        id: row.id,
      });
      for (const first of [1, 2, 3, caseCount]) {
        const shaped = await walk(first, (r) => listCases(store, { ...r, order: name }), cursorOf);
        const built = await walk(
          first,
          (r) => filteredPage(order, r, store.db.selectFrom('cases').selectAll('cases')),
          cursorOf,
        );
        expect(shaped, `${name}, ${first} a page`).toEqual(built);
        expect(shaped.flat().length).toBe(caseCount);
      }
    }
    for (const name of Object.keys(ITEM_ORDERS) as ItemOrder[]) {
      const order = itemOrder(name);
      const column = order.column?.split('.')[1];
      const cursorOf = (row: { id: number }): Cursor => ({
        order: order.name,
        key: column === undefined ? null : ((row as Record<string, unknown>)[column] as Cursor['key']),
        id: row.id,
      });
      for (const first of [1, 3, itemCount]) {
        const shaped = await walk(first, (r) => listItems(store, { ...r, order: name }), cursorOf);
        const built = await walk(
          first,
          (r) => filteredPage(order, r, store.db.selectFrom('items').selectAll('items')),
          cursorOf,
        );
        expect(shaped, `${name}, ${first} a page`).toEqual(built);
        expect(shaped.flat().length).toBe(itemCount);
      }
    }
    await store.close();
  });
});
