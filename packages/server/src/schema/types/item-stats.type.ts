import type { ItemStatsResult } from '@imr/analytics/item-stats';
import { itemStats } from '@imr/analytics/item-stats';
import { MAX_ITEM_DIMENSIONS } from '@imr/store/dimensions';
import { builder } from '../builder';
import { PROPERTY_READ } from '../property-read.plugin';
import { ItemDimensionEnum } from './item-dimension-stats.type';
import { ItemFilterInput, toItemFilter } from './item-filter.input';
import { ItemStatsGroupRef } from './item-stats-group.type';
import { ItemStatsTotalRef } from './item-stats-total.type';
import { statsLimit, withStatsArguments } from './stats-input.type';
import { StatsOrderEnum } from './stats-order.type';

export const ItemStatsRef = builder.objectRef<ItemStatsResult>('ItemStats').implement({
  description: 'Item counts by decision and overturn rates, in total and per group.',
  fields: (t) => ({
    total: t.expose('total', { type: ItemStatsTotalRef }),
    groups: t.field({
      type: [ItemStatsGroupRef],
      description:
        'Groups with at least minCount items, ordered, at most limit of them. With multi-valued dimensions an item counts in several groups, so counts can sum to more than total.count.',
      extensions: PROPERTY_READ,
      resolve: (s) => s.groups,
    }),
    groupCount: t.exposeInt('groupCount', {
      description:
        'How many groups had at least minCount items, before the limit: more than groups.length means truncated.',
    }),
  }),
});

builder.queryField('itemStats', (t) =>
  t.field({
    type: ItemStatsRef,
    description: `Disputed items counted by decision, with overturn rates and 95% intervals, grouped by up to ${MAX_ITEM_DIMENSIONS} dimensions. Grouped by DECISION_YEAR or DECISION_MONTH, groups come in time order unless orderBy says otherwise: a time series.`,
    args: {
      filter: t.arg({ type: ItemFilterInput, required: false }),
      groupBy: t.arg({
        type: [ItemDimensionEnum],
        required: false,
        description: `Up to ${MAX_ITEM_DIMENSIONS} distinct dimensions; none gives one group of every matching item.`,
      }),
      orderBy: t.arg({
        type: StatsOrderEnum,
        required: false,
        description: 'Default: KEY_ASC when grouped by a time dimension, else COUNT_DESC.',
      }),
      minCount: t.arg.int({
        required: false,
        description:
          'Leave out groups with fewer items (small groups are noise). Default 1; must not be negative.',
      }),
      limit: t.arg.int({
        required: false,
        description: 'Most groups returned, 1 to 10,000 (default 1,000).',
      }),
    },
    resolve: (_root, args, ctx) =>
      withStatsArguments(() =>
        itemStats(
          ctx.db,
          {
            filter: toItemFilter(args.filter),
            groupBy: args.groupBy,
            orderBy: args.orderBy,
            minCount: args.minCount,
            limit: statsLimit(args.limit),
          },
          ctx.dialect,
        ),
      ),
  }),
);
