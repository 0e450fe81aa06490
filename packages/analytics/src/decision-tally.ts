import type { DecisionTally } from '@imr/store/decision-tally';
import { type RateInterval, wilsonInterval } from './wilson-interval';

export { type DecisionTally, EMPTY_TALLY } from '@imr/store/decision-tally';

export interface OverturnRate {
  /** Items with a decision: upheld + overturned + partially overturned (UNKNOWN left out). */
  decided: number;
  /** (overturned + partially overturned) / decided; null when nothing was decided. */
  overturnRate: number | null;
  overturnRateInterval: RateInterval | null;
}

/**
 * The overturn rate an analyst means: a denial the reviewer reversed in whole or in part counts as overturned,
 * and items without a readable decision are left out of both sides rather than counted as upheld.
 */
export function overturnRateOf(tally: DecisionTally): OverturnRate {
  const decided = tally.upheld + tally.overturned + tally.partiallyOverturned;
  const reversed = tally.overturned + tally.partiallyOverturned;
  return {
    decided,
    overturnRate: decided === 0 ? null : reversed / decided,
    overturnRateInterval: wilsonInterval(reversed, decided),
  };
}
