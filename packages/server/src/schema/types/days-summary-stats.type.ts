import type { Summary } from '@imr/analytics/quantile';
import { builder } from '../builder';

export const DaysSummaryRef = builder.objectRef<Summary>('DaysSummary').implement({
  description:
    'A distribution of day counts. Percentiles interpolate between closest ranks (as R, NumPy and spreadsheets do), so the median of an even count is the mean of the two middle values. All null when count is 0.',
  fields: (t) => ({
    count: t.exposeInt('count', { description: 'Values summarised (cases with both dates).' }),
    mean: t.exposeFloat('mean', { nullable: true }),
    median: t.exposeFloat('median', { nullable: true }),
    p90: t.exposeFloat('p90', { nullable: true, description: '90th percentile.' }),
    min: t.exposeInt('min', { nullable: true }),
    max: t.exposeInt('max', { nullable: true }),
  }),
});
