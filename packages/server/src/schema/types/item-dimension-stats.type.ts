import { ITEM_DIMENSIONS, type ItemDimension } from '@imr/store/dimensions';
import { builder } from '../builder';

const DESCRIPTIONS: Record<ItemDimension, string> = {
  CATEGORY: 'Treatment category.',
  DECISION_YEAR: 'Year of the IMR decision.',
  DECISION_MONTH: 'Month of the IMR decision, "YYYY-MM".',
  DRUG_CLASS: 'Drug class (pharmaceutical items).',
  DRUG: 'Generic drug name (pharmaceutical items).',
  TREATMENT: 'Normalised treatment.',
  BODY_REGION: 'Body region the item treats; multi-valued: an item counts once per region.',
  REVIEWER_SPECIALTY:
    "Reviewer's board specialty or subspecialty; multi-valued: an item counts once per specialty of its reviewer.",
  REVIEWER_STATE: "State of the reviewer's licence; multi-valued: an item counts once per state.",
  GUIDELINE_SOURCE: 'Source of a guideline cited for the item (NONE: a party cited nothing); multi-valued.',
  GUIDELINE_TOPIC: 'Topic of a guideline cited for the item; multi-valued.',
  GUIDELINE: 'Name of a guideline cited for the item; multi-valued.',
  CITED_BY:
    'Who cited (claims administrator or IMR reviewer); combined with the other guideline dimensions it reads the same citation.',
  PRIORITY: 'Standard or expedited review.',
  PATIENT_SEX: "Patient's sex.",
  PATIENT_AGE_BAND: "Patient's age band.",
  DECISION: 'The decision itself.',
};

export const ItemDimensionEnum = builder.enumType('ItemDimension', {
  description:
    'What item aggregates group by. Multi-valued dimensions count an item once per value (so groups can sum to more than the total); items with no value fall in the group whose key is null.',
  values: Object.fromEntries(ITEM_DIMENSIONS.map((d) => [d, { value: d, description: DESCRIPTIONS[d] }])),
});
