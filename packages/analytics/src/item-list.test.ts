import { writeTransaction } from '@imr/store/client';
import type { ItemOrder } from '@imr/store/repositories/item.repository';
import type { ItemFilter } from '@imr/store/repositories/item-filter';
import type { Cursor, Reader } from '@imr/store/repositories/keyset';
import { saveLetters } from '@imr/store/repositories/letter.repository';
import { letterBatchArb, toLetterToSave } from '@imr/store/test-support/letter.arbitrary';
import { describeEachBackend } from '@imr/store/test-support/test-store';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { buildItemCube, dropItemCube, freshItemCube } from './item-cube-snapshot';
import { countItems, listItems } from './item-list';

const filterArb: fc.Arbitrary<ItemFilter> = fc.record(
  {
    decisions: fc.subarray(['UPHELD', 'OVERTURNED', 'PARTIALLY_OVERTURNED'], { minLength: 1 }),
    categories: fc.subarray(['PHARMACEUTICAL', 'PHYSICAL_MEDICINE', 'SURGERY'], { minLength: 1 }),
    drugClasses: fc.subarray(['OPIOID', 'NSAID', 'MUSCLE_RELAXANT'], { minLength: 1 }),
    reviewerSpecialties: fc.subarray(['Pain Medicine', 'Orthopaedic Surgery'], { minLength: 1 }),
    bodyRegions: fc.subarray(['CERVICAL_SPINE', 'LUMBAR_SPINE', 'KNEE'], { minLength: 1 }),
    decisionDateFrom: fc.constantFrom('2014-01-01', '2014-02-20'),
    decisionDateTo: fc.constantFrom('2014-01-31', '2015-12-31'),
  },
  { requiredKeys: [] },
);

const ORDERS: ItemOrder[] = ['INGESTED_ASC', 'INGESTED_DESC'];

/** Every page of the filter's items, `first` at a time, as ids, and the count. */
async function walk(reader: Reader, filter: ItemFilter, order: ItemOrder, first: number) {
  const pages: number[][] = [];
  let after: Cursor | null = null;
  for (;;) {
    const page = await listItems(reader, { filter, order, first, after });
    pages.push(page.rows.map((r) => r.id));
    const last = page.rows.at(-1);
    if (!page.hasNextPage || !last) break;
    after = { order, key: null, id: last.id };
  }
  return { pages, count: await countItems(reader, filter) };
}

describeEachBackend('items from the cube', (backend) => {
  it('pages and counts as SQL does, cursor by cursor, in both id orders', async () => {
    await fc.assert(
      fc.asyncProperty(
        letterBatchArb(40),
        fc.array(
          fc.tuple(
            fc.oneof(fc.constant({}), filterArb),
            fc.constantFrom(...ORDERS),
            fc.integer({ min: 1, max: 7 }),
          ),
          {
            minLength: 8,
            maxLength: 8,
          },
        ),
        async (letters, questions) => {
          const store = await backend.open();
          try {
            await writeTransaction(store, (tx) => saveLetters(tx, letters.map(toLetterToSave)));
            await buildItemCube(store.db, store.dialect);
            expect(await freshItemCube(store.db, store.dialect)).not.toBeNull();
            const fromCube = [];
            for (const [filter, order, first] of questions)
              fromCube.push(await walk(store, filter, order, first));
            // Below the cube's size threshold a dropped cube is not rebuilt: SQL answers the same questions.
            dropItemCube(store.db);
            expect(await freshItemCube(store.db, store.dialect)).toBeNull();
            const fromSql = [];
            for (const [filter, order, first] of questions)
              fromSql.push(await walk(store, filter, order, first));
            expect(fromCube).toEqual(fromSql);
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: backend.dialect === 'sqlite' ? 10 : 2 },
    );
  });
});
