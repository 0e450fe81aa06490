import type { CaseTally } from '@imr/analytics/case-stats';
import { builder } from '../builder';
import { PROPERTY_READ } from '../property-read.plugin';
import { DaysSummaryRef } from './days-summary-stats.type';

export const CaseStatsMeasuresRef = builder.interfaceRef<CaseTally>('CaseStatsMeasures').implement({
  description: 'Case (letter) counts, items per case and days from the UR denial to the IMR decision.',
  fields: (t) => ({
    cases: t.exposeInt('cases', { description: 'Cases (decision letters).' }),
    items: t.exposeInt('items', {
      description: 'Disputed items of these cases: all their items, not only those the filter matched.',
    }),
    itemsPerCase: t.exposeFloat('itemsPerCase', { nullable: true, description: 'items ÷ cases.' }),
    daysToDecision: t.field({
      type: DaysSummaryRef,
      description:
        'Days from the utilization review denial to the IMR decision, over the cases whose letter states both dates.',
      extensions: PROPERTY_READ,
      resolve: (c) => c.daysToDecision,
    }),
  }),
});
