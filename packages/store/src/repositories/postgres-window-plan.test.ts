import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EPOCH_BITS,
  epochsOfSpan,
  firstWindowPath,
  nextSpan,
  SPAN_MARGIN,
  WALK_DENSITY,
} from './postgres-window-plan';

describe('firstWindowPath', () => {
  it('leaves the planner the words with fewer matches than the window, and the common ones', () => {
    expect(firstWindowPath({ matches: 9_000, rows: 2_000_000 }, 10_000)).toEqual({ path: 'planner' });
    expect(firstWindowPath({ matches: 1_200_000, rows: 2_000_000 }, 10_000)).toEqual({ path: 'planner' });
    expect(firstWindowPath({ matches: 0, rows: 0 }, 10_000)).toEqual({ path: 'planner' });
    expect(firstWindowPath({ matches: Number.NaN, rows: 2_000_000 }, 10_000)).toEqual({ path: 'planner' });
  });

  it('sizes the span of a mid-frequency word from its density, with a margin', () => {
    // "cervicobrachial" in the generated items: 2.6 % of two million.
    const plan = firstWindowPath({ matches: 52_000, rows: 2_000_000 }, 10_000);
    expect(plan).toEqual({ path: 'bitmap', span: Math.ceil((SPAN_MARGIN * 10_001) / 0.026) });
  });

  it('reads the whole table from the index when the span would cover it', () => {
    expect(firstWindowPath({ matches: 12_000, rows: 200_000 }, 10_000)).toEqual({
      path: 'bitmap',
      span: null,
    });
  });

  it('never walks below the walk density, never spans fewer ids than the window needs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 50_000 }),
        (rows, share, window) => {
          const matches = Math.round(rows * share);
          const plan = firstWindowPath({ matches, rows }, window);
          if (matches <= window || matches / rows >= WALK_DENSITY) {
            expect(plan).toEqual({ path: 'planner' });
          } else {
            expect(plan.path).toBe('bitmap');
            if (plan.path === 'bitmap' && plan.span !== null) {
              expect(plan.span).toBeGreaterThan(window);
              expect(plan.span).toBeLessThan(rows);
            }
          }
        },
      ),
    );
  });
});

describe('nextSpan', () => {
  it('widens from the density met, at least twofold, to the whole table at worst', () => {
    // 100 matches in 10,000 ids: 1 %, so SPAN_MARGIN × 1,001 / 0.01 ids.
    expect(nextSpan(10_000, 100, 1_000, 1_000_000)).toBe(Math.ceil((SPAN_MARGIN * 1_001) / 0.01));
    // A density as expected but a few short: still twice as wide.
    expect(nextSpan(10_000, 990, 1_000, 1_000_000)).toBe(20_000);
    expect(nextSpan(10_000, 0, 1_000, 1_000_000)).toBeNull();
    expect(nextSpan(600_000, 900, 1_000, 1_000_000)).toBeNull();
  });

  it('reaches the whole table in a few steps from any start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5_000_000 }),
        fc.integer({ min: 1, max: 50_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        (rows, window, short) => {
          let span: number | null = Math.max(1, Math.floor(rows / 1_000));
          let steps = 0;
          while (span !== null) {
            const found = Math.min(window, short);
            const next: number | null = nextSpan(span, found, window, rows);
            if (next !== null) expect(next).toBeGreaterThanOrEqual(2 * span);
            span = next;
            steps++;
          }
          expect(steps).toBeLessThanOrEqual(11);
        },
      ),
    );
  });
});

describe('epochsOfSpan', () => {
  it('lists the epochs of the newest ids, newest first, and how many ids they hold', () => {
    const size = 2 ** EPOCH_BITS;
    expect(epochsOfSpan(4_027_260, 500_000)).toEqual({
      epochs: [61, 60, 59, 58, 57, 56, 55, 54, 53],
      covered: 4_027_260 - 53 * size + 1,
    });
    expect(epochsOfSpan(100, 5)).toEqual({ epochs: [0], covered: 101 });
    expect(epochsOfSpan(size, 1)).toEqual({ epochs: [1], covered: 1 });
    expect(epochsOfSpan(size, 2)).toEqual({ epochs: [1, 0], covered: size + 1 });
  });

  it('covers every id of the span and no epoch wholly outside it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (maxId, span) => {
          const { epochs, covered } = epochsOfSpan(maxId, span);
          const lowest = Math.max(0, maxId - span + 1);
          expect(epochs[0]).toBe(maxId >> EPOCH_BITS);
          expect(epochs.at(-1)).toBe(lowest >> EPOCH_BITS);
          for (let i = 1; i < epochs.length; i++) expect(epochs[i]).toBe((epochs[i - 1] ?? 0) - 1);
          expect(covered).toBeGreaterThanOrEqual(Math.min(span, maxId));
          expect(covered - Math.min(span, maxId + 1)).toBeLessThan(2 ** EPOCH_BITS);
        },
      ),
    );
  });
});
