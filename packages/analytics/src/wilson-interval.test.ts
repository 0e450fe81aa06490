import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson-interval';

describe('wilsonInterval', () => {
  it('matches published values', () => {
    // 1 overturned of 8 (the seeds' PHYSICAL_MEDICINE group).
    const eighth = wilsonInterval(1, 8)!;
    expect(eighth.low).toBeCloseTo(0.0224, 4);
    expect(eighth.high).toBeCloseTo(0.4709, 4);
    // Newcombe (1998), table I: 81/263 → 0.2553–0.3662.
    const newcombe = wilsonInterval(81, 263)!;
    expect(newcombe.low).toBeCloseTo(0.2553, 4);
    expect(newcombe.high).toBeCloseTo(0.3662, 4);
    // 0/10 → [0, 0.2775]; 10/10 → [0.7225, 1].
    expect(wilsonInterval(0, 10)!.low).toBe(0);
    expect(wilsonInterval(0, 10)!.high).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(10, 10)!.low).toBeCloseTo(0.7225, 4);
    expect(wilsonInterval(10, 10)!.high).toBe(1);
  });

  it('is null without trials and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(0.5, 2)).toThrow(RangeError);
  });

  it('contains the observed rate, stays in [0, 1] and is symmetric under swapping outcomes', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 1_000_000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([k, n]) => {
          const interval = wilsonInterval(k, n)!;
          const p = k / n;
          expect(interval.low).toBeGreaterThanOrEqual(0);
          expect(interval.high).toBeLessThanOrEqual(1);
          expect(interval.low).toBeLessThanOrEqual(p + 1e-12);
          expect(interval.high).toBeGreaterThanOrEqual(p - 1e-12);
          const mirror = wilsonInterval(n - k, n)!;
          expect(mirror.low).toBeCloseTo(1 - interval.high, 9);
          expect(mirror.high).toBeCloseTo(1 - interval.low, 9);
        },
      ),
    );
  });

  it('narrows as the sample grows at the same rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 2, max: 20 }),
        (a, b, m) => {
          const k = a;
          const n = a + b;
          const small = wilsonInterval(k, n)!;
          const large = wilsonInterval(k * m, n * m)!;
          expect(large.high - large.low).toBeLessThan(small.high - small.low);
        },
      ),
    );
  });
});
