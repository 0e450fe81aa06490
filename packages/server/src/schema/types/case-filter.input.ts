import type { CaseFilter } from '@imr/store/repositories/case.repository';
import { builder } from '../builder';
import { AgeBandEnum, PriorityEnum, SexEnum } from './enums.type';
import { checkDate, ItemFilterInput, toItemFilter } from './item-filter.input';

export const CaseFilterInput = builder.inputType('CaseFilter', {
  description:
    'Filters combine with AND; a list matches any of its values. Dates are ISO yyyy-mm-dd, inclusive. `items` keeps cases with at least one item matching it.',
  fields: (t) => ({
    caseNumber: t.stringList({ required: false, description: 'e.g. "CM14-0166055".' }),
    priority: t.field({ type: [PriorityEnum], required: false }),
    patientSex: t.field({ type: [SexEnum], required: false }),
    patientAgeBand: t.field({ type: [AgeBandEnum], required: false }),
    reviewerSpecialty: t.stringList({ required: false }),
    reviewerState: t.stringList({
      required: false,
      description: 'USPS codes of the reviewer licence state.',
    }),
    decisionDateFrom: t.string({ required: false }),
    decisionDateTo: t.string({ required: false }),
    injuryDateFrom: t.string({ required: false }),
    injuryDateTo: t.string({ required: false }),
    text: t.string({ required: false, description: 'Full-text search over case summaries.' }),
    items: t.field({ type: ItemFilterInput, required: false }),
  }),
});

/** Validates the GraphQL input (dates: BAD_USER_INPUT) and maps it onto the store's CaseFilter. */
export function toCaseFilter(input: typeof CaseFilterInput.$inferInput | null | undefined): CaseFilter {
  if (!input) return {};
  return {
    caseNumbers: input.caseNumber?.map((n) => n.trim().toUpperCase()),
    priorities: input.priority,
    patientSexes: input.patientSex,
    patientAgeBands: input.patientAgeBand as string[] | null | undefined,
    reviewerSpecialties: input.reviewerSpecialty,
    reviewerStates: input.reviewerState?.map((s) => s.trim().toUpperCase()),
    decisionDateFrom: checkDate('decisionDateFrom', input.decisionDateFrom),
    decisionDateTo: checkDate('decisionDateTo', input.decisionDateTo),
    injuryDateFrom: checkDate('injuryDateFrom', input.injuryDateFrom),
    injuryDateTo: checkDate('injuryDateTo', input.injuryDateTo),
    text: input.text,
    items: input.items ? toItemFilter(input.items) : null,
  };
}
