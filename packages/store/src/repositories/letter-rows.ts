import type { ParsedLetter } from '@imr/parser';
import { ageBand } from './age-band';

// The rows one parsed letter becomes, built once here so both write paths (SQLite's prepared statements and the
// portable multi-row inserts PostgreSQL uses) store exactly the same values. Pure: no SQL, no ids invented.

/**
 * What saving a letter did: stored it, found it already stored, replaced the rows stored under its key (another
 * parser version's, or a letter it is kept over: letter-batch-plan.ts), or left it out for a letter with the same
 * key that is kept over it.
 */
export type SaveOutcome = 'stored' | 'already-present' | 'updated' | 'superseded';

export interface LetterToSave {
  letter: ParsedLetter;
  document: {
    /** sha256 of the normalised letter text. */
    sha256: string;
    sourcePath: string;
    sizeBytes: number;
    /** The raw letter text, compressed (letter-text-codec.ts). */
    rawText: Uint8Array;
  };
}

type Reviewer = ParsedLetter['reviewer'];
type Item = ParsedLetter['items'][number];
type Citation = Item['citations'][number];

/** Identity of a letter: its case number when it has one, else the sha256 of its normalised text. */
export function letterKeyOf(letter: ParsedLetter, sha256: string): string {
  return letter.caseNumber ?? `sha256:${sha256}`;
}

/** Canonical key of a reviewer's credential profile. */
export function reviewerProfileKey(reviewer: Reviewer): string {
  const sorted = (xs: string[]) => [...new Set(xs)].sort().join(',');
  return `${sorted(reviewer.specialties)}|${sorted(reviewer.subspecialties)}|${sorted(reviewer.licensedIn)}`;
}

export function guidelineKey(c: {
  source: string;
  guideline?: string | null;
  topic?: string | null;
}): string {
  return `${c.source}\u0000${c.guideline ?? ''}\u0000${c.topic ?? ''}`;
}

function daysBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Number.isFinite(ms) ? Math.round(ms / 86_400_000) : null;
}

export function documentRow(save: LetterToSave, ingestedAt: string) {
  return {
    sha256: save.document.sha256,
    sourcePath: save.document.sourcePath,
    sizeBytes: save.document.sizeBytes,
    rawText: save.document.rawText,
    ingestedAt,
    parserVersion: save.letter.parserVersion,
  };
}

export function reviewerRow(profileKey: string, r: Reviewer) {
  return {
    profileKey,
    specialties: JSON.stringify(r.specialties),
    subspecialties: JSON.stringify(r.subspecialties),
    licensedIn: JSON.stringify(r.licensedIn),
  };
}

export function reviewerSpecialtyRows(reviewerId: number, r: Reviewer) {
  const rows: { reviewerId: number; kind: string; specialty: string }[] = [];
  for (const specialty of new Set(r.specialties)) rows.push({ reviewerId, kind: 'SPECIALTY', specialty });
  for (const specialty of new Set(r.subspecialties))
    rows.push({ reviewerId, kind: 'SUBSPECIALTY', specialty });
  return rows;
}

export function reviewerStateRows(reviewerId: number, r: Reviewer) {
  return [...new Set(r.licensedIn)].map((state) => ({ reviewerId, state }));
}

export function guidelineRow(c: Citation) {
  return { source: c.source, name: c.guideline ?? '', topic: c.topic ?? '' };
}

export function caseRow(
  letter: ParsedLetter,
  letterKey: string,
  documentId: number,
  reviewerId: number | null,
) {
  return {
    documentId,
    letterKey,
    caseNumber: letter.caseNumber,
    format: letter.format,
    dateAssigned: letter.dates.assigned,
    dateInjury: letter.dates.injury,
    dateDecision: letter.dates.decision,
    dateUrDenial: letter.dates.urDenial,
    dateApplicationReceived: letter.dates.applicationReceived,
    daysToDecision: daysBetween(letter.dates.urDenial, letter.dates.decision),
    priority: letter.priority,
    reviewerId,
    patientAge: letter.patient.age,
    patientAgeBand: ageBand(letter.patient.age),
    patientSex: letter.patient.sex,
    summary: letter.summary,
    warnings: JSON.stringify(letter.warnings),
    itemCount: letter.items.length,
    parserVersion: letter.parserVersion,
  };
}

export function diagnosisRows(letter: ParsedLetter, caseId: number) {
  return letter.diagnoses.map((text, ordinal) => ({ caseId, ordinal, text }));
}

/** An item row carries copies of the case fields analysts group by (see ARCHITECTURE.md). */
export function itemRow(
  letter: ParsedLetter,
  item: Item,
  ordinal: number,
  caseId: number,
  reviewerId: number | null,
) {
  const decisionDate = letter.dates.decision;
  return {
    caseId,
    ordinal,
    title: item.title,
    decision: item.decision,
    partiallyCertified: item.partiallyCertified ? 1 : 0,
    category: item.category,
    treatment: item.treatment,
    drugName: item.drug?.name ?? null,
    drugGeneric: item.drug?.generic ?? null,
    drugClass: item.drug?.drugClass ?? null,
    drugStrength: item.drug?.strength ?? null,
    drugDispensed: item.drug?.dispensed ?? null,
    quantityCount: item.quantity?.count ?? null,
    quantityUnit: item.quantity?.unit ?? null,
    frequencyMin: item.frequency?.min ?? null,
    frequencyMax: item.frequency?.max ?? null,
    frequencyPer: item.frequency?.per ?? null,
    durationMin: item.duration?.min ?? null,
    durationMax: item.duration?.max ?? null,
    durationUnit: item.duration?.unit ?? null,
    rationale: item.rationale,
    dateDecision: decisionDate,
    decisionYear: decisionDate ? Number(decisionDate.slice(0, 4)) : null,
    decisionMonth: decisionDate ? decisionDate.slice(0, 7) : null,
    dateInjury: letter.dates.injury,
    priority: letter.priority,
    reviewerId,
    patientSex: letter.patient.sex,
    patientAgeBand: ageBand(letter.patient.age),
  };
}

export function bodyRegionRows(item: Item, itemId: number) {
  return [...new Set(item.bodyRegions)].map((bodyRegion) => ({ itemId, bodyRegion }));
}

export function citationRow(c: Citation, ordinal: number, itemId: number, guidelineId: number) {
  return {
    itemId,
    ordinal,
    guidelineId,
    citedBy: c.citedBy,
    pages: JSON.stringify(c.pages ?? []),
    text: c.text ?? null,
  };
}

export function citationPageRows(
  pages: readonly number[],
  citationId: number,
  itemId: number,
  guidelineId: number,
) {
  return [...new Set(pages)].map((page) => ({ citationId, itemId, guidelineId, page }));
}
