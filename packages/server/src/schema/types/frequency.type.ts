import { builder } from '../builder';
import { PROPERTY_READ } from '../property-read.plugin';
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
    per: t.field({ type: TimeUnitEnum, extensions: PROPERTY_READ, resolve: (f) => f.per as never }),
  }),
});
