import { describe, expect, it } from 'vitest';
import { ByteBoundedCache } from './byte-bounded-cache';

const answer = (chars: number) => JSON.stringify({ data: { text: 'x'.repeat(chars) } });

describe('ByteBoundedCache', () => {
  it('holds answers up to its byte budget, evicting the least recently used first', () => {
    const cache = new ByteBoundedCache(4 * answer(200).length);
    for (const key of ['a', 'b', 'c', 'd']) cache.set(key, answer(200), Number.POSITIVE_INFINITY);
    expect(cache.bytes).toBe(4 * answer(200).length);
    cache.get('a');
    cache.set('e', answer(200), Number.POSITIVE_INFINITY);
    expect(cache.get('b')).toBeNull();
    expect(cache.get('a')).toBe(answer(200));
    expect(cache.size).toBe(4);
    expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
  });

  it('does not keep an answer larger than a quarter of the budget', () => {
    const cache = new ByteBoundedCache(1_000);
    cache.set('small', answer(10), Number.POSITIVE_INFINITY);
    cache.set('huge', answer(400), Number.POSITIVE_INFINITY);
    expect(cache.get('huge')).toBeNull();
    expect(cache.get('small')).toBe(answer(10));
  });

  it('forgets answers past their ttl, and counts a replaced answer once', () => {
    let now = 0;
    const cache = new ByteBoundedCache(10_000, () => now);
    cache.set('short', answer(1), 100);
    cache.set('kept', answer(1), Number.POSITIVE_INFINITY);
    cache.set('kept', answer(2), Number.POSITIVE_INFINITY);
    now = 100;
    expect(cache.get('short')).toBeNull();
    expect(cache.bytes).toBe(answer(2).length);
  });
});
