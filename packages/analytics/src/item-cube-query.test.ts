import type { ItemFilter } from '@imr/store/repositories/item-filter';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cubeOfItems } from '../test-support/cube-of-items';
import { selectItems } from './item-cube-query';

// The selection with and without postings (a narrow condition starts from its value's positions, a broad one
// tests every position of the range) against the filter's meaning applied row by row.

const SPECIALTIES = [['Pain Medicine'], ['Orthopaedic Surgery', 'Pain Medicine'], [], ['Psychiatry']];

const rowArb = fc.record({
  decision: fc.constantFrom('UPHELD', 'UPHELD', 'OVERTURNED', 'PARTIALLY_OVERTURNED'),
  category: fc.constantFrom('PHARMACEUTICAL', 'PHYSICAL_MEDICINE', 'SURGERY', 'DME', null),
  drugClass: fc.constantFrom('OPIOID', 'NSAID', null),
  reviewer: fc.constantFrom(0, 1, 2, 3, null),
  date: fc.option(fc.constantFrom('2014-01-02', '2014-01-03', '2015-06-30', '2019-12-31'), { nil: null }),
});
type Row = typeof rowArb extends fc.Arbitrary<infer R> ? R : never;

const filterArb = fc.record(
  {
    decisions: fc.subarray(['UPHELD', 'OVERTURNED', 'UNKNOWN'], { minLength: 1 }),
    categories: fc.subarray(['PHARMACEUTICAL', 'SURGERY', 'DME', 'NOT_A_CATEGORY'], { minLength: 1 }),
    drugClasses: fc.subarray(['OPIOID', 'NSAID'], { minLength: 1 }),
    reviewerSpecialties: fc.subarray(['Pain Medicine', 'Orthopaedic Surgery', 'Psychiatry'], {
      minLength: 1,
    }),
    decisionDateFrom: fc.constantFrom('2014-01-03', '2015-01-01'),
    decisionDateTo: fc.constantFrom('2014-01-02', '2019-12-31'),
  },
  { requiredKeys: [] },
);

function cubeOf(rows: Row[]) {
  return cubeOfItems(
    rows.map((r) => ({
      reviewerId: r.reviewer,
      dateDecision: r.date,
      values: { decision: r.decision, category: r.category, drugClass: r.drugClass },
    })),
    {
      reviewerSpecialties: SPECIALTIES.flatMap((list, reviewerId) =>
        list.map((specialty) => ({ reviewerId, specialty })),
      ),
    },
  );
}

function matches(row: Row, f: ItemFilter): boolean {
  const within = (values: readonly string[] | null | undefined, value: string | null) =>
    !values || (value !== null && values.includes(value));
  if (!within(f.decisions, row.decision)) return false;
  if (!within(f.categories, row.category)) return false;
  if (!within(f.drugClasses, row.drugClass)) return false;
  if (f.reviewerSpecialties) {
    const held = row.reviewer === null ? [] : SPECIALTIES[row.reviewer]!;
    if (!held.some((s) => f.reviewerSpecialties!.includes(s))) return false;
  }
  if (f.decisionDateFrom && (row.date === null || row.date < f.decisionDateFrom)) return false;
  if (f.decisionDateTo && (row.date === null || row.date > f.decisionDateTo)) return false;
  return true;
}

describe('selectItems', () => {
  it('selects the items the filter means, from postings or from the range alike', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 300 }), filterArb, (rows, filter) => {
        const cube = cubeOf(rows);
        const expected = rows.flatMap((r, i) => (matches(r, filter) ? [i + 1] : []));
        for (const share of [0, 0.25, 1]) {
          const { begin, end, positions } = selectItems(cube, filter, share);
          const selected = positions
            ? [...positions]
            : Array.from({ length: end - begin }, (_, k) => begin + k);
          // Ascending and each once: the consumers count per position.
          expect(selected).toEqual([...new Set(selected)].sort((a, b) => a - b));
          expect(selected.every((i) => i >= begin && i < end)).toBe(true);
          expect(selected.map((i) => cube.ids[i]!).sort((a, b) => a - b)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
