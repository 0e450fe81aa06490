import { overturnRateOf } from '@imr/analytics/decision-tally';
import type { DecisionTally } from '@imr/store/decision-tally';
import { builder } from '../builder';
import { DecisionStatsRef, type DecisionStatsShape } from './decision-stats.type';

export const DecisionSummaryRef = builder.objectRef<DecisionStatsShape>('DecisionSummary').implement({
  description: "How one reviewer's (or one guideline's) items were decided.",
  interfaces: [DecisionStatsRef],
});

/** The tally with its overturn rate and interval, as every DecisionStats reports them. */
export function toDecisionStats<T extends DecisionTally>(tally: T): T & DecisionStatsShape {
  return { ...tally, ...overturnRateOf(tally) };
}
