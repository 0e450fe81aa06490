import type { CitedPageGroup } from '@imr/analytics/guideline-stats';
import type { Category, GuidelineSource } from '@imr/parser';
import { builder } from '../builder';
import { PROPERTY_READ } from '../property-read.plugin';
import { DecisionStatsRef } from './decision-stats.type';
import { CategoryEnum, GuidelineSourceEnum } from './enums.type';

export const CitedPageStatsRef = builder.objectRef<CitedPageGroup>('CitedPageStats').implement({
  description: 'One page of a guideline and the distinct items citing it.',
  interfaces: [DecisionStatsRef],
  fields: (t) => ({
    category: t.field({
      type: CategoryEnum,
      nullable: true,
      description: 'The items’ category, with perCategory; else null.',
      extensions: PROPERTY_READ,
      resolve: (g) => g.category as Category | null,
    }),
    source: t.field({
      type: GuidelineSourceEnum,
      extensions: PROPERTY_READ,
      resolve: (g) => g.source as GuidelineSource,
    }),
    guideline: t.exposeString('guideline', { nullable: true, description: 'Guideline name.' }),
    page: t.exposeInt('page'),
    share: t.exposeFloat('share', {
      description: 'count ÷ the items the filter selects (of this category, with perCategory).',
    }),
  }),
});
