import type { Priority, Sex } from '@imr/parser';
import type { CaseStatsKey } from '@imr/store/dimensions';
import type { AgeBand } from '@imr/store/repositories/age-band';
import { builder } from '../builder';
import { AgeBandEnum, PriorityEnum, SexEnum } from './enums.type';

export const CaseStatsKeyRef = builder.objectRef<CaseStatsKey>('CaseStatsKey').implement({
  description:
    "A group's key: the fields of the groupBy dimensions are set (null: the case has no value there); the others are null.",
  fields: (t) => ({
    decisionYear: t.int({ nullable: true, resolve: (k) => k.decisionYear }),
    decisionMonth: t.string({ nullable: true, description: '"YYYY-MM"', resolve: (k) => k.decisionMonth }),
    priority: t.field({ type: PriorityEnum, nullable: true, resolve: (k) => k.priority as Priority | null }),
    reviewerSpecialty: t.string({ nullable: true, resolve: (k) => k.reviewerSpecialty }),
    reviewerState: t.string({ nullable: true, description: 'USPS code.', resolve: (k) => k.reviewerState }),
    patientSex: t.field({ type: SexEnum, nullable: true, resolve: (k) => k.patientSex as Sex | null }),
    patientAgeBand: t.field({
      type: AgeBandEnum,
      nullable: true,
      resolve: (k) => k.patientAgeBand as AgeBand | null,
    }),
  }),
});
