import type { Db } from '@imr/store/client';
import {
  CASE_DIMENSION_SPECS,
  type CaseDimension,
  type CaseStatsKey,
  MAX_CASE_DIMENSIONS,
} from '@imr/store/dimensions';
import { type CaseGroupTally, caseGroupTallies } from '@imr/store/repositories/case-stats.repository';
import { type ItemFilter, isFilterSet, type SqlDialect } from '@imr/store/repositories/item-filter';
import { caseCubeCanAnswer, caseCubeTallies } from './case-cube-query';
import { compareKeyValues, type KeyValue } from './group-order';
import { freshItemCube } from './item-cube-snapshot';
import type { TallyEngine } from './item-stats';
import { type Summary, summarizeHistogram } from './quantile';

// Case (letter) aggregates: how many cases, items per case, and days from the UR denial to the IMR decision.
// The tallies (counts and a histogram of days per group) are the in-memory cube's when it is fresh and able,
// else the store's SQL; means and percentiles are computed from them here.

export interface CaseStatsArgs {
  /** Cases with at least one item the filter matches; every case when the filter is empty. */
  filter?: ItemFilter | null;
  groupBy?: readonly CaseDimension[] | null;
  minCount?: number | null;
  limit?: number | null;
}

export interface CaseTally {
  cases: number;
  /** All disputed items of these cases (not only those the filter matched). */
  items: number;
  itemsPerCase: number | null;
  /** Days from UR denial to IMR decision, over cases with both dates. */
  daysToDecision: Summary;
}

export interface CaseStatsGroup extends CaseTally {
  key: CaseStatsKey;
  keyValues: KeyValue[];
}

export interface CaseStatsResult {
  total: CaseTally;
  groups: CaseStatsGroup[];
  groupCount: number;
}

export function checkCaseStatsArgs(args: CaseStatsArgs): void {
  const groupBy = args.groupBy ?? [];
  if (groupBy.length > MAX_CASE_DIMENSIONS) {
    throw new RangeError(
      `groupBy: at most ${MAX_CASE_DIMENSIONS} dimensions, got ${groupBy.length} (${groupBy.join(', ')})`,
    );
  }
  const repeated = groupBy.find((d, i) => groupBy.indexOf(d) !== i);
  if (repeated) throw new RangeError(`groupBy: ${repeated} is listed twice`);
  if (args.minCount != null && (!Number.isInteger(args.minCount) || args.minCount < 0)) {
    throw new RangeError(`minCount: must be a non-negative integer, got ${args.minCount}`);
  }
  if (args.limit != null && (!Number.isInteger(args.limit) || args.limit < 1)) {
    throw new RangeError(`limit: must be a positive integer, got ${args.limit}`);
  }
}

/**
 * The total and the groups' tallies: from the in-memory cube's cases when it is fresh and able (`auto`), else
 * from SQL.
 */
async function caseTallies(
  db: Db,
  filter: ItemFilter | null | undefined,
  groupBy: readonly CaseDimension[],
  dialect: SqlDialect,
  engine: TallyEngine,
): Promise<{ total: CaseGroupTally | undefined; groups: CaseGroupTally[] }> {
  const cube = engine === 'auto' ? await freshItemCube(db, dialect) : null;
  if (cube && caseCubeCanAnswer(cube, filter))
    return caseCubeTallies(cube, filter, !isFilterSet(filter), groupBy);
  const [total] = await caseGroupTallies(db, filter, [], dialect);
  return { total, groups: groupBy.length === 0 ? [] : await caseGroupTallies(db, filter, groupBy, dialect) };
}

export async function caseStats(
  db: Db,
  args: CaseStatsArgs,
  dialect: SqlDialect = 'sqlite',
  engine: TallyEngine = 'auto',
): Promise<CaseStatsResult> {
  checkCaseStatsArgs(args);
  const groupBy = args.groupBy ?? [];
  const minCount = Math.max(1, args.minCount ?? 1);
  const tallies = await caseTallies(db, args.filter, groupBy, dialect, engine);
  const summarize = (tally: CaseGroupTally): CaseStatsGroup => {
    const key: CaseStatsKey = {};
    groupBy.forEach((d, i) => {
      (key as Record<string, KeyValue>)[CASE_DIMENSION_SPECS[d].field] = tally.keyValues[i] ?? null;
    });
    return {
      key,
      keyValues: tally.keyValues,
      cases: tally.cases,
      items: tally.items,
      itemsPerCase: tally.items / tally.cases,
      daysToDecision: summarizeHistogram(tally.days),
    };
  };
  const total: CaseStatsGroup =
    tallies.total && tallies.total.cases > 0
      ? summarize(tallies.total)
      : {
          key: {},
          keyValues: [],
          cases: 0,
          items: 0,
          itemsPerCase: null,
          daysToDecision: summarizeHistogram([]),
        };
  if (groupBy.length === 0) {
    const all = total.cases >= minCount ? [total] : [];
    return { total, groups: all, groupCount: all.length };
  }
  const groups = tallies.groups.filter((g) => g.cases > 0).map(summarize);
  const byTime = groupBy.some((d) => CASE_DIMENSION_SPECS[d].time);
  const compareKeys = (a: CaseStatsGroup, b: CaseStatsGroup) => {
    for (let i = 0; i < groupBy.length; i++) {
      const c = compareKeyValues(a.keyValues[i], b.keyValues[i]);
      if (c !== 0) return c;
    }
    return 0;
  };
  const kept = groups
    .filter((g) => g.cases >= minCount)
    .sort((a, b) => (byTime ? compareKeys(a, b) : b.cases - a.cases || compareKeys(a, b)));
  return {
    total,
    groups: args.limit == null ? kept : kept.slice(0, args.limit),
    groupCount: kept.length,
  };
}
