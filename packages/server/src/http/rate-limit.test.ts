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
