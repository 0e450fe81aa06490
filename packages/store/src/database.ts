import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

// Table types for Kysely. Columns are snake_case in SQL and camelCase here (CamelCasePlugin in client.ts).
// Items carry copies of the case fields that analysts group by (decision date, priority, reviewer, patient),
// so the common aggregates read one table instead of joining four.

export interface DocumentTable {
  id: Generated<number>;
  /** sha256 of the normalised letter text (CRLF→LF, trimmed): the identity of a letter without a case number. */
  sha256: string;
  sourcePath: string;
  sizeBytes: number;
  /** The raw letter text, compressed (letter-text-codec.ts); written as any byte array, read as a Buffer. */
  rawText: ColumnType<Buffer, Uint8Array, Uint8Array>;
  ingestedAt: string;
  parserVersion: string;
}

export interface CaseTable {
  id: Generated<number>;
  documentId: number;
  /** Case number when the letter has one, else `sha256:<hex>` of the normalised text. Unique. */
  letterKey: string;
  caseNumber: string | null;
  format: string;
  dateAssigned: string | null;
  dateInjury: string | null;
  dateDecision: string | null;
  dateUrDenial: string | null;
  dateApplicationReceived: string | null;
  /** Days from UR denial to decision, when both dates are known. */
  daysToDecision: number | null;
  priority: string | null;
  reviewerId: number | null;
  patientAge: number | null;
  /** '<18', '18-29', '30-39', '40-49', '50-59', '60-69', '70+' or null. */
  patientAgeBand: string | null;
  patientSex: string | null;
  summary: string | null;
  /** JSON array of strings. */
  warnings: string;
  itemCount: number;
  parserVersion: string;
}

export interface ReviewerTable {
  id: Generated<number>;
  /** Canonical key of the credential profile: sorted specialties | subspecialties | states. Unique. */
  profileKey: string;
  /** JSON arrays of strings. */
  specialties: string;
  subspecialties: string;
  licensedIn: string;
}

/** One row per (reviewer, specialty); kind is SPECIALTY or SUBSPECIALTY. */
export interface ReviewerSpecialtyTable {
  reviewerId: number;
  specialty: string;
  kind: string;
}

export interface ReviewerStateTable {
  reviewerId: number;
  state: string;
}

export interface DiagnosisTable {
  caseId: number;
  ordinal: number;
  text: string;
}

export interface ItemTable {
  id: Generated<number>;
  caseId: number;
  ordinal: number;
  title: string;
  decision: string;
  /** 1 when utilization review certified part of the request and the item is the rest; else 0. */
  partiallyCertified: Generated<number>;
  category: string;
  treatment: string;
  drugName: string | null;
  drugGeneric: string | null;
  drugClass: string | null;
  drugStrength: string | null;
  drugDispensed: number | null;
  quantityCount: number | null;
  quantityUnit: string | null;
  frequencyMin: number | null;
  frequencyMax: number | null;
  frequencyPer: string | null;
  durationMin: number | null;
  durationMax: number | null;
  durationUnit: string | null;
  rationale: string;
  // Denormalised from the case for grouping and filtering without joins.
  dateDecision: string | null;
  decisionYear: number | null;
  /** 'YYYY-MM' */
  decisionMonth: string | null;
  dateInjury: string | null;
  priority: string | null;
  reviewerId: number | null;
  patientSex: string | null;
  patientAgeBand: string | null;
}

export interface ItemBodyRegionTable {
  itemId: number;
  bodyRegion: string;
}

export interface GuidelineTable {
  id: Generated<number>;
  source: string;
  /** '' when the letter names no guideline (source NONE). */
  name: string;
  /** '' when the letter names no topic. */
  topic: string;
}

export interface CitationTable {
  id: Generated<number>;
  itemId: number;
  ordinal: number;
  guidelineId: number;
  citedBy: string;
  /** JSON array of page numbers. */
  pages: string;
  /** The citation as written. */
  text: string | null;
}

/** One row per cited page, for "which pages decide X" analytics. */
export interface CitationPageTable {
  citationId: number;
  itemId: number;
  guidelineId: number;
  page: number;
}

export interface IngestRunTable {
  id: Generated<number>;
  startedAt: string;
  finishedAt: string | null;
  parserVersion: string;
  filesSeen: number;
  stored: number;
  alreadyPresent: number;
  updated: number;
  /** Added after the others, with a default: inserts may leave it out. */
  superseded: Generated<number>;
  rejected: number;
}

export interface IngestErrorTable {
  id: Generated<number>;
  runId: number | null;
  file: string;
  sha256: string | null;
  reason: string;
  createdAt: string;
}

export interface Database {
  documents: DocumentTable;
  cases: CaseTable;
  reviewers: ReviewerTable;
  reviewerSpecialties: ReviewerSpecialtyTable;
  reviewerStates: ReviewerStateTable;
  diagnoses: DiagnosisTable;
  items: ItemTable;
  itemBodyRegions: ItemBodyRegionTable;
  guidelines: GuidelineTable;
  citations: CitationTable;
  citationPages: CitationPageTable;
  ingestRuns: IngestRunTable;
  ingestErrors: IngestErrorTable;
}

/**
 * The long free text of a row: a case's summary, an item's rationale, a citation's wording. Reads of entity rows
 * leave it out (`repositories/entity-columns.ts`): a page of 100 cases with their items would otherwise carry
 * about 400 kB of it whether the query asks for it or not. It is read by id when a query does.
 */
export const LONG_TEXT_COLUMNS = { cases: 'summary', items: 'rationale', citations: 'text' } as const;
export type LongTextTable = keyof typeof LONG_TEXT_COLUMNS;

/** A case as entity reads return it: every column but its summary. */
export type CaseRow = Omit<Selectable<CaseTable>, 'summary'>;
/** An item as entity reads return it: every column but its rationale. */
export type ItemRow = Omit<Selectable<ItemTable>, 'rationale'>;
export type ReviewerRow = Selectable<ReviewerTable>;
export type GuidelineRow = Selectable<GuidelineTable>;
/** A citation as entity reads return it: every column but its wording. */
export type CitationRow = Omit<Selectable<CitationTable>, 'text'>;
export type DocumentRow = Selectable<DocumentTable>;
export type IngestErrorRow = Selectable<IngestErrorTable>;
export type NewItem = Insertable<ItemTable>;
export type NewCase = Insertable<CaseTable>;
