import { ITEM_ORDERS } from '@imr/store/repositories/item.repository';
import { builder } from '../builder';

const descriptions: Record<keyof typeof ITEM_ORDERS, string> = {
  INGESTED_ASC: 'In the order the letters were stored, items in letter order.',
  INGESTED_DESC: 'Most recently stored first.',
  DECISION_DATE_DESC: 'Newest decisions first; items without a decision date last.',
  DECISION_DATE_ASC: 'Oldest decisions first; items without a decision date first.',
};

export const ItemOrderEnum = builder.enumType('ItemOrder', {
  values: Object.fromEntries(
    Object.keys(ITEM_ORDERS).map((name) => [
      name,
      { description: descriptions[name as keyof typeof ITEM_ORDERS] },
    ]),
  ) as Record<keyof typeof ITEM_ORDERS, { description: string }>,
});
