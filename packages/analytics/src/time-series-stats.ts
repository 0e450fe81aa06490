import type { Db } from '@imr/store/client';
import type { ItemFilter, SqlDialect } from '@imr/store/repositories/item-filter';
import { type DecisionTally, EMPTY_TALLY, type OverturnRate, overturnRateOf } from './decision-tally';
import { itemTallies, type TallyEngine } from './item-stats';

// A time series of item decisions with every bucket present: months or years without items come back with
// zero counts, so a chart's x axis is continuous. Items without a decision date are reported apart.

export const TIME_INTERVALS = ['MONTH', 'YEAR'] as const;
export type TimeInterval = (typeof TIME_INTERVALS)[number];

export const MAX_TIME_BUCKETS = 1_200;

export interface TimeBucket extends DecisionTally, OverturnRate {
  /** 'YYYY-MM' or 'YYYY'. */
  period: string;
  /** First day of the period, yyyy-mm-dd. */
  start: string;
}

export interface ItemTimeSeries {
  interval: TimeInterval;
  buckets: TimeBucket[];
  /** Matching items whose letter states no decision date (in no bucket). */
  undated: DecisionTally & OverturnRate;
}

/** Period index: months since year 0, or the year. */
function indexOf(period: string, interval: TimeInterval): number {
  const year = Number(period.slice(0, 4));
  return interval === 'YEAR' ? year : year * 12 + (Number(period.slice(5, 7)) - 1);
}

function periodAt(index: number, interval: TimeInterval): { period: string; start: string } {
  if (interval === 'YEAR') {
    const year = String(index).padStart(4, '0');
    return { period: year, start: `${year}-01-01` };
  }
  const year = String(Math.floor(index / 12)).padStart(4, '0');
  const month = String((index % 12) + 1).padStart(2, '0');
  return { period: `${year}-${month}`, start: `${year}-${month}-01` };
}

/**
 * Items by decision per month or year, from the filter's decisionDateFrom (else the first dated item) to its
 * decisionDateTo (else the last), empty periods included with zero counts.
 */
export async function itemTimeSeries(
  db: Db,
  args: { filter?: ItemFilter | null; interval: TimeInterval },
  dialect: SqlDialect = 'sqlite',
  engine: TallyEngine = 'auto',
): Promise<ItemTimeSeries> {
  const { interval } = args;
  const dimension = interval === 'YEAR' ? 'DECISION_YEAR' : 'DECISION_MONTH';
  const { groups: tallies } = await itemTallies(db, args.filter, [dimension], 1, dialect, engine);
  const byIndex = new Map<number, DecisionTally>();
  let undated: DecisionTally = EMPTY_TALLY;
  for (const { keyValues, tally } of tallies) {
    const value = keyValues[0];
    if (value === null || value === undefined) undated = tally;
    else byIndex.set(indexOf(String(value), interval), tally);
  }
  const dated = [...byIndex.keys()];
  const from = args.filter?.decisionDateFrom;
  const to = args.filter?.decisionDateTo;
  const first = from ? indexOf(from, interval) : dated.length > 0 ? Math.min(...dated) : null;
  const last = to ? indexOf(to, interval) : dated.length > 0 ? Math.max(...dated) : null;
  const buckets: TimeBucket[] = [];
  if (first !== null && last !== null && first <= last) {
    if (last - first + 1 > MAX_TIME_BUCKETS) {
      throw new RangeError(
        `the decision date range spans ${last - first + 1} ${interval === 'YEAR' ? 'years' : 'months'}; at most ${MAX_TIME_BUCKETS} buckets: narrow decisionDateFrom/decisionDateTo`,
      );
    }
    for (let i = first; i <= last; i++) {
      const tally = byIndex.get(i) ?? EMPTY_TALLY;
      buckets.push({ ...periodAt(i, interval), ...tally, ...overturnRateOf(tally) });
    }
  }
  return { interval, buckets, undated: { ...undated, ...overturnRateOf(undated) } };
}
