import { builder } from '../builder';
import { DecisionStatsRef, type DecisionStatsShape } from './decision-stats.type';

export const ItemStatsTotalRef = builder.objectRef<DecisionStatsShape>('ItemStatsTotal').implement({
  description: 'Every item the filter matches, each counted once whatever the groupBy dimensions.',
  interfaces: [DecisionStatsRef],
});
