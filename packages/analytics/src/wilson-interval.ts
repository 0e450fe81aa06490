/** The two-sided 95% normal quantile. */
export const Z_95 = 1.959963984540054;

export interface RateInterval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a binomial proportion of `successes` out of `trials`: unlike the normal
 * approximation it stays inside [0, 1] and is honest for small groups and rates near 0 or 1, which is most
 * of IMR (about 90% of denials are upheld). Null when there are no trials: no data, no interval.
 */
export function wilsonInterval(successes: number, trials: number, z: number = Z_95): RateInterval | null {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials) {
    throw new RangeError(
      `wilsonInterval: need integers 0 <= successes <= trials, got ${successes}/${trials}`,
    );
  }
  if (trials === 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // Clamp the rounding error at the ends (0/n and n/n give exactly 0 and 1 in exact arithmetic).
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === trials ? 1 : Math.min(1, centre + half),
  };
}
