import type { ReviewerFilter } from '@imr/store/repositories/reviewer.repository';
import { builder } from '../builder';

export const ReviewerFilterInput = builder.inputType('ReviewerFilter', {
  description: 'Filters combine with AND; a list matches any of its values.',
  fields: (t) => ({
    specialty: t.stringList({
      required: false,
      description: 'Board specialties or subspecialties, e.g. "Pain Medicine".',
    }),
    state: t.stringList({
      required: false,
      description: 'USPS codes of a state the reviewer is licensed in.',
    }),
  }),
});

export function toReviewerFilter(
  input: typeof ReviewerFilterInput.$inferInput | null | undefined,
): ReviewerFilter {
  if (!input) return {};
  return { specialties: input.specialty, states: input.state?.map((s) => s.trim().toUpperCase()) };
}
