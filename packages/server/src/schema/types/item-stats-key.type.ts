import type { ItemStatsKey } from '@imr/store/dimensions';
import { builder } from '../builder';
import {
  AgeBandEnum,
  BodyRegionEnum,
  CategoryEnum,
  CitedByEnum,
  DecisionEnum,
  DrugClassEnum,
  GuidelineSourceEnum,
  PriorityEnum,
  SexEnum,
} from './enums.type';

// The store types the enum columns as the parser's enums, so every field is exposed as its property, which
// graphql-jit reads inline.
export const ItemStatsKeyRef = builder.objectRef<ItemStatsKey>('ItemStatsKey').implement({
  description:
    "A group's key: the fields of the groupBy dimensions are set, and null there means the items have no value (no decision date, no body region, no citation...). Fields of other dimensions are null.",
  fields: (t) => ({
    category: t.expose('category', { type: CategoryEnum, nullable: true }),
    decisionYear: t.exposeInt('decisionYear', { nullable: true }),
    decisionMonth: t.exposeString('decisionMonth', { nullable: true, description: '"YYYY-MM"' }),
    drugClass: t.expose('drugClass', { type: DrugClassEnum, nullable: true }),
    drug: t.exposeString('drug', { nullable: true, description: 'Generic drug name.' }),
    treatment: t.exposeString('treatment', { nullable: true }),
    bodyRegion: t.expose('bodyRegion', { type: BodyRegionEnum, nullable: true }),
    reviewerSpecialty: t.exposeString('reviewerSpecialty', { nullable: true }),
    reviewerState: t.exposeString('reviewerState', { nullable: true, description: 'USPS code.' }),
    guidelineSource: t.expose('guidelineSource', { type: GuidelineSourceEnum, nullable: true }),
    guidelineTopic: t.exposeString('guidelineTopic', { nullable: true }),
    guideline: t.exposeString('guideline', { nullable: true, description: 'Guideline name.' }),
    citedBy: t.expose('citedBy', { type: CitedByEnum, nullable: true }),
    priority: t.expose('priority', { type: PriorityEnum, nullable: true }),
    patientSex: t.expose('patientSex', { type: SexEnum, nullable: true }),
    patientAgeBand: t.expose('patientAgeBand', { type: AgeBandEnum, nullable: true }),
    decision: t.expose('decision', { type: DecisionEnum, nullable: true }),
  }),
});
