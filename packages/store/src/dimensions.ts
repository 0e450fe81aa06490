// The dimensions an aggregate groups by, defined once: the SQL (repositories/*-stats.repository.ts) and the
// in-memory cube (@imr/analytics) both read these, so a new dimension is added here first and both must answer
// it (the property tests hold the cube to the SQL).

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
import type { AgeBand } from './repositories/age-band';

export const ITEM_DIMENSIONS = [
  'CATEGORY',
  'DECISION_YEAR',
  'DECISION_MONTH',
  'DRUG_CLASS',
  'DRUG',
  'TREATMENT',
  'BODY_REGION',
  'REVIEWER_SPECIALTY',
  'REVIEWER_STATE',
  'GUIDELINE_SOURCE',
  'GUIDELINE_TOPIC',
  'GUIDELINE',
  'CITED_BY',
  'PRIORITY',
  'PATIENT_SEX',
  'PATIENT_AGE_BAND',
  'DECISION',
] as const;
export type ItemDimension = (typeof ITEM_DIMENSIONS)[number];

export const MAX_ITEM_DIMENSIONS = 3;

/**
 * A group's key: the fields of its group-by dimensions are set (null = the item has no value there). The enum
 * columns hold what the parser wrote, so they are typed as its enums.
 */
export interface ItemStatsKey {
  category?: Category | null;
  decisionYear?: number | null;
  decisionMonth?: string | null;
  drugClass?: DrugClass | null;
  drug?: string | null;
  treatment?: string | null;
  bodyRegion?: BodyRegion | null;
  reviewerSpecialty?: string | null;
  reviewerState?: string | null;
  guidelineSource?: GuidelineSource | null;
  guidelineTopic?: string | null;
  guideline?: string | null;
  citedBy?: CitedBy | null;
  priority?: Priority | null;
  patientSex?: Sex | null;
  patientAgeBand?: AgeBand | null;
  decision?: Decision | null;
}

/** Where an item's values of a multi-valued dimension live: a table beside `items`, several rows an item. */
export type ItemBridge = 'bodyRegion' | 'reviewerSpecialty' | 'reviewerState' | 'citation';

export interface DimensionSpec<Field extends string, Bridge extends string> {
  /** The key field of a group (and, for a dimension the row holds itself, the cube's column of that name). */
  field: Field;
  /** Set when the values live in a bridge table; unset when the row holds the value in a column. */
  bridge?: Bridge;
  /** A time dimension: its groups are ordered by key (a time series) unless asked otherwise. */
  time?: boolean;
}

export const ITEM_DIMENSION_SPECS: Record<ItemDimension, DimensionSpec<keyof ItemStatsKey, ItemBridge>> = {
  CATEGORY: { field: 'category' },
  DECISION_YEAR: { field: 'decisionYear', time: true },
  DECISION_MONTH: { field: 'decisionMonth', time: true },
  DRUG_CLASS: { field: 'drugClass' },
  DRUG: { field: 'drug' },
  TREATMENT: { field: 'treatment' },
  PRIORITY: { field: 'priority' },
  PATIENT_SEX: { field: 'patientSex' },
  PATIENT_AGE_BAND: { field: 'patientAgeBand' },
  DECISION: { field: 'decision' },
  BODY_REGION: { field: 'bodyRegion', bridge: 'bodyRegion' },
  REVIEWER_SPECIALTY: { field: 'reviewerSpecialty', bridge: 'reviewerSpecialty' },
  REVIEWER_STATE: { field: 'reviewerState', bridge: 'reviewerState' },
  GUIDELINE_SOURCE: { field: 'guidelineSource', bridge: 'citation' },
  GUIDELINE_TOPIC: { field: 'guidelineTopic', bridge: 'citation' },
  GUIDELINE: { field: 'guideline', bridge: 'citation' },
  CITED_BY: { field: 'citedBy', bridge: 'citation' },
};

export function isTimeDimension(dimension: ItemDimension): boolean {
  return ITEM_DIMENSION_SPECS[dimension].time === true;
}

export const CASE_DIMENSIONS = [
  'DECISION_YEAR',
  'DECISION_MONTH',
  'PRIORITY',
  'REVIEWER_SPECIALTY',
  'REVIEWER_STATE',
  'PATIENT_SEX',
  'PATIENT_AGE_BAND',
] as const;
export type CaseDimension = (typeof CASE_DIMENSIONS)[number];

export const MAX_CASE_DIMENSIONS = 3;

export interface CaseStatsKey {
  decisionYear?: number | null;
  decisionMonth?: string | null;
  priority?: Priority | null;
  reviewerSpecialty?: string | null;
  reviewerState?: string | null;
  patientSex?: Sex | null;
  patientAgeBand?: AgeBand | null;
}

export type CaseBridge = 'reviewerSpecialty' | 'reviewerState';

export const CASE_DIMENSION_SPECS: Record<CaseDimension, DimensionSpec<keyof CaseStatsKey, CaseBridge>> = {
  DECISION_YEAR: { field: 'decisionYear', time: true },
  DECISION_MONTH: { field: 'decisionMonth', time: true },
  PRIORITY: { field: 'priority' },
  PATIENT_SEX: { field: 'patientSex' },
  PATIENT_AGE_BAND: { field: 'patientAgeBand' },
  REVIEWER_SPECIALTY: { field: 'reviewerSpecialty', bridge: 'reviewerSpecialty' },
  REVIEWER_STATE: { field: 'reviewerState', bridge: 'reviewerState' },
};

/** Key values of a dimension group, in group-by order. */
export type KeyValues = (string | number | null)[];

/** How finely guidelineStats groups citations: by source, by guideline (source and name), or by topic too. */
export const GUIDELINE_LEVELS = ['SOURCE', 'GUIDELINE', 'TOPIC'] as const;
export type GuidelineLevel = (typeof GUIDELINE_LEVELS)[number];
/** A guideline level, or PAGE: source, name and cited page (citedPages). */
export type CitationGrouping = GuidelineLevel | 'PAGE';
