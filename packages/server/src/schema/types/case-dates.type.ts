import type { CaseRow } from '@imr/store/database';
import { builder } from '../builder';

export const CaseDatesRef = builder.objectRef<CaseRow>('CaseDates').implement({
  description: 'The dates a letter states, as ISO yyyy-mm-dd strings; null when the letter does not say.',
  fields: (t) => ({
    assigned: t.string({ nullable: true, resolve: (c) => c.dateAssigned }),
    injury: t.string({ nullable: true, resolve: (c) => c.dateInjury }),
    decision: t.string({ nullable: true, resolve: (c) => c.dateDecision }),
    urDenial: t.string({
      nullable: true,
      description: 'The utilization review denial the worker disputed.',
      resolve: (c) => c.dateUrDenial,
    }),
    applicationReceived: t.string({ nullable: true, resolve: (c) => c.dateApplicationReceived }),
  }),
});
