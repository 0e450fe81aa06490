import { quoteInput } from '@imr/store/quote-input';
import type { ItemFilter } from '@imr/store/repositories/item-filter';
import { GraphQLError } from 'graphql';
import { builder } from '../builder';
import {
  AgeBandEnum,
  BodyRegionEnum,
  CategoryEnum,
  DecisionEnum,
  DrugClassEnum,
  GuidelineSourceEnum,
  PriorityEnum,
  SexEnum,
} from './enums.type';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const ItemFilterInput = builder.inputType('ItemFilter', {
  description:
    'Filters combine with AND; a list matches any of its values. Dates are ISO yyyy-mm-dd, inclusive.',
  fields: (t) => ({
    decision: t.field({ type: [DecisionEnum], required: false }),
    category: t.field({ type: [CategoryEnum], required: false }),
    treatment: t.stringList({
      required: false,
      description: 'Normalised treatment names, e.g. "massage therapy".',
    }),
    drugClass: t.field({ type: [DrugClassEnum], required: false }),
    drug: t.stringList({ required: false, description: 'Generic drug names, e.g. "hydromorphone".' }),
    bodyRegion: t.field({ type: [BodyRegionEnum], required: false }),
    reviewerSpecialty: t.stringList({ required: false }),
    reviewerState: t.stringList({
      required: false,
      description: 'USPS codes of the reviewer licence state.',
    }),
    guidelineSource: t.field({ type: [GuidelineSourceEnum], required: false }),
    guidelineTopic: t.stringList({ required: false }),
    priority: t.field({ type: [PriorityEnum], required: false }),
    patientSex: t.field({ type: [SexEnum], required: false }),
    patientAgeBand: t.field({ type: [AgeBandEnum], required: false }),
    decisionDateFrom: t.string({ required: false }),
    decisionDateTo: t.string({ required: false }),
    injuryDateFrom: t.string({ required: false }),
    injuryDateTo: t.string({ required: false }),
    partiallyCertified: t.boolean({
      required: false,
      description:
        'true: only items whose request utilization review partly certified (the remaining IMR eligible portion); false: only the others.',
    }),
    text: t.string({ required: false, description: 'Full-text search over item titles and rationales.' }),
  }),
});

export type ItemFilterInputShape = typeof ItemFilterInput.$inferInput;

export function checkDate(field: string, value: string | null | undefined): string | null {
  if (value == null) return null;
  // Date.parse rolls 2014-02-30 over to March: a real date prints back as itself.
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`filter.${field}: ${quoteInput(value)} is not a date in yyyy-mm-dd form`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** Validates the GraphQL input and maps it onto the store's ItemFilter. */
export function toItemFilter(input: ItemFilterInputShape | null | undefined): ItemFilter {
  if (!input) return {};
  return {
    decisions: input.decision,
    categories: input.category,
    treatments: input.treatment,
    drugClasses: input.drugClass,
    drugGenerics: input.drug,
    bodyRegions: input.bodyRegion,
    reviewerSpecialties: input.reviewerSpecialty,
    reviewerStates: input.reviewerState?.map((s) => s.toUpperCase()),
    guidelineSources: input.guidelineSource,
    guidelineTopics: input.guidelineTopic,
    priorities: input.priority,
    patientSexes: input.patientSex,
    patientAgeBands: input.patientAgeBand,
    decisionDateFrom: checkDate('decisionDateFrom', input.decisionDateFrom),
    decisionDateTo: checkDate('decisionDateTo', input.decisionDateTo),
    injuryDateFrom: checkDate('injuryDateFrom', input.injuryDateFrom),
    partiallyCertified: input.partiallyCertified,
    injuryDateTo: checkDate('injuryDateTo', input.injuryDateTo),
    text: input.text,
  };
}
