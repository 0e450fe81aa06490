import type { GroupedResult, GuidelineStatsGroup } from '@imr/analytics/guideline-stats';
import { guidelineStats } from '@imr/analytics/guideline-stats';
import { builder } from '../builder';
import { PROPERTY_READ } from '../property-read.plugin';
import { CitedByEnum, GuidelineSourceEnum } from './enums.type';
import { GuidelineLevelEnum } from './guideline-level-stats.type';
import { GuidelineStatsGroupRef } from './guideline-stats-group.type';
import { ItemFilterInput, toItemFilter } from './item-filter.input';
import { ItemSetStatsRef } from './item-set-stats.type';
import { statsLimit, withStatsArguments } from './stats-input.type';
import { StatsOrderEnum } from './stats-order.type';

export const GuidelineStatsRef = builder
  .objectRef<GroupedResult<GuidelineStatsGroup>>('GuidelineStats')
  .implement({
    description: 'The guidelines cited for a set of items, most cited first unless orderBy says otherwise.',
    fields: (t) => ({
      items: t.field({
        type: ItemSetStatsRef,
        description: 'The items the filter selects: the denominator of share.',
        extensions: PROPERTY_READ,
        resolve: (s) => s.items,
      }),
      groups: t.expose('groups', { type: [GuidelineStatsGroupRef] }),
      groupCount: t.exposeInt('groupCount', {
        description: 'Groups with at least minCount items, before the limit.',
      }),
    }),
  });

builder.queryField('guidelineStats', (t) =>
  t.field({
    type: GuidelineStatsRef,
    description:
      'Which guidelines decide the items a filter selects: per guideline, the distinct items citing it, their share, how they were decided (overturn rate by guideline cited) and the citation count. Source NONE groups the letters saying a party cited nothing; see citationCoverage for that share per party.',
    args: {
      filter: t.arg({ type: ItemFilterInput, required: false }),
      citedBy: t.arg({ type: CitedByEnum, required: false, description: 'Only citations by this party.' }),
      source: t.arg({ type: [GuidelineSourceEnum], required: false, description: 'Only these sources.' }),
      level: t.arg({ type: GuidelineLevelEnum, required: false, description: 'Default GUIDELINE.' }),
      perCategory: t.arg.boolean({
        required: false,
        description: 'Break every group down by item category.',
      }),
      orderBy: t.arg({ type: StatsOrderEnum, required: false, description: 'Default COUNT_DESC.' }),
      minCount: t.arg.int({ required: false, description: 'Leave out groups with fewer items. Default 1.' }),
      limit: t.arg.int({
        required: false,
        description: 'Most groups returned, 1 to 10,000 (default 1,000).',
      }),
    },
    resolve: (_root, args, ctx) =>
      withStatsArguments(() =>
        guidelineStats(
          ctx.db,
          {
            filter: toItemFilter(args.filter),
            citedBy: args.citedBy,
            sources: args.source,
            level: args.level,
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
