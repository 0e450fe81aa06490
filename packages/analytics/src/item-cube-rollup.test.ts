import type { ItemDimension } from '@imr/store/dimensions';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cubeOfItems } from '../test-support/cube-of-items';
import { cubeTallies, rollupCovers } from './cube-tallies';
import type { ItemCube } from './item-cube';

const rowArb = fc.record({
  decision: fc.constantFrom('UPHELD', 'UPHELD', 'OVERTURNED', 'PARTIALLY_OVERTURNED'),
  category: fc.constantFrom('PHARMACEUTICAL', 'PHYSICAL_MEDICINE', 'SURGERY', null),
  drugClass: fc.constantFrom('OPIOID', 'NSAID', null),
  priority: fc.constantFrom('STANDARD', 'EXPEDITED'),
  treatment: fc.constantFrom('MASSAGE', 'ACUPUNCTURE', 'OPIOID'),
  date: fc.option(fc.constantFrom('2014-01-02', '2014-01-03', '2015-06-30', '2019-12-31'), { nil: null }),
});

type Row = typeof rowArb extends fc.Arbitrary<infer R> ? R : never;

function cubeOf(rows: Row[]): ItemCube {
  return cubeOfItems(
    rows.map((r, i) => ({
      reviewerId: (i % 3) + 1,
      dateDecision: r.date,
      values: {
        decision: r.decision,
        category: r.category,
        decisionYear: r.date ? Number(r.date.slice(0, 4)) : null,
        decisionMonth: r.date ? r.date.slice(0, 7) : null,
        drugClass: r.drugClass,
        treatment: r.treatment,
        priority: r.priority,
      },
    })),
  );
}

const sorted = (answer: ReturnType<typeof cubeTallies>) => ({
  total: answer.total,
  groups: [...answer.groups].sort((a, b) =>
    JSON.stringify(a.keyValues).localeCompare(JSON.stringify(b.keyValues)),
  ),
});

describe('item cube rollup', () => {
  it('answers what it covers exactly as the items do, from fewer positions', () => {
    const coveredDims: ItemDimension[] = [
      'CATEGORY',
      'DECISION_YEAR',
      'DECISION_MONTH',
      'DRUG_CLASS',
      'PRIORITY',
      'DECISION',
    ];
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 200, maxLength: 400 }),
        fc.shuffledSubarray(coveredDims, { maxLength: 4 }),
        fc.record(
          {
            priorities: fc.subarray(['STANDARD', 'EXPEDITED'], { minLength: 1 }),
            categories: fc.subarray(['PHARMACEUTICAL', 'SURGERY'], { minLength: 1 }),
            decisionDateFrom: fc.constantFrom('2014-01-03', '2015-01-01'),
            decisionDateTo: fc.constantFrom('2014-01-02', '2019-12-31'),
          },
          { requiredKeys: [] },
        ),
        (rows, groupBy, filter) => {
          const cube = cubeOf(rows);
          expect(cube.rollup).not.toBeNull();
          expect(cube.rollup!.size).toBeLessThan(cube.size);
          expect(rollupCovers(filter, groupBy)).toBe(true);
          const fromItems = cubeTallies({ ...cube, rollup: null }, filter, groupBy);
          expect(sorted(cubeTallies(cube, filter, groupBy))).toEqual(sorted(fromItems));
          expect(fromItems.total.count).toBeLessThanOrEqual(rows.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('leaves questions about other dimensions to the items', () => {
    expect(rollupCovers({ treatments: ['MASSAGE'] }, ['CATEGORY'])).toBe(false);
    expect(rollupCovers({ treatments: [] }, ['CATEGORY'])).toBe(true);
    expect(rollupCovers({}, ['TREATMENT'])).toBe(false);
    expect(rollupCovers({ injuryDateFrom: '2014-01-01' }, [])).toBe(false);
    expect(rollupCovers({ decisionDateFrom: '2014-01-01', drugClasses: ['OPIOID'] }, ['DECISION_YEAR'])).toBe(
      true,
    );
  });
});
