import type { CaseStatsGroup } from '@imr/analytics/case-stats';
import { builder } from '../builder';
import { CaseStatsKeyRef } from './case-stats-key.type';
import { CaseStatsMeasuresRef } from './case-stats-measures.type';

export const CaseStatsGroupRef = builder.objectRef<CaseStatsGroup>('CaseStatsGroup').implement({
  description: 'The cases sharing one key.',
  interfaces: [CaseStatsMeasuresRef],
  fields: (t) => ({
    key: t.expose('key', { type: CaseStatsKeyRef }),
  }),
});
