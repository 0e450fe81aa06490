import { type CaseStatsResult, caseStats } from '@imr/analytics/case-stats';
import { MAX_CASE_DIMENSIONS } from '@imr/store/dimensions';
import { builder } from '../builder';
import { PROPERTY_READ } from '../property-read.plugin';
import { CaseDimensionEnum } from './case-dimension-stats.type';
import { CaseStatsGroupRef } from './case-stats-group.type';
import { CaseStatsTotalRef } from './case-stats-total.type';
import { ItemFilterInput, toItemFilter } from './item-filter.input';
import { statsLimit, withStatsArguments } from './stats-input.type';

export const CaseStatsRef = builder.objectRef<CaseStatsResult>('CaseStats').implement({
  description: 'Case counts, items per case and days from UR denial to decision, in total and per group.',
  fields: (t) => ({
    total: t.expose('total', { type: CaseStatsTotalRef }),
    groups: t.field({
      type: [CaseStatsGroupRef],
      description:
        'Groups with at least minCount cases: in time order when grouped by DECISION_YEAR or DECISION_MONTH, else largest first.',
      extensions: PROPERTY_READ,
      resolve: (s) => s.groups,
    }),
    groupCount: t.exposeInt('groupCount', {
      description: 'How many groups had at least minCount cases, before the limit.',
    }),
  }),
});

builder.queryField('caseStats', (t) =>
  t.field({
    type: CaseStatsRef,
    description: `Cases (decision letters) counted, with items per case and days from the utilization review denial to the IMR decision (mean, median, 90th percentile), grouped by up to ${MAX_CASE_DIMENSIONS} dimensions.`,
    args: {
      filter: t.arg({
        type: ItemFilterInput,
        required: false,
        description:
          'Selects the cases with at least one item the filter matches; no filter selects every case.',
      }),
      groupBy: t.arg({ type: [CaseDimensionEnum], required: false }),
      minCount: t.arg.int({ required: false, description: 'Leave out groups with fewer cases. Default 1.' }),
      limit: t.arg.int({
        required: false,
        description: 'Most groups returned, 1 to 10,000 (default 1,000).',
      }),
    },
    resolve: (_root, args, ctx) =>
      withStatsArguments(() =>
        caseStats(
          ctx.db,
          {
            filter: toItemFilter(args.filter),
            groupBy: args.groupBy,
            minCount: args.minCount,
            limit: statsLimit(args.limit),
          },
          ctx.dialect,
        ),
      ),
  }),
);
