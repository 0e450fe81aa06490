import { type ItemTimeSeries, itemTimeSeries } from '@imr/analytics/time-series-stats';
import { builder } from '../builder';
import { PROPERTY_READ } from '../property-read.plugin';
import { ItemFilterInput, toItemFilter } from './item-filter.input';
import { ItemSetStatsRef } from './item-set-stats.type';
import { withStatsArguments } from './stats-input.type';
import { TimeIntervalEnum } from './time-interval-stats.type';
import { TimeSeriesBucketRef } from './time-series-bucket-stats.type';

export const ItemTimeSeriesRef = builder.objectRef<ItemTimeSeries>('ItemTimeSeries').implement({
  description: 'Items by decision per month or year, every period present.',
  fields: (t) => ({
    interval: t.expose('interval', { type: TimeIntervalEnum }),
    buckets: t.field({
      type: [TimeSeriesBucketRef],
      description:
        "In time order, from the filter's decisionDateFrom (else the first dated item) to its decisionDateTo (else the last); periods without items have zero counts.",
      extensions: PROPERTY_READ,
      resolve: (s) => s.buckets,
    }),
    undated: t.field({
      type: ItemSetStatsRef,
      description: 'Matching items whose letter states no decision date: in no bucket.',
      extensions: PROPERTY_READ,
      resolve: (s) => s.undated,
    }),
  }),
});

builder.queryField('timeSeries', (t) =>
  t.field({
    type: ItemTimeSeriesRef,
    description:
      'A time series of item decisions and overturn rates by decision month or year, with empty periods filled. The same counts as itemStats grouped by DECISION_MONTH or DECISION_YEAR.',
    args: {
      filter: t.arg({ type: ItemFilterInput, required: false }),
      interval: t.arg({ type: TimeIntervalEnum, required: false, defaultValue: 'MONTH' }),
    },
    resolve: (_root, args, ctx) =>
      withStatsArguments(() =>
        itemTimeSeries(
          ctx.db,
          { filter: toItemFilter(args.filter), interval: args.interval ?? 'MONTH' },
          ctx.dialect,
        ),
      ),
  }),
);
