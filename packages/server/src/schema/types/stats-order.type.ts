import { GROUP_ORDERS } from '@imr/analytics/group-order';
import { builder } from '../builder';

const DESCRIPTIONS: Record<(typeof GROUP_ORDERS)[number], string> = {
  COUNT_DESC: 'Largest groups first.',
  COUNT_ASC: 'Smallest groups first.',
  OVERTURN_RATE_DESC: 'Highest overturn rate first (groups with nothing decided last).',
  OVERTURN_RATE_ASC: 'Lowest overturn rate first (groups with nothing decided last).',
  OVERTURN_RATE_LOW_DESC:
    "Highest lower bound of the overturn rate's 95% interval first: groups surely overturned often, not small lucky ones.",
  KEY_ASC: 'By key, dimension by dimension in groupBy order, values ascending, missing values last.',
  KEY_DESC: 'By key, values descending, missing values last.',
};

export const StatsOrderEnum = builder.enumType('StatsOrder', {
  description:
    'How aggregate groups are ordered; ties fall back to the key, so every order is deterministic.',
  values: Object.fromEntries(
    GROUP_ORDERS.map((order) => [order, { value: order, description: DESCRIPTIONS[order] }]),
  ),
});
