import type { DecisionCounts } from '../../db/repositories/reviewer.repository';
import { builder } from '../builder';

export const DecisionCountsRef = builder.objectRef<DecisionCounts>('DecisionCounts').implement({
  description: 'How a set of disputed items was decided.',
  fields: (t) => ({
    items: t.exposeInt('items', { description: 'Items in the set.' }),
    upheld: t.exposeInt('upheld'),
    overturned: t.exposeInt('overturned'),
    partiallyOverturned: t.exposeInt('partiallyOverturned'),
    unknown: t.exposeInt('unknown', {
      description: 'Items whose decision the letter does not state clearly.',
    }),
    overturnRate: t.float({
      nullable: true,
      description:
        'Overturned (fully or partly) ÷ items with a known decision; null when no item has a known decision.',
      resolve: (c) => {
        const decided = c.items - c.unknown;
        return decided === 0 ? null : (c.overturned + c.partiallyOverturned) / decided;
      },
    }),
  }),
});
