import type { Db } from '@imr/store/client';
import {
  ITEM_DIMENSION_SPECS,
  type ItemDimension,
  type ItemStatsKey,
  isTimeDimension,
  MAX_ITEM_DIMENSIONS,
} from '@imr/store/dimensions';
import type { ItemFilter, SqlDialect } from '@imr/store/repositories/item-filter';
import { type GroupTally, itemGroupTallies, itemTotals } from '@imr/store/repositories/item-stats.repository';
import { cubeTallies } from './cube-tallies';
import { type DecisionTally, overturnRateOf } from './decision-tally';
import { type GroupOrder, orderGroups } from './group-order';
import { cubeCanAnswer } from './item-cube-query';
import { freshItemCube } from './item-cube-snapshot';

// Item aggregates: counts by decision and overturn rates, grouped by up to three dimensions. The counting is the
// in-memory cube's when it is fresh and can answer, else the store's SQL (GROUP BY); ordering, rates and
// intervals are computed here so every engine and backend answers identically.

export interface ItemStatsArgs {
  filter?: ItemFilter | null;
  groupBy?: readonly ItemDimension[] | null;
  /** Default: KEY_ASC when grouped by a time dimension (a time series in order), else COUNT_DESC. */
  orderBy?: GroupOrder | null;
  /** Groups with fewer items are left out. Default 1. */
  minCount?: number | null;
  /** Most groups returned, after ordering. Default: all. */
  limit?: number | null;
}

export interface ItemStatsGroup extends DecisionTally, ReturnType<typeof overturnRateOf> {
  key: ItemStatsKey;
  keyValues: (string | number | null)[];
}

export interface ItemStatsResult {
  /** Every matching item counted once, whatever the dimensions. */
  total: DecisionTally & ReturnType<typeof overturnRateOf>;
  /** Groups after minCount, ordered and limited. */
  groups: ItemStatsGroup[];
  /** How many groups passed minCount, before the limit. */
  groupCount: number;
}

/** Checks arguments a caller (GraphQL, CLI) may get wrong; throws a RangeError that says what is wrong. */
export function checkItemStatsArgs(args: ItemStatsArgs): void {
  const groupBy = args.groupBy ?? [];
  if (groupBy.length > MAX_ITEM_DIMENSIONS) {
    throw new RangeError(
      `groupBy: at most ${MAX_ITEM_DIMENSIONS} dimensions, got ${groupBy.length} (${groupBy.join(', ')})`,
    );
  }
  const repeated = groupBy.find((d, i) => groupBy.indexOf(d) !== i);
  if (repeated) throw new RangeError(`groupBy: ${repeated} is listed twice`);
  for (const d of groupBy) {
    if (!(d in ITEM_DIMENSION_SPECS)) throw new RangeError(`groupBy: unknown dimension ${String(d)}`);
  }
  if (args.minCount != null && (!Number.isInteger(args.minCount) || args.minCount < 0)) {
    throw new RangeError(`minCount: must be a non-negative integer, got ${args.minCount}`);
  }
  if (args.limit != null && (!Number.isInteger(args.limit) || args.limit < 1)) {
    throw new RangeError(`limit: must be a positive integer, got ${args.limit}`);
  }
}

export function defaultItemOrder(groupBy: readonly ItemDimension[]): GroupOrder {
  return groupBy.some(isTimeDimension) ? 'KEY_ASC' : 'COUNT_DESC';
}

function keyOf(groupBy: readonly ItemDimension[], values: readonly (string | number | null)[]): ItemStatsKey {
  const key: ItemStatsKey = {};
  groupBy.forEach((d, i) => {
    const value = values[i] ?? null;
    // decision_year is an integer column; normalise in case a driver hands back a string or bigint.
    (key as Record<string, string | number | null>)[ITEM_DIMENSION_SPECS[d].field] =
      d === 'DECISION_YEAR' && value !== null ? Number(value) : value;
  });
  return key;
}

/** Where item tallies come from: `auto` uses the in-memory cube when it is fresh and can answer, else SQL. */
export type TallyEngine = 'auto' | 'sql';

/** Total and per-group tallies (unordered), from the cube when it is fresh and able, else from SQL. */
export async function itemTallies(
  db: Db,
  filter: ItemFilter | null | undefined,
  groupBy: readonly ItemDimension[],
  minCount: number,
  dialect: SqlDialect,
  engine: TallyEngine = 'auto',
): Promise<{ total: DecisionTally; groups: GroupTally[] }> {
  const cube = engine === 'auto' ? await freshItemCube(db, dialect) : null;
  if (cube && cubeCanAnswer(cube, filter)) return cubeTallies(cube, filter, groupBy, minCount);
  const total = await itemTotals(db, filter, dialect);
  const groups = groupBy.length === 0 ? [] : await itemGroupTallies(db, filter, groupBy, minCount, dialect);
  return { total, groups };
}

/**
 * Item counts by decision, overturn rates and Wilson intervals, in total and per group. An item counts once
 * per value of a multi-valued dimension (body region, reviewer specialty or state, guideline...), so groups
 * can sum to more than the total; the total counts each matching item once.
 */
export async function itemStats(
  db: Db,
  args: ItemStatsArgs,
  dialect: SqlDialect = 'sqlite',
  engine: TallyEngine = 'auto',
): Promise<ItemStatsResult> {
  checkItemStatsArgs(args);
  const groupBy = args.groupBy ?? [];
  const minCount = args.minCount ?? 1;
  const tallies = await itemTallies(db, args.filter, groupBy, minCount, dialect, engine);
  const total = { ...tallies.total, ...overturnRateOf(tallies.total) };
  if (groupBy.length === 0) {
    const all = total.count >= Math.max(1, minCount) ? [{ key: {}, keyValues: [], ...total }] : [];
    return { total, groups: all, groupCount: all.length };
  }
  const groups = tallies.groups.map(({ keyValues, tally }) => {
    const key = keyOf(groupBy, keyValues);
    return {
      key,
      keyValues: groupBy.map((d) => key[ITEM_DIMENSION_SPECS[d].field] ?? null),
      ...tally,
      ...overturnRateOf(tally),
    };
  });
  const order = args.orderBy ?? defaultItemOrder(groupBy);
  return { total, groups: orderGroups(groups, order, args.limit ?? null), groupCount: groups.length };
}
