import { describe, expect, it } from 'vitest';
import { ByteBoundedCache } from './byte-bounded-cache';

const answer = (chars: number) => ({ data: { text: 'x'.repeat(chars) } });
const size = (chars: number) => JSON.stringify(answer(chars)).length;

describe('ByteBoundedCache', () => {
  it('holds answers up to its byte budget, evicting the least recently used first', () => {
    const cache = new ByteBoundedCache(4 * size(200));
    for (const id of ['a', 'b', 'c', 'd']) cache.set(id, answer(200), [], Number.POSITIVE_INFINITY);
    expect(cache.bytes).toBe(4 * size(200));
    cache.get('a');
    cache.set('e', answer(200), [], Number.POSITIVE_INFINITY);
    expect(cache.get('b')).toBeNull();
    expect(cache.get('a')).toEqual(answer(200));
    expect(cache.size).toBe(4);
    expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
  });

  it('does not keep an answer larger than a quarter of the budget', () => {
    const cache = new ByteBoundedCache(1_000);
    cache.set('small', answer(10), [], Number.POSITIVE_INFINITY);
    cache.set('huge', answer(400), [], Number.POSITIVE_INFINITY);
    expect(cache.get('huge')).toBeNull();
    expect(cache.get('small')).toEqual(answer(10));
  });

  it('forgets answers past their ttl and those of an invalidated entity', () => {
    let now = 0;
    const cache = new ByteBoundedCache(10_000, () => now);
    cache.set('short', answer(1), [], 100);
    cache.set('case', answer(1), [{ typename: 'Case', id: 7 }], Number.POSITIVE_INFINITY);
    now = 100;
    expect(cache.get('short')).toBeNull();
    cache.invalidate([{ typename: 'Case', id: 7 }]);
    expect(cache.get('case')).toBeNull();
    expect(cache.bytes).toBe(0);
  });
});
