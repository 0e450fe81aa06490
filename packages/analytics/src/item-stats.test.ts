import { openStore, writeTransaction } from '@imr/store/client';
import { ITEM_DIMENSIONS, isTimeDimension } from '@imr/store/dimensions';
import { saveLetters } from '@imr/store/repositories/letter.repository';
import { letterBatchArb, toLetterToSave } from '@imr/store/test-support/letter.arbitrary';
import { describeEachBackend } from '@imr/store/test-support/test-store';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { DecisionTally } from './decision-tally';
import { compareKeyValues } from './group-order';
import { buildItemCube, freshItemCube, warmItemCube } from './item-cube-snapshot';
import { itemStats } from './item-stats';
import { type ReferenceFilter, referenceItemStats } from './item-stats.reference';

const filterFieldsArb: fc.Arbitrary<ReferenceFilter> = fc.record(
  {
    decisions: fc.subarray(['UPHELD', 'OVERTURNED', 'PARTIALLY_OVERTURNED', 'UNKNOWN'], { minLength: 1 }),
    categories: fc.subarray(['PHARMACEUTICAL', 'PHYSICAL_MEDICINE', 'SURGERY'], { minLength: 1 }),
    priorities: fc.subarray(['STANDARD', 'EXPEDITED'], { minLength: 1 }),
    bodyRegions: fc.subarray(['CERVICAL_SPINE', 'LUMBAR_SPINE', 'KNEE'], { minLength: 1 }),
    reviewerSpecialties: fc.subarray(['Pain Medicine', 'Orthopaedic Surgery'], { minLength: 1 }),
    reviewerStates: fc.subarray(['CA', 'NY', 'TX'], { minLength: 1 }),
    guidelineSources: fc.subarray(['MTUS', 'ODG', 'NONE'], { minLength: 1 }),
    decisionDateFrom: fc.constantFrom('2014-01-01', '2014-02-20'),
    decisionDateTo: fc.constantFrom('2014-01-31', '2015-12-31'),
  },
  { requiredKeys: [] },
);

// At most two fields: over a few dozen letters, more conditions would match nothing most of the time.
const filterArb: fc.Arbitrary<ReferenceFilter> = fc.oneof(
  fc.constant({}),
  // Any two of the fields, not the first two declared: date bounds must come up as often as the rest.
  filterFieldsArb.chain((f) =>
    fc
      .shuffledSubarray(Object.entries(f), { maxLength: 2 })
      .map((entries) => Object.fromEntries(entries) as ReferenceFilter),
  ),
);

const queryArb = fc.record({
  filter: filterArb,
  groupBy: fc.shuffledSubarray([...ITEM_DIMENSIONS], { maxLength: 3 }),
});

const tallyOf = (g: DecisionTally): DecisionTally => ({
  count: g.count,
  upheld: g.upheld,
  overturned: g.overturned,
  partiallyOverturned: g.partiallyOverturned,
  unknown: g.unknown,
});

describeEachBackend('itemStats', (backend) => {
  const runs = backend.dialect === 'sqlite' ? 12 : 3;

  it('agrees with counts computed in plain JS over the same random letters', async () => {
    await fc.assert(
      fc.asyncProperty(
        letterBatchArb(60),
        fc.array(queryArb, { minLength: 15, maxLength: 15 }),
        async (letters, queries) => {
          const store = await backend.open();
          try {
            await writeTransaction(store, (tx) => saveLetters(tx, letters.map(toLetterToSave)));
            await buildItemCube(store.db, store.dialect);
            expect(await freshItemCube(store.db, store.dialect)).not.toBeNull();
            for (const { filter, groupBy } of queries) {
              const expected = referenceItemStats(letters, filter, groupBy);
              // The same question from SQL and from the in-memory cube: both must match the reference.
              const fromSql = await itemStats(store.db, { filter, groupBy }, store.dialect, 'sql');
              const actual = await itemStats(store.db, { filter, groupBy }, store.dialect, 'auto');
              expect(actual).toEqual(fromSql);
              expect(tallyOf(actual.total)).toEqual(expected.total);
              const byKey = new Map(actual.groups.map((g) => [JSON.stringify(g.keyValues), tallyOf(g)]));
              if (groupBy.length === 0) {
                expect(byKey.size).toBe(expected.total.count > 0 ? 1 : 0);
                continue;
              }
              expect(Object.fromEntries(byKey)).toEqual(Object.fromEntries(expected.groups));
              expect(actual.groupCount).toBe(expected.groups.size);
              // Grouped by time, groups come in key order (a time series) unless asked otherwise.
              if (groupBy.some(isTimeDimension)) {
                const keys = actual.groups.map((g) => g.keyValues);
                const sorted = [...keys].sort((a, b) => {
                  for (let i = 0; i < a.length; i++) {
                    const c = compareKeyValues(a[i], b[i]);
                    if (c !== 0) return c;
                  }
                  return 0;
                });
                expect(keys).toEqual(sorted);
              }
            }
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: runs },
    );
  });

  it('is not warmed at start for a store small enough for SQL', async () => {
    const store = await backend.open();
    try {
      const letters = fc.sample(letterBatchArb(20), { numRuns: 1, seed: 3 })[0] ?? [];
      await writeTransaction(store, (tx) => saveLetters(tx, letters.map(toLetterToSave)));
      expect(await warmItemCube(store.db, store.dialect)).toBeNull();
      expect(await freshItemCube(store.db, store.dialect)).toBeNull();
    } finally {
      await store.close();
    }
  });
  it('is not used by a read-only store once another connection commits', async () => {
    const target = await backend.freshTarget();
    const writer = await openStore(target);
    const [first = [], second = []] = fc.sample(letterBatchArb(20), { numRuns: 2, seed: 5 });
    await writeTransaction(writer, (tx) => saveLetters(tx, first.map(toLetterToSave)));
    const reader = await openStore(target, { readonly: true });
    try {
      await buildItemCube(reader.db, reader.dialect);
      expect(await freshItemCube(reader.db, reader.dialect)).not.toBeNull();
      await writeTransaction(writer, (tx) =>
        saveLetters(
          tx,
          // Case numbers of their own: the first batch's numbers would replace its letters.
          second.map((letter, k) =>
            toLetterToSave({ ...letter, caseNumber: `CM99-${String(k).padStart(7, '0')}` }, first.length + k),
          ),
        ),
      );
      expect(await freshItemCube(reader.db, reader.dialect)).toBeNull();
      await buildItemCube(reader.db, reader.dialect);
      expect(await freshItemCube(reader.db, reader.dialect)).not.toBeNull();
    } finally {
      await reader.close();
      await writer.close();
    }
  });
});
