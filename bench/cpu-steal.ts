import { readFileSync } from 'node:fs';

// A virtual machine's hypervisor may run other guests on its cores: the time it takes from ours ("steal", the
// eighth figure of /proc/stat's cpu line) makes wall-clock figures slower and noisier than the code is. Each
// section reports its share, so a figure taken on a contended machine says so.

export interface CpuTicks {
  steal: number;
  total: number;
}

/** The machine's CPU ticks so far; null where /proc/stat is not there (not Linux). */
export function cpuTicks(): CpuTicks | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
    if (line.startsWith('cpu ') === false || fields.length < 8 || fields.some((n) => !Number.isFinite(n))) {
      return null;
    }
    return { steal: fields[7]!, total: fields.reduce((sum, n) => sum + n, 0) };
  } catch {
    return null;
  }
}

/** The share of CPU time stolen between two readings, in percent. */
export function stealPercent(before: CpuTicks, after: CpuTicks): number {
  const total = after.total - before.total;
  return total > 0 ? (100 * (after.steal - before.steal)) / total : 0;
}
