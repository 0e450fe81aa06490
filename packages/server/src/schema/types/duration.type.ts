import { builder } from '../builder';
import { PROPERTY_READ } from '../property-read.plugin';
import { TimeUnitEnum } from './enums.type';

export interface DurationShape {
  min: number;
  max: number;
  unit: string;
}

export const DurationRef = builder.objectRef<DurationShape>('Duration').implement({
  description: 'For how long, e.g. 8-12 weeks (min 8, max 12, unit WEEK).',
  fields: (t) => ({
    min: t.exposeInt('min'),
    max: t.exposeInt('max'),
    unit: t.field({ type: TimeUnitEnum, extensions: PROPERTY_READ, resolve: (d) => d.unit as never }),
  }),
});
