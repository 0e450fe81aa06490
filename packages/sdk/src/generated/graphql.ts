/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AgeBand =
  /** 18-29 */
  | 'AGE_18_29'
  /** 30-39 */
  | 'AGE_30_39'
  /** 40-49 */
  | 'AGE_40_49'
  /** 50-59 */
  | 'AGE_50_59'
  /** 60-69 */
  | 'AGE_60_69'
  /** 70+ */
  | 'AGE_70_PLUS'
  /** <18 */
  | 'UNDER_18';

export type BodyRegion =
  | 'ANKLE_FOOT'
  | 'CERVICAL_SPINE'
  | 'ELBOW'
  | 'HEAD'
  | 'HIP'
  | 'KNEE'
  | 'LOWER_EXTREMITY'
  | 'LUMBAR_SPINE'
  | 'OTHER'
  | 'SHOULDER'
  | 'THORACIC_SPINE'
  | 'UPPER_EXTREMITY'
  | 'WRIST_HAND';

/** What case aggregates group by; cases with no value fall in the group whose key is null. */
export type CaseDimension =
  /** Month of the IMR decision, "YYYY-MM". */
  | 'DECISION_MONTH'
  /** Year of the IMR decision. */
  | 'DECISION_YEAR'
  /** Patient's age band. */
  | 'PATIENT_AGE_BAND'
  /** Patient's sex. */
  | 'PATIENT_SEX'
  /** Standard or expedited review. */
  | 'PRIORITY'
  /** Reviewer's specialty or subspecialty; multi-valued: a case counts once per specialty. */
  | 'REVIEWER_SPECIALTY'
  /** State of the reviewer's licence; multi-valued: a case counts once per state. */
  | 'REVIEWER_STATE';

/** Filters combine with AND; a list matches any of its values. Dates are ISO yyyy-mm-dd, inclusive. `items` keeps cases with at least one item matching it. */
export type CaseFilter = {
  /** e.g. "CM14-0166055". */
  caseNumber?: Array<string> | null | undefined;
  decisionDateFrom?: string | null | undefined;
  decisionDateTo?: string | null | undefined;
  injuryDateFrom?: string | null | undefined;
  injuryDateTo?: string | null | undefined;
  items?: ItemFilter | null | undefined;
  patientAgeBand?: Array<AgeBand> | null | undefined;
  patientSex?: Array<Sex> | null | undefined;
  priority?: Array<Priority> | null | undefined;
  reviewerSpecialty?: Array<string> | null | undefined;
  /** USPS codes of the reviewer licence state. */
  reviewerState?: Array<string> | null | undefined;
  /** Full-text search over case summaries. */
  text?: string | null | undefined;
};

export type CaseOrder =
  /** By case number; letters without one first. */
  | 'CASE_NUMBER_ASC'
  /** Oldest decisions first; cases without a decision date first. */
  | 'DECISION_DATE_ASC'
  /** Newest decisions first; cases without a decision date last. */
  | 'DECISION_DATE_DESC'
  /** In the order the letters were stored. */
  | 'INGESTED_ASC'
  /** Most recently stored first. */
  | 'INGESTED_DESC';

export type Category =
  | 'BEHAVIORAL_HEALTH'
  | 'DIAGNOSTIC_IMAGING'
  | 'DIAGNOSTIC_TESTING'
  | 'DME'
  | 'EVALUATION_MANAGEMENT'
  | 'HOME_HEALTH'
  | 'INJECTION'
  | 'OTHER'
  | 'PHARMACEUTICAL'
  | 'PHYSICAL_MEDICINE'
  | 'PROGRAM'
  | 'SURGERY';

export type CitedBy =
  | 'CLAIMS_ADMINISTRATOR'
  | 'IMR_REVIEWER';

export type Decision =
  | 'OVERTURNED'
  | 'PARTIALLY_OVERTURNED'
  | 'UNKNOWN'
  | 'UPHELD';

export type DrugClass =
  | 'ANTICONVULSANT'
  | 'ANTIDEPRESSANT'
  | 'BENZODIAZEPINE'
  | 'COMPOUND'
  | 'MUSCLE_RELAXANT'
  | 'NSAID'
  | 'OPIOID'
  | 'OTHER'
  | 'PROTON_PUMP_INHIBITOR'
  | 'SEDATIVE_HYPNOTIC'
  | 'TOPICAL';

/** Filters combine with AND; a list matches any of its values. */
export type GuidelineFilter = {
  /** Case-insensitive part of the guideline name, e.g. "chronic pain". */
  nameContains?: string | null | undefined;
  source?: Array<GuidelineSource> | null | undefined;
  /** Exact topics, e.g. "Massage Therapy". */
  topic?: Array<string> | null | undefined;
};

/** How finely guideline analytics group citations. */
export type GuidelineLevel =
  /** One group per guideline: source and name. */
  | 'GUIDELINE'
  /** One group per source (MTUS, ODG, ACOEM, CCR, OTHER, NONE). */
  | 'SOURCE'
  /** One group per topic of a guideline: source, name and topic. */
  | 'TOPIC';

export type GuidelineSource =
  | 'ACOEM'
  | 'CCR'
  | 'MTUS'
  | 'NONE'
  | 'ODG'
  | 'OTHER';

/** What item aggregates group by. Multi-valued dimensions count an item once per value (so groups can sum to more than the total); items with no value fall in the group whose key is null. */
export type ItemDimension =
  /** Body region the item treats; multi-valued: an item counts once per region. */
  | 'BODY_REGION'
  /** Treatment category. */
  | 'CATEGORY'
  /** Who cited (claims administrator or IMR reviewer); combined with the other guideline dimensions it reads the same citation. */
  | 'CITED_BY'
  /** The decision itself. */
  | 'DECISION'
  /** Month of the IMR decision, "YYYY-MM". */
  | 'DECISION_MONTH'
  /** Year of the IMR decision. */
  | 'DECISION_YEAR'
  /** Generic drug name (pharmaceutical items). */
  | 'DRUG'
  /** Drug class (pharmaceutical items). */
  | 'DRUG_CLASS'
  /** Name of a guideline cited for the item; multi-valued. */
  | 'GUIDELINE'
  /** Source of a guideline cited for the item (NONE: a party cited nothing); multi-valued. */
  | 'GUIDELINE_SOURCE'
  /** Topic of a guideline cited for the item; multi-valued. */
  | 'GUIDELINE_TOPIC'
  /** Patient's age band. */
  | 'PATIENT_AGE_BAND'
  /** Patient's sex. */
  | 'PATIENT_SEX'
  /** Standard or expedited review. */
  | 'PRIORITY'
  /** Reviewer's board specialty or subspecialty; multi-valued: an item counts once per specialty of its reviewer. */
  | 'REVIEWER_SPECIALTY'
  /** State of the reviewer's licence; multi-valued: an item counts once per state. */
  | 'REVIEWER_STATE'
  /** Normalised treatment. */
  | 'TREATMENT';

/** Filters combine with AND; a list matches any of its values. Dates are ISO yyyy-mm-dd, inclusive. */
export type ItemFilter = {
  bodyRegion?: Array<BodyRegion> | null | undefined;
  category?: Array<Category> | null | undefined;
  decision?: Array<Decision> | null | undefined;
  decisionDateFrom?: string | null | undefined;
  decisionDateTo?: string | null | undefined;
  /** Generic drug names, e.g. "hydromorphone". */
  drug?: Array<string> | null | undefined;
  drugClass?: Array<DrugClass> | null | undefined;
  guidelineSource?: Array<GuidelineSource> | null | undefined;
  guidelineTopic?: Array<string> | null | undefined;
  injuryDateFrom?: string | null | undefined;
  injuryDateTo?: string | null | undefined;
  /** true: only items whose request utilization review partly certified (the remaining IMR eligible portion); false: only the others. */
  partiallyCertified?: boolean | null | undefined;
  patientAgeBand?: Array<AgeBand> | null | undefined;
  patientSex?: Array<Sex> | null | undefined;
  priority?: Array<Priority> | null | undefined;
  reviewerSpecialty?: Array<string> | null | undefined;
  /** USPS codes of the reviewer licence state. */
  reviewerState?: Array<string> | null | undefined;
  /** Full-text search over item titles and rationales. */
  text?: string | null | undefined;
  /** Normalised treatment names, e.g. "massage therapy". */
  treatment?: Array<string> | null | undefined;
};

export type ItemOrder =
  /** Oldest decisions first; items without a decision date first. */
  | 'DECISION_DATE_ASC'
  /** Newest decisions first; items without a decision date last. */
  | 'DECISION_DATE_DESC'
  /** In the order the letters were stored, items in letter order. */
  | 'INGESTED_ASC'
  /** Most recently stored first. */
  | 'INGESTED_DESC';

export type Priority =
  | 'EXPEDITED'
  | 'STANDARD';

/** Filters combine with AND; a list matches any of its values. */
export type ReviewerFilter = {
  /** Board specialties or subspecialties, e.g. "Pain Medicine". */
  specialty?: Array<string> | null | undefined;
  /** USPS codes of a state the reviewer is licensed in. */
  state?: Array<string> | null | undefined;
};

export type SearchHitKind =
  /** A case summary matched. */
  | 'CASE'
  /** An item's title or rationale matched. */
  | 'ITEM';

export type Sex =
  | 'FEMALE'
  | 'MALE';

/** How aggregate groups are ordered; ties fall back to the key, so every order is deterministic. */
export type StatsOrder =
  /** Smallest groups first. */
  | 'COUNT_ASC'
  /** Largest groups first. */
  | 'COUNT_DESC'
  /** By key, dimension by dimension in groupBy order, values ascending, missing values last. */
  | 'KEY_ASC'
  /** By key, values descending, missing values last. */
  | 'KEY_DESC'
  /** Lowest overturn rate first (groups with nothing decided last). */
  | 'OVERTURN_RATE_ASC'
  /** Highest overturn rate first (groups with nothing decided last). */
  | 'OVERTURN_RATE_DESC'
  /** Highest lower bound of the overturn rate's 95% interval first: groups surely overturned often, not small lucky ones. */
  | 'OVERTURN_RATE_LOW_DESC';

/** The width of a time-series bucket. */
export type TimeInterval =
  | 'MONTH'
  | 'YEAR';

export type TimeUnit =
  | 'DAY'
  | 'MONTH'
  | 'WEEK'
  | 'YEAR';

export type CaseStatsQueryVariables = Exact<{
  filter?: ItemFilter | null | undefined;
  groupBy?: Array<CaseDimension> | CaseDimension | null | undefined;
  minCount?: number | null | undefined;
  limit?: number | null | undefined;
}>;


export type CaseStatsQuery = { caseStats: { groupCount: number, total: { cases: number, items: number, itemsPerCase: number | null, daysToDecision: { count: number, mean: number | null, median: number | null, p90: number | null, min: number | null, max: number | null } }, groups: Array<{ cases: number, items: number, itemsPerCase: number | null, key: { decisionMonth: string | null, decisionYear: number | null, patientAgeBand: AgeBand | null, patientSex: Sex | null, priority: Priority | null, reviewerSpecialty: string | null, reviewerState: string | null }, daysToDecision: { count: number, mean: number | null, median: number | null, p90: number | null, min: number | null, max: number | null } }> } };

export type DaysToDecisionFragment = { count: number, mean: number | null, median: number | null, p90: number | null, min: number | null, max: number | null };

export type CaseQueryVariables = Exact<{
  caseNumber: string;
  withLetterText?: boolean | null | undefined;
}>;


export type CaseQuery = { case: { diagnoses: Array<string>, summary: string | null, warnings: Array<string>, parserVersion: string, letterText?: string | null, id: string, caseNumber: string | null, letterKey: string, format: string, priority: Priority | null, itemCount: number, daysToDecision: number | null, reviewer: { id: string, specialties: Array<string>, subspecialties: Array<string>, licensedIn: Array<string>, stats: { count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null } } | null, document: { sha256: string, sourcePath: string, sizeBytes: number, ingestedAt: string, parserVersion: string }, items: { totalCount: number, edges: Array<{ node: { rationale: string, id: string, ordinal: number, title: string, treatment: string, category: Category, decision: Decision, partiallyCertified: boolean, decisionDate: string | null, decisionMonth: string | null, decisionYear: number | null, priority: Priority | null, patientSex: Sex | null, patientAgeBand: AgeBand | null, bodyRegions: Array<BodyRegion>, frequency: { min: number, max: number, per: TimeUnit } | null, duration: { min: number, max: number, unit: TimeUnit } | null, citations: { totalCount: number, edges: Array<{ node: { id: string, citedBy: CitedBy, pages: Array<number>, text: string | null, guideline: { id: string, source: GuidelineSource, name: string | null, topic: string | null } } }> }, drug: { name: string, generic: string | null, drugClass: DrugClass, strength: string | null, dispensed: number | null } | null, quantity: { count: number, unit: string } | null, case: { id: string, caseNumber: string | null, letterKey: string } } }> }, dates: { injury: string | null, urDenial: string | null, applicationReceived: string | null, assigned: string | null, decision: string | null }, patient: { age: number | null, ageBand: AgeBand | null, sex: Sex | null } } | null };

export type CasesQueryVariables = Exact<{
  filter?: CaseFilter | null | undefined;
  orderBy?: CaseOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CasesQuery = { cases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, caseNumber: string | null, letterKey: string, format: string, priority: Priority | null, itemCount: number, daysToDecision: number | null, dates: { injury: string | null, urDenial: string | null, applicationReceived: string | null, assigned: string | null, decision: string | null }, patient: { age: number | null, ageBand: AgeBand | null, sex: Sex | null }, reviewer: { id: string, specialties: Array<string>, subspecialties: Array<string>, licensedIn: Array<string> } | null } }> } };

export type CitationCoverageQueryVariables = Exact<{
  filter?: ItemFilter | null | undefined;
}>;


export type CitationCoverageQuery = { citationCoverage: Array<{ citedBy: CitedBy, items: number, citedNothingShare: number | null, citedNothingShareInterval: { low: number, high: number } | null, citedNothing: { count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null }, citedSomething: { count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null } }> };

export type CitedPagesQueryVariables = Exact<{
  filter?: ItemFilter | null | undefined;
  citedBy?: CitedBy | null | undefined;
  guideline?: Array<string> | string | null | undefined;
  source?: Array<GuidelineSource> | GuidelineSource | null | undefined;
  perCategory?: boolean | null | undefined;
  minCount?: number | null | undefined;
  limit?: number | null | undefined;
  orderBy?: StatsOrder | null | undefined;
}>;


export type CitedPagesQuery = { citedPages: { groupCount: number, items: { count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null }, groups: Array<{ category: Category | null, source: GuidelineSource, guideline: string | null, page: number, share: number, count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null }> } };

type DecisionCounts_CitedPageStats_Fragment = { count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null };

type DecisionCounts_DecisionSummary_Fragment = { count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null };

type DecisionCounts_GuidelineStatsGroup_Fragment = { count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null };

type DecisionCounts_GuidelineUsage_Fragment = { count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null };

type DecisionCounts_ItemSetStats_Fragment = { count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null };

type DecisionCounts_ItemStatsGroup_Fragment = { count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null };

type DecisionCounts_ItemStatsTotal_Fragment = { count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null };

type DecisionCounts_TimeSeriesBucket_Fragment = { count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null };

export type DecisionCountsFragment =
  | DecisionCounts_CitedPageStats_Fragment
  | DecisionCounts_DecisionSummary_Fragment
  | DecisionCounts_GuidelineStatsGroup_Fragment
  | DecisionCounts_GuidelineUsage_Fragment
  | DecisionCounts_ItemSetStats_Fragment
  | DecisionCounts_ItemStatsGroup_Fragment
  | DecisionCounts_ItemStatsTotal_Fragment
  | DecisionCounts_TimeSeriesBucket_Fragment
;

export type PageCursorFragment = { hasNextPage: boolean, endCursor: string | null };

export type ItemRowFragment = { id: string, ordinal: number, title: string, treatment: string, category: Category, decision: Decision, partiallyCertified: boolean, decisionDate: string | null, decisionMonth: string | null, decisionYear: number | null, priority: Priority | null, patientSex: Sex | null, patientAgeBand: AgeBand | null, bodyRegions: Array<BodyRegion>, drug: { name: string, generic: string | null, drugClass: DrugClass, strength: string | null, dispensed: number | null } | null, quantity: { count: number, unit: string } | null, case: { id: string, caseNumber: string | null, letterKey: string } };

export type CaseRowFragment = { id: string, caseNumber: string | null, letterKey: string, format: string, priority: Priority | null, itemCount: number, daysToDecision: number | null, dates: { injury: string | null, urDenial: string | null, applicationReceived: string | null, assigned: string | null, decision: string | null }, patient: { age: number | null, ageBand: AgeBand | null, sex: Sex | null }, reviewer: { id: string, specialties: Array<string>, subspecialties: Array<string>, licensedIn: Array<string> } | null };

export type GuidelineStatsQueryVariables = Exact<{
  filter?: ItemFilter | null | undefined;
  citedBy?: CitedBy | null | undefined;
  level?: GuidelineLevel | null | undefined;
  source?: Array<GuidelineSource> | GuidelineSource | null | undefined;
  perCategory?: boolean | null | undefined;
  minCount?: number | null | undefined;
  limit?: number | null | undefined;
  orderBy?: StatsOrder | null | undefined;
}>;


export type GuidelineStatsQuery = { guidelineStats: { groupCount: number, items: { count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null }, groups: Array<{ category: Category | null, source: GuidelineSource, guideline: string | null, topic: string | null, citations: number, share: number, count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null }> } };

export type GuidelinesQueryVariables = Exact<{
  filter?: GuidelineFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type GuidelinesQuery = { guidelines: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, source: GuidelineSource, name: string | null, topic: string | null, stats: { citations: number, count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null } } }> } };

export type IngestErrorsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type IngestErrorsQuery = { ingestErrors: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, file: string, reason: string, sha256: string | null, createdAt: string } }> } };

export type ItemStatsQueryVariables = Exact<{
  filter?: ItemFilter | null | undefined;
  groupBy?: Array<ItemDimension> | ItemDimension | null | undefined;
  minCount?: number | null | undefined;
  limit?: number | null | undefined;
  orderBy?: StatsOrder | null | undefined;
}>;


export type ItemStatsQuery = { itemStats: { groupCount: number, total: { count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null }, groups: Array<{ count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, key: { bodyRegion: BodyRegion | null, category: Category | null, citedBy: CitedBy | null, decision: Decision | null, decisionMonth: string | null, decisionYear: number | null, drug: string | null, drugClass: DrugClass | null, guideline: string | null, guidelineSource: GuidelineSource | null, guidelineTopic: string | null, patientAgeBand: AgeBand | null, patientSex: Sex | null, priority: Priority | null, reviewerSpecialty: string | null, reviewerState: string | null, treatment: string | null }, overturnRateInterval: { low: number, high: number } | null }> } };

export type ItemsQueryVariables = Exact<{
  filter?: ItemFilter | null | undefined;
  orderBy?: ItemOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ItemsQuery = { items: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, ordinal: number, title: string, treatment: string, category: Category, decision: Decision, partiallyCertified: boolean, decisionDate: string | null, decisionMonth: string | null, decisionYear: number | null, priority: Priority | null, patientSex: Sex | null, patientAgeBand: AgeBand | null, bodyRegions: Array<BodyRegion>, drug: { name: string, generic: string | null, drugClass: DrugClass, strength: string | null, dispensed: number | null } | null, quantity: { count: number, unit: string } | null, case: { id: string, caseNumber: string | null, letterKey: string } } }> } };

export type ReviewersQueryVariables = Exact<{
  filter?: ReviewerFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ReviewersQuery = { reviewers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, specialties: Array<string>, subspecialties: Array<string>, licensedIn: Array<string>, stats: { count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null } } }> } };

export type SearchQueryVariables = Exact<{
  query: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  exhaustive?: boolean | null | undefined;
}>;


export type SearchQuery = { search: { totalCount: number, rankedAll: boolean, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { kind: SearchHitKind, score: number, title: string | null, snippet: string, case: { id: string, caseNumber: string | null, letterKey: string, dates: { decision: string | null } }, item: { id: string, title: string, treatment: string, category: Category, decision: Decision } | null } }> } };

export type TimeSeriesQueryVariables = Exact<{
  filter?: ItemFilter | null | undefined;
  interval?: TimeInterval | null | undefined;
}>;


export type TimeSeriesQuery = { timeSeries: { interval: TimeInterval, buckets: Array<{ period: string, start: string, count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null }>, undated: { count: number, decided: number, upheld: number, overturned: number, partiallyOverturned: number, unknown: number, overturnRate: number | null, overturnRateInterval: { low: number, high: number } | null } } };

export const DaysToDecisionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DaysToDecision"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DaysSummary"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"median"}},{"kind":"Field","name":{"kind":"Name","value":"p90"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]} as unknown as DocumentNode<DaysToDecisionFragment, unknown>;
export const DecisionCountsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DecisionCounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DecisionStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"decided"}},{"kind":"Field","name":{"kind":"Name","value":"upheld"}},{"kind":"Field","name":{"kind":"Name","value":"overturned"}},{"kind":"Field","name":{"kind":"Name","value":"partiallyOverturned"}},{"kind":"Field","name":{"kind":"Name","value":"unknown"}},{"kind":"Field","name":{"kind":"Name","value":"overturnRate"}},{"kind":"Field","name":{"kind":"Name","value":"overturnRateInterval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}}]}}]}}]} as unknown as DocumentNode<DecisionCountsFragment, unknown>;
export const PageCursorFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageCursor"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<PageCursorFragment, unknown>;
export const ItemRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ItemRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Item"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ordinal"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"treatment"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"partiallyCertified"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDate"}},{"kind":"Field","name":{"kind":"Name","value":"decisionMonth"}},{"kind":"Field","name":{"kind":"Name","value":"decisionYear"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"patientAgeBand"}},{"kind":"Field","name":{"kind":"Name","value":"bodyRegions"}},{"kind":"Field","name":{"kind":"Name","value":"drug"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"generic"}},{"kind":"Field","name":{"kind":"Name","value":"drugClass"}},{"kind":"Field","name":{"kind":"Name","value":"strength"}},{"kind":"Field","name":{"kind":"Name","value":"dispensed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quantity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"letterKey"}}]}}]}}]} as unknown as DocumentNode<ItemRowFragment, unknown>;
export const CaseRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"letterKey"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}},{"kind":"Field","name":{"kind":"Name","value":"daysToDecision"}},{"kind":"Field","name":{"kind":"Name","value":"dates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"injury"}},{"kind":"Field","name":{"kind":"Name","value":"urDenial"}},{"kind":"Field","name":{"kind":"Name","value":"applicationReceived"}},{"kind":"Field","name":{"kind":"Name","value":"assigned"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"specialties"}},{"kind":"Field","name":{"kind":"Name","value":"subspecialties"}},{"kind":"Field","name":{"kind":"Name","value":"licensedIn"}}]}}]}}]} as unknown as DocumentNode<CaseRowFragment, unknown>;
export const CaseStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ItemFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseDimension"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"minCount"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"minCount"},"value":{"kind":"Variable","name":{"kind":"Name","value":"minCount"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cases"}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"itemsPerCase"}},{"kind":"Field","name":{"kind":"Name","value":"daysToDecision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DaysToDecision"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"groupCount"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decisionMonth"}},{"kind":"Field","name":{"kind":"Name","value":"decisionYear"}},{"kind":"Field","name":{"kind":"Name","value":"patientAgeBand"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"reviewerSpecialty"}},{"kind":"Field","name":{"kind":"Name","value":"reviewerState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cases"}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"itemsPerCase"}},{"kind":"Field","name":{"kind":"Name","value":"daysToDecision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DaysToDecision"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DaysToDecision"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DaysSummary"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"median"}},{"kind":"Field","name":{"kind":"Name","value":"p90"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]} as unknown as DocumentNode<CaseStatsQuery, CaseStatsQueryVariables>;
export const CaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Case"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withLetterText"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseNumber"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseRow"}},{"kind":"Field","name":{"kind":"Name","value":"diagnoses"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"parserVersion"}},{"kind":"Field","name":{"kind":"Name","value":"letterText"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withLetterText"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"reviewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DecisionCounts"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"sourcePath"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"ingestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"parserVersion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ItemRow"}},{"kind":"Field","name":{"kind":"Name","value":"rationale"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"per"}}]}},{"kind":"Field","name":{"kind":"Name","value":"duration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"citedBy"}},{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"guideline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}}]}}]}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DecisionCounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DecisionStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"decided"}},{"kind":"Field","name":{"kind":"Name","value":"upheld"}},{"kind":"Field","name":{"kind":"Name","value":"overturned"}},{"kind":"Field","name":{"kind":"Name","value":"partiallyOverturned"}},{"kind":"Field","name":{"kind":"Name","value":"unknown"}},{"kind":"Field","name":{"kind":"Name","value":"overturnRate"}},{"kind":"Field","name":{"kind":"Name","value":"overturnRateInterval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ItemRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Item"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ordinal"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"treatment"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"partiallyCertified"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDate"}},{"kind":"Field","name":{"kind":"Name","value":"decisionMonth"}},{"kind":"Field","name":{"kind":"Name","value":"decisionYear"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"patientAgeBand"}},{"kind":"Field","name":{"kind":"Name","value":"bodyRegions"}},{"kind":"Field","name":{"kind":"Name","value":"drug"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"generic"}},{"kind":"Field","name":{"kind":"Name","value":"drugClass"}},{"kind":"Field","name":{"kind":"Name","value":"strength"}},{"kind":"Field","name":{"kind":"Name","value":"dispensed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quantity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"letterKey"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"letterKey"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}},{"kind":"Field","name":{"kind":"Name","value":"daysToDecision"}},{"kind":"Field","name":{"kind":"Name","value":"dates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"injury"}},{"kind":"Field","name":{"kind":"Name","value":"urDenial"}},{"kind":"Field","name":{"kind":"Name","value":"applicationReceived"}},{"kind":"Field","name":{"kind":"Name","value":"assigned"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"specialties"}},{"kind":"Field","name":{"kind":"Name","value":"subspecialties"}},{"kind":"Field","name":{"kind":"Name","value":"licensedIn"}}]}}]}}]} as unknown as DocumentNode<CaseQuery, CaseQueryVariables>;
export const CasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Cases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageCursor"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"letterKey"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}},{"kind":"Field","name":{"kind":"Name","value":"daysToDecision"}},{"kind":"Field","name":{"kind":"Name","value":"dates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"injury"}},{"kind":"Field","name":{"kind":"Name","value":"urDenial"}},{"kind":"Field","name":{"kind":"Name","value":"applicationReceived"}},{"kind":"Field","name":{"kind":"Name","value":"assigned"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"specialties"}},{"kind":"Field","name":{"kind":"Name","value":"subspecialties"}},{"kind":"Field","name":{"kind":"Name","value":"licensedIn"}}]}}]}}]} as unknown as DocumentNode<CasesQuery, CasesQueryVariables>;
export const CitationCoverageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitationCoverage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ItemFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citationCoverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citedBy"}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"citedNothingShare"}},{"kind":"Field","name":{"kind":"Name","value":"citedNothingShareInterval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}}]}},{"kind":"Field","name":{"kind":"Name","value":"citedNothing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DecisionCounts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"citedSomething"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DecisionCounts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DecisionCounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DecisionStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"decided"}},{"kind":"Field","name":{"kind":"Name","value":"upheld"}},{"kind":"Field","name":{"kind":"Name","value":"overturned"}},{"kind":"Field","name":{"kind":"Name","value":"partiallyOverturned"}},{"kind":"Field","name":{"kind":"Name","value":"unknown"}},{"kind":"Field","name":{"kind":"Name","value":"overturnRate"}},{"kind":"Field","name":{"kind":"Name","value":"overturnRateInterval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}}]}}]}}]} as unknown as DocumentNode<CitationCoverageQuery, CitationCoverageQueryVariables>;
export const CitedPagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitedPages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ItemFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"citedBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CitedBy"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"guideline"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GuidelineSource"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"perCategory"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"minCount"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StatsOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citedPages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"citedBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"citedBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"guideline"},"value":{"kind":"Variable","name":{"kind":"Name","value":"guideline"}}},{"kind":"Argument","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}},{"kind":"Argument","name":{"kind":"Name","value":"perCategory"},"value":{"kind":"Variable","name":{"kind":"Name","value":"perCategory"}}},{"kind":"Argument","name":{"kind":"Name","value":"minCount"},"value":{"kind":"Variable","name":{"kind":"Name","value":"minCount"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DecisionCounts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"groupCount"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"guideline"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"DecisionCounts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DecisionCounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DecisionStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"decided"}},{"kind":"Field","name":{"kind":"Name","value":"upheld"}},{"kind":"Field","name":{"kind":"Name","value":"overturned"}},{"kind":"Field","name":{"kind":"Name","value":"partiallyOverturned"}},{"kind":"Field","name":{"kind":"Name","value":"unknown"}},{"kind":"Field","name":{"kind":"Name","value":"overturnRate"}},{"kind":"Field","name":{"kind":"Name","value":"overturnRateInterval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}}]}}]}}]} as unknown as DocumentNode<CitedPagesQuery, CitedPagesQueryVariables>;
export const GuidelineStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GuidelineStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ItemFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"citedBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CitedBy"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"GuidelineLevel"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GuidelineSource"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"perCategory"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"minCount"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StatsOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"guidelineStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"citedBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"citedBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}},{"kind":"Argument","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}},{"kind":"Argument","name":{"kind":"Name","value":"perCategory"},"value":{"kind":"Variable","name":{"kind":"Name","value":"perCategory"}}},{"kind":"Argument","name":{"kind":"Name","value":"minCount"},"value":{"kind":"Variable","name":{"kind":"Name","value":"minCount"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DecisionCounts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"groupCount"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"guideline"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"citations"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"DecisionCounts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DecisionCounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DecisionStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"decided"}},{"kind":"Field","name":{"kind":"Name","value":"upheld"}},{"kind":"Field","name":{"kind":"Name","value":"overturned"}},{"kind":"Field","name":{"kind":"Name","value":"partiallyOverturned"}},{"kind":"Field","name":{"kind":"Name","value":"unknown"}},{"kind":"Field","name":{"kind":"Name","value":"overturnRate"}},{"kind":"Field","name":{"kind":"Name","value":"overturnRateInterval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}}]}}]}}]} as unknown as DocumentNode<GuidelineStatsQuery, GuidelineStatsQueryVariables>;
export const GuidelinesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Guidelines"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"GuidelineFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"guidelines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citations"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"DecisionCounts"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DecisionCounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DecisionStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"decided"}},{"kind":"Field","name":{"kind":"Name","value":"upheld"}},{"kind":"Field","name":{"kind":"Name","value":"overturned"}},{"kind":"Field","name":{"kind":"Name","value":"partiallyOverturned"}},{"kind":"Field","name":{"kind":"Name","value":"unknown"}},{"kind":"Field","name":{"kind":"Name","value":"overturnRate"}},{"kind":"Field","name":{"kind":"Name","value":"overturnRateInterval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageCursor"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<GuidelinesQuery, GuidelinesQueryVariables>;
export const IngestErrorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IngestErrors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingestErrors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"file"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageCursor"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<IngestErrorsQuery, IngestErrorsQueryVariables>;
export const ItemStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ItemStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ItemFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ItemDimension"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"minCount"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StatsOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"itemStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"minCount"},"value":{"kind":"Variable","name":{"kind":"Name","value":"minCount"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DecisionCounts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"groupCount"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bodyRegion"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"citedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"decisionMonth"}},{"kind":"Field","name":{"kind":"Name","value":"decisionYear"}},{"kind":"Field","name":{"kind":"Name","value":"drug"}},{"kind":"Field","name":{"kind":"Name","value":"drugClass"}},{"kind":"Field","name":{"kind":"Name","value":"guideline"}},{"kind":"Field","name":{"kind":"Name","value":"guidelineSource"}},{"kind":"Field","name":{"kind":"Name","value":"guidelineTopic"}},{"kind":"Field","name":{"kind":"Name","value":"patientAgeBand"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"reviewerSpecialty"}},{"kind":"Field","name":{"kind":"Name","value":"reviewerState"}},{"kind":"Field","name":{"kind":"Name","value":"treatment"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"DecisionCounts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DecisionCounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DecisionStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"decided"}},{"kind":"Field","name":{"kind":"Name","value":"upheld"}},{"kind":"Field","name":{"kind":"Name","value":"overturned"}},{"kind":"Field","name":{"kind":"Name","value":"partiallyOverturned"}},{"kind":"Field","name":{"kind":"Name","value":"unknown"}},{"kind":"Field","name":{"kind":"Name","value":"overturnRate"}},{"kind":"Field","name":{"kind":"Name","value":"overturnRateInterval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}}]}}]}}]} as unknown as DocumentNode<ItemStatsQuery, ItemStatsQueryVariables>;
export const ItemsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Items"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ItemFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ItemOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ItemRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageCursor"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ItemRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Item"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ordinal"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"treatment"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"partiallyCertified"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDate"}},{"kind":"Field","name":{"kind":"Name","value":"decisionMonth"}},{"kind":"Field","name":{"kind":"Name","value":"decisionYear"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"patientAgeBand"}},{"kind":"Field","name":{"kind":"Name","value":"bodyRegions"}},{"kind":"Field","name":{"kind":"Name","value":"drug"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"generic"}},{"kind":"Field","name":{"kind":"Name","value":"drugClass"}},{"kind":"Field","name":{"kind":"Name","value":"strength"}},{"kind":"Field","name":{"kind":"Name","value":"dispensed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quantity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"letterKey"}}]}}]}}]} as unknown as DocumentNode<ItemsQuery, ItemsQueryVariables>;
export const ReviewersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Reviewers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewerFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"specialties"}},{"kind":"Field","name":{"kind":"Name","value":"subspecialties"}},{"kind":"Field","name":{"kind":"Name","value":"licensedIn"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DecisionCounts"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DecisionCounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DecisionStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"decided"}},{"kind":"Field","name":{"kind":"Name","value":"upheld"}},{"kind":"Field","name":{"kind":"Name","value":"overturned"}},{"kind":"Field","name":{"kind":"Name","value":"partiallyOverturned"}},{"kind":"Field","name":{"kind":"Name","value":"unknown"}},{"kind":"Field","name":{"kind":"Name","value":"overturnRate"}},{"kind":"Field","name":{"kind":"Name","value":"overturnRateInterval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageCursor"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<ReviewersQuery, ReviewersQueryVariables>;
export const SearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Search"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"exhaustive"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"exhaustive"},"value":{"kind":"Variable","name":{"kind":"Name","value":"exhaustive"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"rankedAll"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"snippet"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"letterKey"}},{"kind":"Field","name":{"kind":"Name","value":"dates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"treatment"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageCursor"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<SearchQuery, SearchQueryVariables>;
export const TimeSeriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TimeSeries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ItemFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TimeInterval"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"buckets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"DecisionCounts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"undated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DecisionCounts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DecisionCounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DecisionStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"decided"}},{"kind":"Field","name":{"kind":"Name","value":"upheld"}},{"kind":"Field","name":{"kind":"Name","value":"overturned"}},{"kind":"Field","name":{"kind":"Name","value":"partiallyOverturned"}},{"kind":"Field","name":{"kind":"Name","value":"unknown"}},{"kind":"Field","name":{"kind":"Name","value":"overturnRate"}},{"kind":"Field","name":{"kind":"Name","value":"overturnRateInterval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}}]}}]}}]} as unknown as DocumentNode<TimeSeriesQuery, TimeSeriesQueryVariables>;