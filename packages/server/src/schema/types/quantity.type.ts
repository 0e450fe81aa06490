import { builder } from '../builder';

export interface QuantityShape {
  count: number;
  unit: string;
}

export const QuantityRef = builder.objectRef<QuantityShape>('Quantity').implement({
  description: 'How many of something an item requests, e.g. 12 sessions.',
  fields: (t) => ({
    count: t.exposeInt('count'),
    unit: t.exposeString('unit', { description: 'Singular, e.g. "session".' }),
  }),
});
