import { builder } from '../builder';
import { DecisionStatsRef, type DecisionStatsShape } from './decision-stats.type';

export const ItemSetStatsRef = builder.objectRef<DecisionStatsShape>('ItemSetStats').implement({
  description: 'A set of disputed items, by decision (each item counted once).',
  interfaces: [DecisionStatsRef],
});
