import type { GuidelineCounts } from '@imr/store/repositories/guideline.repository';
import { builder } from '../builder';
import { DecisionStatsRef, type DecisionStatsShape } from './decision-stats.type';

export const GuidelineUsageRef = builder
  .objectRef<GuidelineCounts & DecisionStatsShape>('GuidelineUsage')
  .implement({
    description:
      'How often a guideline was cited, and how the distinct items citing it were decided (an item citing it twice counts once).',
    interfaces: [DecisionStatsRef],
    fields: (t) => ({
      citations: t.exposeInt('citations', { description: 'Citations of the guideline, by either party.' }),
    }),
  });
