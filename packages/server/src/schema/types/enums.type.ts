import {
  BODY_REGIONS,
  CATEGORIES,
  CITED_BY,
  DECISIONS,
  DRUG_CLASSES,
  GUIDELINE_SOURCES,
  PRIORITIES,
  SEXES,
  TIME_UNITS,
} from '@imr/parser';
import { AGE_BANDS } from '@imr/store/repositories/age-band';
import { builder } from '../builder';

// The parser's enumerations, exposed as GraphQL enums so clients get typed keys, not strings.
export const DecisionEnum = builder.enumType('Decision', { values: DECISIONS });
export const CategoryEnum = builder.enumType('Category', { values: CATEGORIES });
export const DrugClassEnum = builder.enumType('DrugClass', { values: DRUG_CLASSES });
export const BodyRegionEnum = builder.enumType('BodyRegion', { values: BODY_REGIONS });
export const CitedByEnum = builder.enumType('CitedBy', { values: CITED_BY });
export const GuidelineSourceEnum = builder.enumType('GuidelineSource', { values: GUIDELINE_SOURCES });
export const PriorityEnum = builder.enumType('Priority', { values: PRIORITIES });
export const SexEnum = builder.enumType('Sex', { values: SEXES });
/** The contract's time units are lower-case ('week'); GraphQL enum values are DAY, WEEK, MONTH, YEAR. */
export const TimeUnitEnum = builder.enumType('TimeUnit', {
  values: Object.fromEntries(TIME_UNITS.map((unit) => [unit.toUpperCase(), { value: unit }])),
});

/** GraphQL enum names cannot contain '<', '-' or '+': map the stored band labels onto valid names. */
export const AGE_BAND_NAMES: Record<(typeof AGE_BANDS)[number], string> = {
  '<18': 'UNDER_18',
  '18-29': 'AGE_18_29',
  '30-39': 'AGE_30_39',
  '40-49': 'AGE_40_49',
  '50-59': 'AGE_50_59',
  '60-69': 'AGE_60_69',
  '70+': 'AGE_70_PLUS',
};
export const AgeBandEnum = builder.enumType('AgeBand', {
  values: Object.fromEntries(
    AGE_BANDS.map((band) => [AGE_BAND_NAMES[band], { value: band, description: band }]),
  ),
});
