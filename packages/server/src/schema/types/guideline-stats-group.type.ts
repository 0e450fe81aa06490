import type { GuidelineStatsGroup } from '@imr/analytics/guideline-stats';
import type { Category, GuidelineSource } from '@imr/parser';
import { builder } from '../builder';
import { PROPERTY_READ } from '../property-read.plugin';
import { DecisionStatsRef } from './decision-stats.type';
import { CategoryEnum, GuidelineSourceEnum } from './enums.type';

export const GuidelineStatsGroupRef = builder
  .objectRef<GuidelineStatsGroup>('GuidelineStatsGroup')
  .implement({
    description:
      'One guideline (or source, or topic) and the distinct items citing it: count and decisions are of those items.',
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
      guideline: t.exposeString('guideline', {
        nullable: true,
        description: 'Guideline name; null at level SOURCE or when the letter names none.',
      }),
      topic: t.exposeString('topic', { nullable: true, description: 'Topic; null unless level is TOPIC.' }),
      citations: t.exposeInt('citations', {
        description: 'Citations counted one by one (an item citing the guideline twice counts twice).',
      }),
      share: t.exposeFloat('share', {
        description: 'count ÷ the items the filter selects (of this category, with perCategory).',
      }),
    }),
  });
