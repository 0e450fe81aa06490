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

type EnumFields = {
  category: Category;
  drugClass: DrugClass;
  bodyRegion: BodyRegion;
  guidelineSource: GuidelineSource;
  citedBy: CitedBy;
  priority: Priority;
  patientSex: Sex;
  patientAgeBand: AgeBand;
  decision: Decision;
};

/**
 * An ItemStatsKey with its enum columns typed as their enums. The store keeps enum values as the parser wrote
 * them, so this only narrows string to the enum; every field is then exposed as its property, which graphql-jit
 * reads inline.
 */
export type ItemStatsKeyShape = Omit<ItemStatsKey, keyof EnumFields> & {
  [K in keyof EnumFields]?: EnumFields[K] | null;
};

export const ItemStatsKeyRef = builder.objectRef<ItemStatsKeyShape>('ItemStatsKey').implement({
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
