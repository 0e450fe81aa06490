import { TIME_INTERVALS } from '@imr/analytics/time-series-stats';
import { builder } from '../builder';

export const TimeIntervalEnum = builder.enumType('TimeInterval', {
  description: 'The width of a time-series bucket.',
  values: Object.fromEntries(TIME_INTERVALS.map((i) => [i, { value: i }])),
});
