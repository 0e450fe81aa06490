import { describe, expect, it } from 'vitest';
import { ClientRateLimiter } from './rate-limit';

describe('ClientRateLimiter', () => {
  it('allows a burst, then refuses until tokens refill, per client', () => {
    let now = 0;
    const limiter = new ClientRateLimiter(60, 3, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(1000);
    expect(limiter.take('b')).toBe(0);
    now += 1000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
  });
});

describe('ClientRateLimiter counting cost', () => {
  it('takes as many tokens as an operation costs, so one heavy operation spends what many light ones do', () => {
    let now = 0;
    const budget = new ClientRateLimiter(60_000, 1_000, () => now);
    expect(budget.take('heavy', 900)).toBe(0);
    expect(budget.take('heavy', 200)).toBe(100);
    expect(budget.take('light', 25)).toBe(0);
    now += 100;
    expect(budget.take('heavy', 200)).toBe(0);
  });

  it('lets an amount above the burst through once the bucket is full, then empties it', () => {
    const now = 0;
    const budget = new ClientRateLimiter(60_000, 1_000, () => now);
    expect(budget.take('a', 5_000)).toBe(0);
    expect(budget.take('a', 1)).toBe(1);
  });
});
