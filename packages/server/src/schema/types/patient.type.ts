import type { CaseRow } from '@imr/store/database';
import { builder } from '../builder';
import { AgeBandEnum, SexEnum } from './enums.type';

type PatientShape = Pick<CaseRow, 'patientAge' | 'patientSex' | 'patientAgeBand'>;

export const PatientRef = builder.objectRef<PatientShape>('Patient').implement({
  description: 'The injured worker, as far as the letter says (letters name no one).',
  fields: (t) => ({
    age: t.int({ nullable: true, resolve: (p) => p.patientAge }),
    sex: t.field({ type: SexEnum, nullable: true, resolve: (p) => p.patientSex as 'FEMALE' | 'MALE' | null }),
    ageBand: t.field({
      type: AgeBandEnum,
      nullable: true,
      resolve: (p) => p.patientAgeBand as never,
    }),
  }),
});
