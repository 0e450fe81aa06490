import type { CaseStatsKey } from '@imr/store/dimensions';
import { builder } from '../builder';
import { AgeBandEnum, PriorityEnum, SexEnum } from './enums.type';

export const CaseStatsKeyRef = builder.objectRef<CaseStatsKey>('CaseStatsKey').implement({
  description:
    "A group's key: the fields of the groupBy dimensions are set (null: the case has no value there); the others are null.",
  fields: (t) => ({
    decisionYear: t.exposeInt('decisionYear', { nullable: true }),
    decisionMonth: t.exposeString('decisionMonth', { nullable: true, description: '"YYYY-MM"' }),
    priority: t.expose('priority', { type: PriorityEnum, nullable: true }),
    reviewerSpecialty: t.exposeString('reviewerSpecialty', { nullable: true }),
    reviewerState: t.exposeString('reviewerState', { nullable: true, description: 'USPS code.' }),
    patientSex: t.expose('patientSex', { type: SexEnum, nullable: true }),
    patientAgeBand: t.expose('patientAgeBand', { type: AgeBandEnum, nullable: true }),
  }),
});
