import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interleavedSamples, type SampleSource } from './interleaved-samples';

/** A source whose every sample takes `ms`, logging its blocks as `name:count`. */
function fakeSource(name: string, ms: number, log: string[]): SampleSource {
  return {
    block: async (count) => {
      log.push(`${name}:${count}`);
      return Array.from({ length: count }, () => ms);
    },
  };
}

describe('interleavedSamples', () => {
  it('alternates blocks between the sources until each has its count', async () => {
    const log: string[] = [];
    const [a, b] = await interleavedSamples([fakeSource('http', 1, log), fakeSource('sql', 0.5, log)], {
      count: 45,
      budgetMs: 10_000,
      atLeast: 5,
      blockSize: 20,
    });
    expect(a).toHaveLength(45);
    expect(b).toHaveLength(45);
    expect(log).toEqual(['http:1', 'sql:1', 'http:20', 'sql:20', 'http:20', 'sql:20', 'http:4', 'sql:4']);
  });

  it('stops a slow source at its budget once it has the least it needs, and lets the fast one go on', async () => {
    const log: string[] = [];
    const [slow, fast] = await interleavedSamples(
      [fakeSource('slow', 2_000, log), fakeSource('fast', 1, log)],
      { count: 200, budgetMs: 20_000, atLeast: 5, blockSize: 20 },
    );
    // 20 s of budget at 2 s a sample: 10 samples, taken 1 then 9 (what the budget has room for).
    expect(slow).toHaveLength(10);
    expect(fast).toHaveLength(200);
    expect(log.slice(0, 4)).toEqual(['slow:1', 'fast:1', 'slow:9', 'fast:20']);
  });

  it('takes at least the least number of samples, however slow the source', async () => {
    const [slow] = await interleavedSamples([fakeSource('slow', 30_000, [])], {
      count: 200,
      budgetMs: 20_000,
      atLeast: 5,
      blockSize: 20,
    });
    expect(slow).toHaveLength(5);
  });

  it('never exceeds the count, always reaches the least, and takes turns (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: 0.01, max: 5_000, noNaN: true }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 50 }),
        async (costs, count, atLeast, blockSize) => {
          const log: string[] = [];
          const sources = costs.map((ms, i) => fakeSource(String(i), ms, log));
          const samples = await interleavedSamples(sources, { count, budgetMs: 20_000, atLeast, blockSize });
          for (const [i, ms] of samples.entries()) {
            expect(ms.length).toBeLessThanOrEqual(count);
            expect(ms.length).toBeGreaterThanOrEqual(Math.min(count, atLeast));
            const spent = ms.reduce((sum, x) => sum + x, 0);
            // Short of the count only when its budget ran out.
            if (ms.length < count) expect(spent).toBeGreaterThanOrEqual(20_000);
            expect(samples[i]).toBe(ms);
          }
          // No source takes two blocks in a row while another still has samples to take.
          for (let k = 1; k < log.length; k++) {
            const [prev] = log[k - 1]!.split(':');
            const [next] = log[k]!.split(':');
            if (prev === next) {
              const others = samples.filter((_, i) => String(i) !== next);
              expect(others.every((ms) => ms.length === count || ms.length >= atLeast)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
