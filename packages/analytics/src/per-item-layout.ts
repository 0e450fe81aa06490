import type { Dictionary } from './coded-columns';
import { growingUint32 } from './growing-typed-array';

// How the cube lays out its items: in decision-date order (a date filter is then a range), and lists per item
// (regions, citations, pages) in compressed-row form.

/** Positions of items in ascending decision date (undated, -1, first), ties in id order. */
export function decisionDateOrder(dates: Int32Array): Uint32Array {
  // One native sort of plain numbers (date × 2^24 + position), no comparator calls: dates are yyyymmdd (< 2^25)
  // and positions below 2^24, so every key is an exact integer below 2^53. A bigger cube sorts with a comparator.
  const n = dates.length;
  if (n >= 2 ** 24) {
    return Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => dates[a]! - dates[b]! || a - b);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = dates[i]! * 2 ** 24 + i;
  keys.sort();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    order[i] = key - Math.floor(key / 2 ** 24) * 2 ** 24;
  }
  return order;
}

export function permute<T extends Int32Array | Uint32Array>(values: T, order: Uint32Array): T {
  const out = new (values.constructor as new (n: number) => T)(values.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]!]!;
  return out;
}

export function permutePerItem(perItem: PerItem, order: Uint32Array): PerItem {
  const { start, codes } = perItem;
  const nextStart = new Uint32Array(start.length);
  const nextCodes = new Uint32Array(codes.length);
  let at = 0;
  for (let i = 0; i < order.length; i++) {
    const from = order[i]!;
    for (let p = start[from]!; p < start[from + 1]!; p++) nextCodes[at++] = codes[p]!;
    nextStart[i + 1] = at;
  }
  return { start: nextStart, codes: nextCodes };
}

/** Values per item in compressed-row form: item i's values are codes[start[i] .. start[i + 1]). */
export interface PerItem {
  start: Uint32Array;
  codes: Uint32Array;
}

export function groupByItem<T>(
  rows: Iterable<T>,
  indexOf: (row: T) => number,
  codeOf: (row: T) => number,
  size: number,
): PerItem {
  const positions = growingUint32();
  const values = growingUint32();
  const counts = new Uint32Array(size + 1);
  for (const row of rows) {
    const i = indexOf(row);
    if (i < 0) continue; // a row of an item written after the snapshot's items were read
    positions.push(i);
    values.push(codeOf(row));
    counts[i + 1]!++;
  }
  for (let i = 0; i < size; i++) counts[i + 1]! += counts[i]!;
  const codes = new Uint32Array(positions.length);
  const fill = counts.slice(0, size);
  for (let p = 0; p < positions.length; p++) codes[fill[positions.at(p)]!++] = values.at(p);
  return { start: counts, codes };
}

/** Distinct codes per reviewer code (index = reviewer dictionary code). */
export function perReviewer<T extends { reviewerId: number }>(
  rows: Iterable<T>,
  reviewerIds: Dictionary,
  codeOf: (row: T) => number,
): number[][] {
  const lists: number[][] = Array.from({ length: reviewerIds.size }, () => []);
  for (const row of rows) {
    const r = reviewerIds.find(row.reviewerId);
    if (r <= 0) continue; // a reviewer no item points at
    const code = codeOf(row);
    if (!lists[r]!.includes(code)) lists[r]!.push(code);
  }
  return lists;
}
