import type { ParsedLetter } from '@imr/parser';
import type { CaseDimension } from '@imr/store/dimensions';
import { ageBandOf, itemMatches, type ReferenceFilter, specialtiesOf } from './item-stats.reference';
import { quantileOfSorted } from './quantile';

// Test support: case aggregates by plain JS over the parsed letters, for property tests to compare with.

type Value = string | number | null;

export interface ReferenceCaseGroup {
  cases: number;
  items: number;
  days: number[];
}

function daysFromUrDenial(letter: ParsedLetter): number | null {
  const { urDenial, decision } = letter.dates;
  if (!urDenial || !decision) return null;
  const [y1, m1, d1] = urDenial.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = decision.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000;
}

function valuesOf(letter: ParsedLetter, d: CaseDimension): Value[] {
  const date = letter.dates.decision;
  const orNull = (xs: string[]) => (xs.length === 0 ? [null] : xs);
  switch (d) {
    case 'DECISION_YEAR':
      return [date ? Number(date.slice(0, 4)) : null];
    case 'DECISION_MONTH':
      return [date ? date.slice(0, 7) : null];
    case 'PRIORITY':
      return [letter.priority];
    case 'PATIENT_SEX':
      return [letter.patient.sex];
    case 'PATIENT_AGE_BAND':
      return [ageBandOf(letter.patient.age)];
    case 'REVIEWER_SPECIALTY':
      return orNull(specialtiesOf(letter));
    case 'REVIEWER_STATE':
      return orNull([...new Set(letter.reviewer.licensedIn)]);
  }
}

export function referenceCaseStats(
  letters: readonly ParsedLetter[],
  filter: ReferenceFilter | null,
  groupBy: readonly CaseDimension[],
): Map<string, ReferenceCaseGroup> {
  const groups = new Map<string, ReferenceCaseGroup>();
  for (const letter of letters) {
    if (filter && !letter.items.some((item) => itemMatches(letter, item, filter))) continue;
    let keys: Value[][] = [[]];
    for (const d of groupBy) keys = keys.flatMap((k) => valuesOf(letter, d).map((v) => [...k, v]));
    const days = daysFromUrDenial(letter);
    for (const key of keys) {
      const k = JSON.stringify(key);
      const group = groups.get(k) ?? { cases: 0, items: 0, days: [] };
      group.cases++;
      group.items += letter.items.length;
      if (days !== null) group.days.push(days);
      groups.set(k, group);
    }
  }
  return groups;
}

/** Median and 90th percentile the slow way: sort every value. */
export function referenceDaySummary(days: readonly number[]) {
  const sorted = [...days].sort((a, b) => a - b);
  return {
    count: sorted.length,
    mean: sorted.length === 0 ? null : sorted.reduce((s, v) => s + v, 0) / sorted.length,
    median: quantileOfSorted(sorted, 0.5),
    p90: quantileOfSorted(sorted, 0.9),
    min: sorted[0] ?? null,
    max: sorted.at(-1) ?? null,
  };
}
