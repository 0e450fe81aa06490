import { type CitationCoverage, citationCoverage } from '@imr/analytics/guideline-stats';
import { CITED_BY, type CitedBy } from '@imr/parser';
import { builder } from '../builder';
import { PROPERTY_READ } from '../property-read.plugin';
import { CitedByEnum } from './enums.type';
import { ItemFilterInput, toItemFilter } from './item-filter.input';
import { ItemSetStatsRef } from './item-set-stats.type';
import { RateIntervalRef } from './rate-interval-stats.type';
import { withStatsArguments } from './stats-input.type';

export const CitationCoverageRef = builder.objectRef<CitationCoverage>('CitationCoverage').implement({
  description: 'How often one party cited no guideline for a set of items, and how those items were decided.',
  fields: (t) => ({
    citedBy: t.field({ type: CitedByEnum, extensions: PROPERTY_READ, resolve: (c) => c.citedBy as CitedBy }),
    items: t.exposeInt('items', { description: 'The items the filter selects.' }),
    citedNothing: t.field({
      type: ItemSetStatsRef,
      description: 'Items for which this party cited no guideline (the letter says none, or lists none).',
      extensions: PROPERTY_READ,
      resolve: (c) => c.citedNothing,
    }),
    citedSomething: t.field({
      type: ItemSetStatsRef,
      description: 'Items for which this party cited at least one guideline.',
      extensions: PROPERTY_READ,
      resolve: (c) => c.citedSomething,
    }),
    citedNothingShare: t.exposeFloat('citedNothingShare', {
      nullable: true,
      description: 'citedNothing.count ÷ items; null when no item is selected.',
    }),
    citedNothingShareInterval: t.field({
      type: RateIntervalRef,
      nullable: true,
      description: 'Wilson 95% interval of citedNothingShare.',
      extensions: PROPERTY_READ,
      resolve: (c) => c.citedNothingShareInterval,
    }),
  }),
});

builder.queryField('citationCoverage', (t) =>
  t.field({
    type: [CitationCoverageRef],
    description:
      'For each party (claims administrator, IMR reviewer): how often it cited no guideline for the items a filter selects, and the overturn rate with and without a citation.',
    args: { filter: t.arg({ type: ItemFilterInput, required: false }) },
    resolve: (_root, args, ctx) =>
      withStatsArguments(() => citationCoverage(ctx.db, toItemFilter(args.filter), CITED_BY, ctx.dialect)),
  }),
);
