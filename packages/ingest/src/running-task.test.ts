import { describe, expect, it } from 'vitest';
import { RunningTaskMarker } from './running-task';

describe('RunningTaskMarker', () => {
  it('tells the task a worker is on and how long it has run, through the shared buffer', () => {
    const epoch = Date.now() - 5_000;
    const worker = new RunningTaskMarker(new SharedArrayBuffer(8), epoch);
    const pool = new RunningTaskMarker(worker.buffer, epoch);
    expect(pool.running()).toBeNull();
    worker.start(0);
    const now = Date.now();
    expect(pool.running(now + 1_500)).toEqual({ seq: 0, elapsedMs: expect.closeTo(1_500, -2) });
    worker.start(41);
    expect(pool.running()?.seq).toBe(41);
    worker.idle();
    expect(pool.running()).toBeNull();
  });
});
