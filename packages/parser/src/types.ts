// The parse contract (shared/docs/PARSE-CONTRACT.md) as types. `imr parse --json` serialises ParsedLetter as is.

export const DECISIONS = ['UPHELD', 'OVERTURNED', 'PARTIALLY_OVERTURNED', 'UNKNOWN'] as const;
export type Decision = (typeof DECISIONS)[number];

export const PRIORITIES = ['STANDARD', 'EXPEDITED'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const SEXES = ['FEMALE', 'MALE'] as const;
export type Sex = (typeof SEXES)[number];

export const CATEGORIES = [
  'PHARMACEUTICAL',
  'PHYSICAL_MEDICINE',
  'INJECTION',
  'SURGERY',
  'DIAGNOSTIC_IMAGING',
  'DIAGNOSTIC_TESTING',
  'DME',
  'EVALUATION_MANAGEMENT',
  'BEHAVIORAL_HEALTH',
  'PROGRAM',
  'HOME_HEALTH',
  'OTHER',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const DRUG_CLASSES = [
  'OPIOID',
  'NSAID',
  'MUSCLE_RELAXANT',
  'ANTICONVULSANT',
  'ANTIDEPRESSANT',
  'TOPICAL',
  'SEDATIVE_HYPNOTIC',
  'BENZODIAZEPINE',
  'PROTON_PUMP_INHIBITOR',
  'COMPOUND',
  'OTHER',
] as const;
export type DrugClass = (typeof DRUG_CLASSES)[number];

export const BODY_REGIONS = [
  'HEAD',
  'CERVICAL_SPINE',
  'THORACIC_SPINE',
  'LUMBAR_SPINE',
  'SHOULDER',
  'ELBOW',
  'WRIST_HAND',
  'HIP',
  'KNEE',
  'ANKLE_FOOT',
  'UPPER_EXTREMITY',
  'LOWER_EXTREMITY',
  'OTHER',
] as const;
export type BodyRegion = (typeof BODY_REGIONS)[number];

export const CITED_BY = ['CLAIMS_ADMINISTRATOR', 'IMR_REVIEWER'] as const;
export type CitedBy = (typeof CITED_BY)[number];

export const GUIDELINE_SOURCES = ['MTUS', 'ODG', 'ACOEM', 'CCR', 'OTHER', 'NONE'] as const;
export type GuidelineSource = (typeof GUIDELINE_SOURCES)[number];

export const TIME_UNITS = ['day', 'week', 'month', 'year'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export interface LetterDates {
  assigned: string | null;
  injury: string | null;
  decision: string | null;
  urDenial: string | null;
  applicationReceived: string | null;
}

export interface ReviewerCredentials {
  specialties: string[];
  subspecialties: string[];
  licensedIn: string[];
}

export interface Patient {
  age: number | null;
  sex: Sex | null;
}

export interface Drug {
  name: string;
  generic: string | null;
  drugClass: DrugClass;
  strength: string | null;
  dispensed: number | null;
}

export interface Quantity {
  count: number;
  unit: string;
}

export interface Frequency {
  min: number;
  max: number;
  per: TimeUnit;
}

export interface Duration {
  min: number;
  max: number;
  unit: TimeUnit;
}

export interface Citation {
  citedBy: CitedBy;
  source: GuidelineSource;
  /** Normalised guideline name (e.g. "Chronic Pain Medical Treatment Guidelines"); absent for source NONE. */
  guideline?: string | null;
  topic?: string | null;
  pages?: number[];
  /** The citation as written in the letter, whitespace folded. */
  text?: string;
}

export interface DisputedItem {
  /** The heading as written, whitespace folded; without the lead-in of a partly certified request. */
  title: string;
  decision: Decision;
  /**
   * Utilization review certified part of the original request, and the item is what was left for IMR ("The
   * remaining IMR eligible portion of the original request, X" or "The original request, X" after it).
   */
  partiallyCertified: boolean;
  category: Category;
  treatment: string;
  drug: Drug | null;
  quantity: Quantity | null;
  frequency: Frequency | null;
  duration: Duration | null;
  bodyRegions: BodyRegion[];
  citations: Citation[];
  rationale: string;
}

export interface ParsedLetter {
  caseNumber: string | null;
  format: string;
  dates: LetterDates;
  priority: Priority | null;
  reviewer: ReviewerCredentials;
  patient: Patient;
  diagnoses: string[];
  /** The clinical case summary, unwrapped (searchable). */
  summary: string | null;
  items: DisputedItem[];
  warnings: string[];
  parserVersion: string;
}

/** What parseLetter returns: a record, or a clear reason why the text is not a readable IMR letter. */
export type ParseResult = { ok: true; letter: ParsedLetter } | { ok: false; error: string };
