import type { CitedPageGroup, GroupedResult } from '@imr/analytics/guideline-stats';
import { citedPages } from '@imr/analytics/guideline-stats';
import { builder } from '../builder';
import { PROPERTY_READ } from '../property-read.plugin';
import { CitedPageStatsRef } from './cited-page-stats.type';
import { CitedByEnum, GuidelineSourceEnum } from './enums.type';
import { ItemFilterInput, toItemFilter } from './item-filter.input';
import { ItemSetStatsRef } from './item-set-stats.type';
import { statsLimit, withStatsArguments } from './stats-input.type';
import { StatsOrderEnum } from './stats-order.type';

export const CitedPagesRef = builder.objectRef<GroupedResult<CitedPageGroup>>('CitedPages').implement({
  description:
    'The guideline pages cited for a set of items, most cited first unless orderBy says otherwise.',
  fields: (t) => ({
    items: t.field({
      type: ItemSetStatsRef,
      description: 'The items the filter selects: the denominator of share.',
      extensions: PROPERTY_READ,
      resolve: (s) => s.items,
    }),
    groups: t.expose('groups', { type: [CitedPageStatsRef] }),
    groupCount: t.exposeInt('groupCount', {
      description: 'Pages with at least minCount items, before the limit.',
    }),
  }),
});

builder.queryField('citedPages', (t) =>
  t.field({
    type: CitedPagesRef,
    description:
      'Which guideline pages decide the items a filter selects, e.g. the MTUS pages cited for massage therapy requests.',
    args: {
      filter: t.arg({ type: ItemFilterInput, required: false }),
      citedBy: t.arg({ type: CitedByEnum, required: false, description: 'Only citations by this party.' }),
      source: t.arg({ type: [GuidelineSourceEnum], required: false, description: 'Only these sources.' }),
      guideline: t.arg.stringList({ required: false, description: 'Only guidelines with these names.' }),
      perCategory: t.arg.boolean({ required: false, description: 'Break every page down by item category.' }),
      orderBy: t.arg({ type: StatsOrderEnum, required: false, description: 'Default COUNT_DESC.' }),
      minCount: t.arg.int({
        required: false,
        description: 'Leave out pages cited for fewer items. Default 1.',
      }),
      limit: t.arg.int({ required: false, description: 'Most pages returned, 1 to 10,000 (default 1,000).' }),
    },
    resolve: (_root, args, ctx) =>
      withStatsArguments(() =>
        citedPages(
          ctx.db,
          {
            filter: toItemFilter(args.filter),
            citedBy: args.citedBy,
            sources: args.source,
            guidelines: args.guideline,
            perCategory: args.perCategory,
            orderBy: args.orderBy,
            minCount: args.minCount,
            limit: statsLimit(args.limit),
          },
          ctx.dialect,
        ),
      ),
  }),
);
