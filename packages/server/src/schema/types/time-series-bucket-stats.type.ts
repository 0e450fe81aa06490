import type { TimeBucket } from '@imr/analytics/time-series-stats';
import { builder } from '../builder';
import { DecisionStatsRef } from './decision-stats.type';

export const TimeSeriesBucketRef = builder.objectRef<TimeBucket>('TimeSeriesBucket').implement({
  description: 'The items decided in one month or year (zero counts when none were).',
  interfaces: [DecisionStatsRef],
  fields: (t) => ({
    period: t.exposeString('period', { description: '"YYYY-MM" for months, "YYYY" for years.' }),
    start: t.exposeString('start', { description: 'First day of the period, yyyy-mm-dd.' }),
  }),
});
