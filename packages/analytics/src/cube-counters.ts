import type { DecisionTally } from './decision-tally';

// Decision tallies as the cube counts them: five slots per key (upheld, overturned, partially overturned,
// unknown, any other decision string), in one typed array when the key space is small.

export function tallyOfSlots(slots: ArrayLike<number>, offset: number): DecisionTally {
  const upheld = slots[offset]!;
  const overturned = slots[offset + 1]!;
  const partiallyOverturned = slots[offset + 2]!;
  const unknown = slots[offset + 3]!;
  return {
    count: upheld + overturned + partiallyOverturned + unknown + slots[offset + 4]!,
    upheld,
    overturned,
    partiallyOverturned,
    unknown,
  };
}

/** Dense counters when the key space is small, else a map: either way 5 decision slots per key. */
export class Counters {
  readonly dense: Uint32Array | null;
  private readonly sparse = new Map<number, Uint32Array>();

  constructor(readonly keySpace: number) {
    this.dense = keySpace * 5 <= 16_000_000 ? new Uint32Array(keySpace * 5) : null;
  }

  add(key: number, slot: number, count = 1): void {
    if (this.dense) {
      this.dense[key * 5 + slot]! += count;
      return;
    }
    let slots = this.sparse.get(key);
    if (!slots) {
      slots = new Uint32Array(5);
      this.sparse.set(key, slots);
    }
    slots[slot]! += count;
  }

  *entries(): Generator<[number, DecisionTally]> {
    if (this.dense) {
      const d = this.dense;
      for (let key = 0; key < this.keySpace; key++) {
        const o = key * 5;
        if (d[o]! + d[o + 1]! + d[o + 2]! + d[o + 3]! + d[o + 4]! > 0) yield [key, tallyOfSlots(d, o)];
      }
      return;
    }
    for (const [key, slots] of this.sparse) yield [key, tallyOfSlots(slots, 0)];
  }
}
