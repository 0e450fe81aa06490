import type { ItemRow } from '@imr/store/database';
import { builder } from '../builder';
import { DrugClassEnum } from './enums.type';

export const DrugRef = builder.objectRef<ItemRow>('Drug').implement({
  description: 'The medication a pharmaceutical item requests.',
  fields: (t) => ({
    name: t.string({
      description: 'As written in the letter, e.g. "Dilaudid".',
      resolve: (i) => i.drugName ?? '',
    }),
    generic: t.string({
      nullable: true,
      description: 'Generic name, e.g. "hydromorphone".',
      resolve: (i) => i.drugGeneric,
    }),
    drugClass: t.field({ type: DrugClassEnum, resolve: (i) => (i.drugClass ?? 'OTHER') as never }),
    strength: t.string({ nullable: true, description: 'e.g. "4 mg".', resolve: (i) => i.drugStrength }),
    dispensed: t.int({
      nullable: true,
      description: 'Units requested (the "#90").',
      resolve: (i) => i.drugDispensed,
    }),
  }),
});
