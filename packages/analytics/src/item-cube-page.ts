import type { ItemFilter } from '@imr/store/repositories/item-filter';
import type { ItemCube } from './item-cube';
import { selectItems } from './item-cube-query';

// A page of item ids in id order, found in the cube: SQL has no index that serves "these categories (or drug
// classes, or reviewer specialties) within these decision dates, in id order" without reading every matching
// row and sorting them, while the cube's selection of the same filter is a date range of typed arrays. The rows
// themselves are then read from the store by primary key.

/**
 * The ids of at most `limit` items the filter selects, in `direction` id order, after `afterId` (exclusive;
 * null: from the first). The filter must be one the cube can answer (`cubeCanAnswer`).
 */
export function cubeItemIdPage(
  cube: ItemCube,
  filter: ItemFilter | null | undefined,
  direction: 'asc' | 'desc',
  afterId: number | null,
  limit: number,
): number[] {
  if (limit <= 0) return [];
  const { begin, end, positions } = selectItems(cube, filter);
  const ids = cube.ids;
  // Keyed so that the page is the `limit` smallest keys: ascending ids as they are, descending ids negated.
  const sign = direction === 'asc' ? 1 : -1;
  const after = afterId === null ? Number.NEGATIVE_INFINITY : sign * afterId;
  // A bounded max-heap of the smallest keys seen: once full, most items are turned away by one comparison.
  const heap = new Float64Array(limit);
  let size = 0;
  const n = positions ? positions.length : end - begin;
  for (let k = 0; k < n; k++) {
    const i = positions ? positions[k]! : begin + k;
    const key = sign * ids[i]!;
    if (key <= after) continue;
    if (size < limit) {
      let at = size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (heap[parent]! >= key) break;
        heap[at] = heap[parent]!;
        at = parent;
      }
      heap[at] = key;
    } else if (key < heap[0]!) {
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= limit) break;
        const right = left + 1;
        const child = right < limit && heap[right]! > heap[left]! ? right : left;
        if (heap[child]! <= key) break;
        heap[at] = heap[child]!;
        at = child;
      }
      heap[at] = key;
    }
  }
  return Array.from(heap.subarray(0, size))
    .sort((a, b) => a - b)
    .map((key) => sign * key);
}
