import type { CaseRow, CitationRow, ItemRow } from '../database';

// The columns reads of cases, items and citations select: every column but the long text (database.ts says why).
// Each list is written as a record of every key of its row type, so a column added to a table and not here
// fails to compile instead of going missing from the API.

function columnsOf<Row>(columns: Record<keyof Row & string, true>): readonly (keyof Row & string)[] {
  return Object.keys(columns) as (keyof Row & string)[];
}

export const CASE_COLUMNS = columnsOf<CaseRow>({
  id: true,
  documentId: true,
  letterKey: true,
  caseNumber: true,
  format: true,
  dateAssigned: true,
  dateInjury: true,
  dateDecision: true,
  dateUrDenial: true,
  dateApplicationReceived: true,
  daysToDecision: true,
  priority: true,
  reviewerId: true,
  patientAge: true,
  patientAgeBand: true,
  patientSex: true,
  warnings: true,
  itemCount: true,
  parserVersion: true,
});

export const ITEM_COLUMNS = columnsOf<ItemRow>({
  id: true,
  caseId: true,
  ordinal: true,
  title: true,
  decision: true,
  partiallyCertified: true,
  category: true,
  treatment: true,
  drugName: true,
  drugGeneric: true,
  drugClass: true,
  drugStrength: true,
  drugDispensed: true,
  quantityCount: true,
  quantityUnit: true,
  frequencyMin: true,
  frequencyMax: true,
  frequencyPer: true,
  durationMin: true,
  durationMax: true,
  durationUnit: true,
  dateDecision: true,
  decisionYear: true,
  decisionMonth: true,
  dateInjury: true,
  priority: true,
  reviewerId: true,
  patientSex: true,
  patientAgeBand: true,
});

export const CITATION_COLUMNS = columnsOf<CitationRow>({
  id: true,
  itemId: true,
  ordinal: true,
  guidelineId: true,
  citedBy: true,
  pages: true,
});

/** The columns of each table whose rows leave their long text out. */
export const ENTITY_COLUMNS = {
  cases: CASE_COLUMNS,
  items: ITEM_COLUMNS,
  citations: CITATION_COLUMNS,
} as const;
