import type { Priority, Sex } from '@imr/parser';
import type { CaseStatsKey } from '@imr/store/dimensions';
import type { AgeBand } from '@imr/store/repositories/age-band';
import { builder } from '../builder';
import { PROPERTY_READ } from '../property-read.plugin';
import { AgeBandEnum, PriorityEnum, SexEnum } from './enums.type';

export const CaseStatsKeyRef = builder.objectRef<CaseStatsKey>('CaseStatsKey').implement({
  description:
    "A group's key: the fields of the groupBy dimensions are set (null: the case has no value there); the others are null.",
  fields: (t) => ({
    decisionYear: t.exposeInt('decisionYear', { nullable: true }),
    decisionMonth: t.exposeString('decisionMonth', { nullable: true, description: '"YYYY-MM"' }),
    priority: t.field({
      type: PriorityEnum,
      nullable: true,
      extensions: PROPERTY_READ,
      resolve: (k) => k.priority as Priority | null,
    }),
    reviewerSpecialty: t.exposeString('reviewerSpecialty', { nullable: true }),
    reviewerState: t.exposeString('reviewerState', { nullable: true, description: 'USPS code.' }),
    patientSex: t.field({
      type: SexEnum,
      nullable: true,
      extensions: PROPERTY_READ,
      resolve: (k) => k.patientSex as Sex | null,
    }),
    patientAgeBand: t.field({
      type: AgeBandEnum,
      nullable: true,
      extensions: PROPERTY_READ,
      resolve: (k) => k.patientAgeBand as AgeBand | null,
    }),
  }),
});
