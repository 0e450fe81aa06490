import { builder } from '../builder';
import { TimeUnitEnum } from './enums.type';

export interface FrequencyShape {
  min: number;
  max: number;
  per: string;
}

export const FrequencyRef = builder.objectRef<FrequencyShape>('Frequency').implement({
  description: 'How often, e.g. 2-3 times per week (min 2, max 3, per WEEK).',
  fields: (t) => ({
    min: t.exposeInt('min'),
    max: t.exposeInt('max'),
    per: t.field({ type: TimeUnitEnum, resolve: (f) => f.per as never }),
  }),
});
