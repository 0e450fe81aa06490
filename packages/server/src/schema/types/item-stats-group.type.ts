import type { ItemStatsGroup } from '@imr/analytics/item-stats';
import { builder } from '../builder';
import { DecisionStatsRef } from './decision-stats.type';
import { ItemStatsKeyRef } from './item-stats-key.type';

export const ItemStatsGroupRef = builder.objectRef<ItemStatsGroup>('ItemStatsGroup').implement({
  description: 'The items sharing one key.',
  interfaces: [DecisionStatsRef],
  fields: (t) => ({
    key: t.expose('key', { type: ItemStatsKeyRef }),
  }),
});
