import type { RateInterval } from '@imr/analytics/wilson-interval';
import { builder } from '../builder';

export const RateIntervalRef = builder.objectRef<RateInterval>('RateInterval').implement({
  description:
    'A 95% confidence interval for a rate (Wilson score interval): honest for small groups and for rates near 0 or 1.',
  fields: (t) => ({
    low: t.exposeFloat('low', { description: 'Lower bound, 0 to 1.' }),
    high: t.exposeFloat('high', { description: 'Upper bound, 0 to 1.' }),
  }),
});
