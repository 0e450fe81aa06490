import type { GuidelineFilter } from '@imr/store/repositories/guideline.repository';
import { builder } from '../builder';
import { GuidelineSourceEnum } from './enums.type';

export const GuidelineFilterInput = builder.inputType('GuidelineFilter', {
  description: 'Filters combine with AND; a list matches any of its values.',
  fields: (t) => ({
    source: t.field({ type: [GuidelineSourceEnum], required: false }),
    topic: t.stringList({ required: false, description: 'Exact topics, e.g. "Massage Therapy".' }),
    nameContains: t.string({
      required: false,
      description: 'Case-insensitive part of the guideline name, e.g. "chronic pain".',
    }),
  }),
});

export function toGuidelineFilter(
  input: typeof GuidelineFilterInput.$inferInput | null | undefined,
): GuidelineFilter {
  if (!input) return {};
  return { sources: input.source, topics: input.topic, nameContains: input.nameContains?.trim() || null };
}
