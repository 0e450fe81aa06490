import { GUIDELINE_LEVELS, type GuidelineLevel } from '@imr/store/dimensions';
import { builder } from '../builder';

const DESCRIPTIONS: Record<GuidelineLevel, string> = {
  SOURCE: 'One group per source (MTUS, ODG, ACOEM, CCR, OTHER, NONE).',
  GUIDELINE: 'One group per guideline: source and name.',
  TOPIC: 'One group per topic of a guideline: source, name and topic.',
};

export const GuidelineLevelEnum = builder.enumType('GuidelineLevel', {
  description: 'How finely guideline analytics group citations.',
  values: Object.fromEntries(GUIDELINE_LEVELS.map((l) => [l, { value: l, description: DESCRIPTIONS[l] }])),
});
