// A small, fast, seedable PRNG (mulberry32). Every letter gets its own stream derived from (corpus seed,
// letter index) so letter i can be generated alone, in any worker, in any order, with the same bytes.

/** Mixes (seed, index) into one 32-bit stream seed (splitmix-style finaliser, so neighbours decorrelate). */
export function letterStreamSeed(seed: number, index: number): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(index | 0, 0x85ebca6b) ^ 0x2545f491) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export type Weighted<T> = readonly (readonly [T, number])[];

// Long weight tables are module constants, drawn from millions of times: sum each once. Short ones are often
// literals made per call, cheaper to sum than to look up.
const WEIGHT_TOTALS = new WeakMap<object, number>();

export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('SeededRandom.pick: empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(entries: Weighted<T>): T {
    let total = entries.length > 8 ? WEIGHT_TOTALS.get(entries) : undefined;
    if (total === undefined) {
      total = 0;
      for (let i = 0; i < entries.length; i++) total += entries[i]![1];
      if (entries.length > 8) WEIGHT_TOTALS.set(entries, total);
    }
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** Up to `count` distinct items, in list order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    const wanted = Math.min(count, items.length);
    while (chosen.size < wanted) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i]!);
  }
}
