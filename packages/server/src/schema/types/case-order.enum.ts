import { CASE_ORDERS } from '@imr/store/repositories/case.repository';
import { builder } from '../builder';

const descriptions: Record<keyof typeof CASE_ORDERS, string> = {
  DECISION_DATE_DESC: 'Newest decisions first; cases without a decision date last.',
  DECISION_DATE_ASC: 'Oldest decisions first; cases without a decision date first.',
  CASE_NUMBER_ASC: 'By case number; letters without one first.',
  INGESTED_ASC: 'In the order the letters were stored.',
  INGESTED_DESC: 'Most recently stored first.',
};

export const CaseOrderEnum = builder.enumType('CaseOrder', {
  values: Object.fromEntries(
    Object.keys(CASE_ORDERS).map((name) => [
      name,
      { description: descriptions[name as keyof typeof CASE_ORDERS] },
    ]),
  ) as Record<keyof typeof CASE_ORDERS, { description: string }>,
});
