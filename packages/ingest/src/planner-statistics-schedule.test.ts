import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIRST_REFRESH_AT_LETTERS, PlannerStatisticsSchedule } from './planner-statistics-schedule';

/** The store sizes at which a run that writes `batch` letters at a time refreshes, up to `total` letters. */
function refreshesOf(
  schedule: PlannerStatisticsSchedule,
  start: number,
  batch: number,
  total: number,
): number[] {
  const at: number[] = [];
  for (let letters = start; letters < total; ) {
    letters += batch;
    if (schedule.stored(batch)) at.push(letters);
  }
  return at;
}

describe('PlannerStatisticsSchedule', () => {
  it('refreshes a new store at its first few thousand letters, then each time it has doubled', () => {
    expect(refreshesOf(new PlannerStatisticsSchedule(0), 0, 500, 2_000_000)).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000, 1_280_000,
    ]);
  });

  it('leaves a large store alone until the run has doubled it', () => {
    expect(refreshesOf(new PlannerStatisticsSchedule(1_000_000), 1_000_000, 500, 2_500_000)).toEqual([
      2_000_000,
    ]);
    expect(refreshesOf(new PlannerStatisticsSchedule(1_000_000), 1_000_000, 500, 1_999_500)).toEqual([]);
  });

  it('never refreshes a run of a few hundred letters', () => {
    expect(refreshesOf(new PlannerStatisticsSchedule(0), 0, 200, 4_800)).toEqual([]);
    expect(refreshesOf(new PlannerStatisticsSchedule(300), 300, 1, 4_999)).toEqual([]);
  });

  it('refreshes exactly when the store reaches twice its size at the last refresh (or the first refresh size)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 3_000_000 }),
        fc.array(fc.integer({ min: 0, max: 20_000 }), { maxLength: 300 }),
        (start, batches) => {
          const schedule = new PlannerStatisticsSchedule(start);
          let letters = start;
          let refreshedAt = start;
          for (const stored of batches) {
            letters += stored;
            const due = letters >= Math.max(FIRST_REFRESH_AT_LETTERS, 2 * refreshedAt);
            expect(schedule.stored(stored)).toBe(due);
            if (due) refreshedAt = letters;
          }
        },
      ),
    );
  });
});
