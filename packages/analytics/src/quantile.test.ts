import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HistogramBin, quantileOfHistogram, quantileOfSorted, summarizeHistogram } from './quantile';

/** Collapses values into a histogram in a shuffled-looking order (by insertion), as SQL GROUP BY may return. */
function histogramOf(values: readonly number[]): HistogramBin[] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count }));
}

const sortedAsc = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

describe('quantileOfSorted', () => {
  it('interpolates between closest ranks (type 7)', () => {
    expect(quantileOfSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileOfSorted([3], 0.9)).toBe(3);
    expect(quantileOfSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12);
    expect(quantileOfSorted([10, 20, 30], 0)).toBe(10);
    expect(quantileOfSorted([10, 20, 30], 1)).toBe(30);
    expect(quantileOfSorted([], 0.5)).toBeNull();
    expect(() => quantileOfSorted([1], 1.5)).toThrow(RangeError);
  });

  it('is monotone in q and bounded by min and max', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, q1, q2) => {
          const sorted = sortedAsc(values);
          const [lo, hi] = q1 <= q2 ? [q1, q2] : [q2, q1];
          const a = quantileOfSorted(sorted, lo)!;
          const b = quantileOfSorted(sorted, hi)!;
          expect(a).toBeLessThanOrEqual(b + 1e-9);
          expect(a).toBeGreaterThanOrEqual(sorted[0]! - 1e-9);
          expect(b).toBeLessThanOrEqual(sorted[sorted.length - 1]! + 1e-9);
        },
      ),
    );
  });
});

describe('quantileOfHistogram', () => {
  it('equals the quantile of the expanded values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, q) => {
          const sorted = sortedAsc(values);
          const bins = histogramOf(values).sort((x, y) => x.value - y.value);
          expect(quantileOfHistogram(bins, q)).toBeCloseTo(quantileOfSorted(sorted, q)!, 9);
        },
      ),
    );
  });
});

describe('summarizeHistogram', () => {
  it('agrees with plain arithmetic over the expanded values, whatever the bin order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 300 }), (values) => {
        const summary = summarizeHistogram(histogramOf(values).reverse());
        const sorted = sortedAsc(values);
        expect(summary.count).toBe(values.length);
        if (values.length === 0) {
          expect(summary).toEqual({ count: 0, mean: null, median: null, p90: null, min: null, max: null });
          return;
        }
        expect(summary.mean).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 9);
        expect(summary.median).toBeCloseTo(quantileOfSorted(sorted, 0.5)!, 9);
        expect(summary.p90).toBeCloseTo(quantileOfSorted(sorted, 0.9)!, 9);
        expect(summary.min).toBe(sorted[0]);
        expect(summary.max).toBe(sorted[sorted.length - 1]);
      }),
    );
  });

  it('gives the median of an odd and an even count', () => {
    expect(summarizeHistogram([{ value: 53, count: 1 }]).median).toBe(53);
    expect(
      summarizeHistogram([
        { value: 21, count: 1 },
        { value: 53, count: 1 },
      ]).median,
    ).toBe(37);
  });
});
