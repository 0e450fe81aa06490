import { describe, expect, it } from 'vitest';
import { machineSpeed } from './machine-speed';

describe('machineSpeed', () => {
  it('counts units of work a second: units twice as large come about half as often', () => {
    // Pairs timed back to back, so a spell of a busy machine (CI runs other test files on the same two cores)
    // falls on both sizes of a pair alike; the median pair's ratio, so a few pairs split by a spell do not decide.
    // Wall time on shared cores can still split most pairs of one try (1 in 5 tries with three busy loops beside
    // it on two cores), so up to three tries: a count that did not follow the unit's size fails all of them.
    const medianRatio = () => {
      const ratios: number[] = [];
      for (let i = 0; i < 6; i++) {
        const single = machineSpeed({ ms: 120 });
        const double = machineSpeed({ ms: 120, unitScale: 2 });
        expect(single).toBeGreaterThan(0);
        ratios.push(single / double);
      }
      ratios.sort((a, b) => a - b);
      return (ratios[2]! + ratios[3]!) / 2;
    };
    let ratio = medianRatio();
    for (let tries = 1; tries < 3 && !(ratio > 1.4 && ratio < 2.8); tries++) ratio = medianRatio();
    expect(ratio).toBeGreaterThan(1.4);
    expect(ratio).toBeLessThan(2.8);
    // About 1.8 s of timing a try; a loaded machine stretches it.
  }, 20_000);

  it('refuses a budget that cannot time anything', () => {
    expect(() => machineSpeed({ ms: 0 })).toThrow(/ms > 0/);
    expect(() => machineSpeed({ ms: 100, unitScale: 0 })).toThrow(/unitScale >= 1/);
  });
});
