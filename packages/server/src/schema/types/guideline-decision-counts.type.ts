import type { GuidelineCounts } from '../../db/repositories/guideline.repository';
import { builder } from '../builder';
import { DecisionCountsRef } from './decision-counts.type';

export const GuidelineDecisionCountsRef = builder
  .objectRef<GuidelineCounts>('GuidelineDecisionCounts')
  .implement({
    description: 'How often a guideline was cited, and how the items citing it were decided.',
    fields: (t) => ({
      citations: t.exposeInt('citations', { description: 'Citations of the guideline, by anyone.' }),
      decisions: t.field({
        type: DecisionCountsRef,
        description: 'The distinct items citing the guideline, by decision.',
        resolve: (c) => c,
      }),
    }),
  });
