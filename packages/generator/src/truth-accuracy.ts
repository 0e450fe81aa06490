import type { Citation, DisputedItem, ParsedLetter } from '@imr/parser';
import type { LetterTruth } from './generate-letter';

// Field-by-field agreement between a parser's output and a generated letter's truth. Each field is scored
// once per letter (or per item, for item fields), so the share of agreeing letters/items is readable per
// field, and a few disagreeing examples are kept to show why.

export const LETTER_FIELDS = [
  'caseNumber',
  'dates.assigned',
  'dates.injury',
  'dates.decision',
  'dates.urDenial',
  'dates.applicationReceived',
  'priority',
  'reviewer.specialties',
  'reviewer.subspecialties',
  'reviewer.licensedIn',
  'patient.age',
  'patient.sex',
  'diagnoses',
  'items.length',
] as const;

export const ITEM_FIELDS = [
  'title',
  'decision',
  'category',
  'treatment',
  'drug',
  'quantity',
  'frequency',
  'duration',
  'bodyRegions',
  'citations',
  'rationale',
] as const;

export interface FieldScore {
  field: string;
  compared: number;
  agreed: number;
  examples: { file: string; expected: unknown; actual: unknown }[];
}

export class AccuracyTally {
  private readonly scores = new Map<string, FieldScore>();

  constructor(private readonly examplesPerField = 3) {}

  record(field: string, file: string, expected: unknown, actual: unknown): void {
    let score = this.scores.get(field);
    if (score === undefined) {
      score = { field, compared: 0, agreed: 0, examples: [] };
      this.scores.set(field, score);
    }
    score.compared++;
    if (canonical(expected) === canonical(actual)) score.agreed++;
    else if (score.examples.length < this.examplesPerField) score.examples.push({ file, expected, actual });
  }

  /** Scores every contract field of one letter; items are paired by position. */
  compare(file: string, truth: LetterTruth, parsed: ParsedLetter | null): void {
    for (const field of LETTER_FIELDS) {
      this.record(field, file, valueAt(truth, field), parsed === null ? undefined : valueAt(parsed, field));
    }
    truth.items.forEach((item, i) => {
      const actual = parsed?.items[i];
      for (const field of ITEM_FIELDS) {
        this.record(
          `items.${field}`,
          file,
          itemValue(item, field),
          actual === undefined ? undefined : itemValue(actual, field),
        );
      }
    });
  }

  results(): FieldScore[] {
    return [...this.scores.values()];
  }

  /** One line per field, worst first: "items.drug  97.2% (1234/1270)". */
  report(): string {
    return this.results()
      .sort((a, b) => a.agreed / a.compared - b.agreed / b.compared)
      .map(
        (s) =>
          `${s.field.padEnd(28)} ${((100 * s.agreed) / s.compared).toFixed(1).padStart(5)}% (${s.agreed}/${s.compared})`,
      )
      .join('\n');
  }
}

function valueAt(record: unknown, path: string): unknown {
  if (path === 'items.length') return (record as { items: unknown[] }).items.length;
  let value = record;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | null)?.[key];
  return value;
}

/** The contract's view of a citation: `text` is extra, absent guideline/topic mean null, pages in order. */
function citationValue(citation: Citation): unknown {
  if (citation.source === 'NONE') return { citedBy: citation.citedBy, source: 'NONE' };
  return {
    citedBy: citation.citedBy,
    source: citation.source,
    guideline: citation.guideline ?? null,
    topic: citation.topic ?? null,
    pages: [...(citation.pages ?? [])].sort((a, b) => a - b),
  };
}

function itemValue(item: DisputedItem, field: (typeof ITEM_FIELDS)[number]): unknown {
  if (field === 'citations') return item.citations.map(citationValue);
  if (field === 'bodyRegions') return [...item.bodyRegions].sort();
  if (field === 'rationale') return item.rationale.replace(/\s+/g, ' ').trim();
  return item[field] ?? null;
}

/** JSON with sorted keys, so key order never counts as a disagreement. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
