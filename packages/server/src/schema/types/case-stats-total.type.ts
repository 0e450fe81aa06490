import type { CaseTally } from '@imr/analytics/case-stats';
import { builder } from '../builder';
import { CaseStatsMeasuresRef } from './case-stats-measures.type';

export const CaseStatsTotalRef = builder.objectRef<CaseTally>('CaseStatsTotal').implement({
  description: 'Every case the filter selects, each counted once whatever the groupBy dimensions.',
  interfaces: [CaseStatsMeasuresRef],
});
