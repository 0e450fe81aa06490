import { CASE_DIMENSIONS, type CaseDimension } from '@imr/store/dimensions';
import { builder } from '../builder';

const DESCRIPTIONS: Record<CaseDimension, string> = {
  DECISION_YEAR: 'Year of the IMR decision.',
  DECISION_MONTH: 'Month of the IMR decision, "YYYY-MM".',
  PRIORITY: 'Standard or expedited review.',
  REVIEWER_SPECIALTY: "Reviewer's specialty or subspecialty; multi-valued: a case counts once per specialty.",
  REVIEWER_STATE: "State of the reviewer's licence; multi-valued: a case counts once per state.",
  PATIENT_SEX: "Patient's sex.",
  PATIENT_AGE_BAND: "Patient's age band.",
};

export const CaseDimensionEnum = builder.enumType('CaseDimension', {
  description: 'What case aggregates group by; cases with no value fall in the group whose key is null.',
  values: Object.fromEntries(CASE_DIMENSIONS.map((d) => [d, { value: d, description: DESCRIPTIONS[d] }])),
});
