import type { DecisionTally, OverturnRate } from '@imr/analytics/decision-tally';
import { builder } from '../builder';
import { PROPERTY_READ } from '../property-read.plugin';
import { RateIntervalRef } from './rate-interval-stats.type';

export type DecisionStatsShape = DecisionTally & OverturnRate;

export const OVERTURN_RATE_DESCRIPTION =
  '(overturned + partiallyOverturned) ÷ decided, where decided = upheld + overturned + partiallyOverturned: a ' +
  'denial reversed in whole or in part counts as overturned, and items whose decision is UNKNOWN are left out of ' +
  'both sides. Null when nothing was decided.';

export const DecisionStatsRef = builder.interfaceRef<DecisionStatsShape>('DecisionStats').implement({
  description: 'How a set of disputed items was decided, with the overturn rate and its 95% interval.',
  fields: (t) => ({
    count: t.exposeInt('count', { description: 'Items in the set.' }),
    upheld: t.exposeInt('upheld', { description: 'Items whose denial the reviewer upheld.' }),
    overturned: t.exposeInt('overturned', {
      description: 'Items whose denial the reviewer overturned in full.',
    }),
    partiallyOverturned: t.exposeInt('partiallyOverturned', {
      description: 'Items whose denial the reviewer overturned in part.',
    }),
    unknown: t.exposeInt('unknown', { description: 'Items whose letter states no readable decision.' }),
    decided: t.exposeInt('decided', {
      description: 'upheld + overturned + partiallyOverturned: the denominator of overturnRate.',
    }),
    overturnRate: t.exposeFloat('overturnRate', { nullable: true, description: OVERTURN_RATE_DESCRIPTION }),
    overturnRateInterval: t.field({
      type: RateIntervalRef,
      nullable: true,
      description: 'Wilson 95% interval of overturnRate; null when nothing was decided.',
      extensions: PROPERTY_READ,
      resolve: (s) => s.overturnRateInterval,
    }),
  }),
});
