import type { DecisionTally, OverturnRate } from './decision-tally';

/** How aggregate groups are ordered. Ties always fall back to the key, so every order is deterministic. */
export const GROUP_ORDERS = [
  'COUNT_DESC',
  'COUNT_ASC',
  'OVERTURN_RATE_DESC',
  'OVERTURN_RATE_ASC',
  /** By the Wilson interval's lower bound: the groups most surely overturned often, small groups last. */
  'OVERTURN_RATE_LOW_DESC',
  'KEY_ASC',
  'KEY_DESC',
] as const;
export type GroupOrder = (typeof GROUP_ORDERS)[number];

export type KeyValue = string | number | null | undefined;

export interface OrderableGroup extends DecisionTally, OverturnRate {
  /** The key's values in group-by order. */
  keyValues: readonly KeyValue[];
}

/** Nulls (no value: an item with no decision date, no body region...) sort after every value. */
export function compareKeyValues(a: KeyValue, b: KeyValue, direction: 1 | -1 = 1): number {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return direction * (a - b);
  // Code-unit order, the same on every backend (database collations differ).
  const sa = String(a);
  const sb = String(b);
  return direction * (sa < sb ? -1 : sa > sb ? 1 : 0);
}

function compareKeys(a: OrderableGroup, b: OrderableGroup, direction: 1 | -1 = 1): number {
  const n = Math.max(a.keyValues.length, b.keyValues.length);
  for (let i = 0; i < n; i++) {
    const c = compareKeyValues(a.keyValues[i], b.keyValues[i], direction);
    if (c !== 0) return c;
  }
  return 0;
}

/** Groups without a rate (nothing decided) go last whichever way rates are ordered. */
function compareNullableDesc(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return b - a;
}

function compareNullableAsc(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}

export function compareGroups(order: GroupOrder): (a: OrderableGroup, b: OrderableGroup) => number {
  const primary = (a: OrderableGroup, b: OrderableGroup): number => {
    switch (order) {
      case 'COUNT_DESC':
        return b.count - a.count;
      case 'COUNT_ASC':
        return a.count - b.count;
      case 'OVERTURN_RATE_DESC':
        return compareNullableDesc(a.overturnRate, b.overturnRate) || b.decided - a.decided;
      case 'OVERTURN_RATE_ASC':
        return compareNullableAsc(a.overturnRate, b.overturnRate) || b.decided - a.decided;
      case 'OVERTURN_RATE_LOW_DESC':
        return compareNullableDesc(a.overturnRateInterval?.low ?? null, b.overturnRateInterval?.low ?? null);
      case 'KEY_ASC':
        return compareKeys(a, b);
      case 'KEY_DESC':
        return compareKeys(a, b, -1);
    }
  };
  return (a, b) => primary(a, b) || compareKeys(a, b);
}

/** Sorts a copy of the groups and keeps the first `limit` (all when limit is null). */
export function orderGroups<G extends OrderableGroup>(
  groups: readonly G[],
  order: GroupOrder,
  limit: number | null,
): G[] {
  const sorted = [...groups].sort(compareGroups(order));
  return limit === null ? sorted : sorted.slice(0, limit);
}
