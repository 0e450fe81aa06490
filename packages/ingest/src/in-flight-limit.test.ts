import { describe, expect, it } from 'vitest';
import { InFlightLimit } from './in-flight-limit';

describe('InFlightLimit', () => {
  it('lets `max` through, then makes the next wait for a release', async () => {
    const limit = new InFlightLimit(2);
    await limit.acquire();
    await limit.acquire();
    let third = false;
    const waiting = limit.acquire().then(() => {
      third = true;
    });
    await Promise.resolve();
    expect(third).toBe(false);
    limit.release(1);
    await waiting;
    expect(third).toBe(true);
    expect(limit.current).toBe(2);
  });

  it('wakes as many waiters as a release frees', async () => {
    const limit = new InFlightLimit(3);
    for (let i = 0; i < 3; i++) await limit.acquire();
    const woken: number[] = [];
    const waits = [0, 1, 2, 3].map((i) => limit.acquire().then(() => woken.push(i)));
    limit.release(2);
    await Promise.all(waits.slice(0, 2));
    expect(woken).toEqual([0, 1]);
    expect(limit.current).toBe(3);
    limit.release(3);
    await Promise.all(waits);
    expect(limit.current).toBe(2);
  });

  it('fails waiting and later acquires after abort', async () => {
    const limit = new InFlightLimit(1);
    await limit.acquire();
    const waiting = limit.acquire();
    limit.abort(new Error('disk full'));
    await expect(waiting).rejects.toThrow('disk full');
    await expect(limit.acquire()).rejects.toThrow('disk full');
  });
});
