import { describe, expect, it } from 'vitest';
import { machineSpeed } from './machine-speed';

describe('machineSpeed', () => {
  it('counts units of work a second: units twice as large come about half as often', () => {
    // Interleaved, so a spell of a busy machine falls on both sizes alike.
    const single: number[] = [];
    const double: number[] = [];
    for (let i = 0; i < 3; i++) {
      single.push(machineSpeed({ ms: 150 }));
      double.push(machineSpeed({ ms: 150, unitScale: 2 }));
    }
    const best = (values: number[]) => Math.max(...values);
    expect(best(single)).toBeGreaterThan(0);
    const ratio = best(single) / best(double);
    expect(ratio).toBeGreaterThan(1.4);
    expect(ratio).toBeLessThan(2.8);
  });

  it('refuses a budget that cannot time anything', () => {
    expect(() => machineSpeed({ ms: 0 })).toThrow(/ms > 0/);
    expect(() => machineSpeed({ ms: 100, unitScale: 0 })).toThrow(/unitScale >= 1/);
  });
});
