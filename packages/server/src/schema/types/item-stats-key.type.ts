import type {
  BodyRegion,
  Category,
  CitedBy,
  Decision,
  DrugClass,
  GuidelineSource,
  Priority,
  Sex,
} from '@imr/parser';
import type { ItemStatsKey } from '@imr/store/dimensions';
import type { AgeBand } from '@imr/store/repositories/age-band';
import { builder } from '../builder';
import { PROPERTY_READ } from '../property-read.plugin';
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

// The store keeps enum values as the parser wrote them, so the casts below only narrow string to its enum.
export const ItemStatsKeyRef = builder.objectRef<ItemStatsKey>('ItemStatsKey').implement({
  description:
    "A group's key: the fields of the groupBy dimensions are set, and null there means the items have no value (no decision date, no body region, no citation...). Fields of other dimensions are null.",
  fields: (t) => ({
    category: t.field({
      type: CategoryEnum,
      nullable: true,
      extensions: PROPERTY_READ,
      resolve: (k) => k.category as Category | null,
    }),
    decisionYear: t.exposeInt('decisionYear', { nullable: true }),
    decisionMonth: t.exposeString('decisionMonth', { nullable: true, description: '"YYYY-MM"' }),
    drugClass: t.field({
      type: DrugClassEnum,
      nullable: true,
      extensions: PROPERTY_READ,
      resolve: (k) => k.drugClass as DrugClass | null,
    }),
    drug: t.exposeString('drug', { nullable: true, description: 'Generic drug name.' }),
    treatment: t.exposeString('treatment', { nullable: true }),
    bodyRegion: t.field({
      type: BodyRegionEnum,
      nullable: true,
      extensions: PROPERTY_READ,
      resolve: (k) => k.bodyRegion as BodyRegion | null,
    }),
    reviewerSpecialty: t.exposeString('reviewerSpecialty', { nullable: true }),
    reviewerState: t.exposeString('reviewerState', { nullable: true, description: 'USPS code.' }),
    guidelineSource: t.field({
      type: GuidelineSourceEnum,
      nullable: true,
      extensions: PROPERTY_READ,
      resolve: (k) => k.guidelineSource as GuidelineSource | null,
    }),
    guidelineTopic: t.exposeString('guidelineTopic', { nullable: true }),
    guideline: t.exposeString('guideline', { nullable: true, description: 'Guideline name.' }),
    citedBy: t.field({
      type: CitedByEnum,
      nullable: true,
      extensions: PROPERTY_READ,
      resolve: (k) => k.citedBy as CitedBy | null,
    }),
    priority: t.field({
      type: PriorityEnum,
      nullable: true,
      extensions: PROPERTY_READ,
      resolve: (k) => k.priority as Priority | null,
    }),
    patientSex: t.field({
      type: SexEnum,
      nullable: true,
      extensions: PROPERTY_READ,
      resolve: (k) => k.patientSex as Sex | null,
    }),
    patientAgeBand: t.field({
      type: AgeBandEnum,
      nullable: true,
      extensions: PROPERTY_READ,
      resolve: (k) => k.patientAgeBand as AgeBand | null,
    }),
    decision: t.field({
      type: DecisionEnum,
      nullable: true,
      extensions: PROPERTY_READ,
      resolve: (k) => k.decision as Decision | null,
    }),
  }),
});
