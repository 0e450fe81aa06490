/**
 * Quantiles by linear interpolation between closest ranks (Hyndman & Fan type 7, the default of R, NumPy and
 * spreadsheets), so a median of an even count is the mean of the two middle values.
 */

function checkQ(q: number): void {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must be in [0, 1], got ${q}`);
}

/** The q-quantile of values sorted ascending; null when there are none. */
export function quantileOfSorted(sorted: readonly number[], q: number): number | null {
  checkQ(q);
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}

/** A value and how many times it occurs. */
export interface HistogramBin {
  value: number;
  count: number;
}

/**
 * The same quantile over a histogram (bins sorted by value ascending, counts positive), without expanding it:
 * the store returns day counts grouped by value, which is exact and small however many cases there are.
 */
export function quantileOfHistogram(bins: readonly HistogramBin[], q: number): number | null {
  checkQ(q);
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  if (total === 0) return null;
  const h = (total - 1) * q;
  const lo = Math.floor(h);
  const a = valueAtRank(bins, lo);
  const b = valueAtRank(bins, Math.ceil(h));
  return a + (h - lo) * (b - a);
}

/** The value at 0-based rank `rank` of the expanded, sorted histogram. */
function valueAtRank(bins: readonly HistogramBin[], rank: number): number {
  let seen = 0;
  for (const bin of bins) {
    seen += bin.count;
    if (rank < seen) return bin.value;
  }
  throw new RangeError(`rank ${rank} is beyond the histogram's ${seen} values`);
}

export interface Summary {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
}

/** Count, mean, median, 90th percentile, min and max of a histogram (bins in any order). */
export function summarizeHistogram(bins: readonly HistogramBin[]): Summary {
  const nonEmpty = bins.filter((bin) => bin.count > 0).sort((a, b) => a.value - b.value);
  const count = nonEmpty.reduce((sum, bin) => sum + bin.count, 0);
  if (count === 0) return { count: 0, mean: null, median: null, p90: null, min: null, max: null };
  const sum = nonEmpty.reduce((s, bin) => s + bin.value * bin.count, 0);
  return {
    count,
    mean: sum / count,
    median: quantileOfHistogram(nonEmpty, 0.5),
    p90: quantileOfHistogram(nonEmpty, 0.9),
    min: nonEmpty[0]!.value,
    max: nonEmpty[nonEmpty.length - 1]!.value,
  };
}
