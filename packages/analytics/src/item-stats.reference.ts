import type { DisputedItem, ParsedLetter } from '@imr/parser';
import type { ItemDimension } from '@imr/store/dimensions';
import type { DecisionTally } from './decision-tally';

// Test support: item aggregates computed by plain JS over the parsed letters, independently of the store and
// its SQL, for property tests to compare with. Written for clarity, not speed.

/** The filter fields the reference understands (a subset of ItemFilter). */
export interface ReferenceFilter {
  decisions?: string[];
  categories?: string[];
  priorities?: string[];
  bodyRegions?: string[];
  reviewerSpecialties?: string[];
  reviewerStates?: string[];
  guidelineSources?: string[];
  decisionDateFrom?: string;
  decisionDateTo?: string;
}

type Value = string | number | null;

export function ageBandOf(age: number | null): string | null {
  if (age === null) return null;
  const bounds: [number, string][] = [
    [18, '<18'],
    [30, '18-29'],
    [40, '30-39'],
    [50, '40-49'],
    [60, '50-59'],
    [70, '60-69'],
  ];
  for (const [below, label] of bounds) if (age < below) return label;
  return '70+';
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
const orNull = <T>(xs: T[]): (T | null)[] => (xs.length === 0 ? [null] : xs);

export function specialtiesOf(letter: ParsedLetter): string[] {
  return unique([...letter.reviewer.specialties, ...letter.reviewer.subspecialties]);
}

export function itemMatches(letter: ParsedLetter, item: DisputedItem, f: ReferenceFilter): boolean {
  const any = <T>(wanted: T[] | undefined, have: readonly T[]) =>
    wanted === undefined || wanted.length === 0 || have.some((h) => wanted.includes(h));
  const decision = letter.dates.decision;
  return (
    any(f.decisions, [item.decision]) &&
    any(f.categories, [item.category]) &&
    any(f.priorities, letter.priority === null ? [] : [letter.priority]) &&
    any(f.bodyRegions, item.bodyRegions) &&
    any(f.reviewerSpecialties, specialtiesOf(letter)) &&
    any(f.reviewerStates, letter.reviewer.licensedIn) &&
    any(
      f.guidelineSources,
      item.citations.map((c) => c.source),
    ) &&
    (f.decisionDateFrom === undefined || (decision !== null && decision >= f.decisionDateFrom)) &&
    (f.decisionDateTo === undefined || (decision !== null && decision <= f.decisionDateTo))
  );
}

const CITATION_DIMENSIONS = new Set<ItemDimension>([
  'GUIDELINE_SOURCE',
  'GUIDELINE_TOPIC',
  'GUIDELINE',
  'CITED_BY',
]);

/** The values an item takes on a dimension that is not read from its citations. */
function valuesOf(letter: ParsedLetter, item: DisputedItem, d: ItemDimension): Value[] {
  const date = letter.dates.decision;
  switch (d) {
    case 'CATEGORY':
      return [item.category];
    case 'DECISION_YEAR':
      return [date ? Number(date.slice(0, 4)) : null];
    case 'DECISION_MONTH':
      return [date ? date.slice(0, 7) : null];
    case 'DRUG_CLASS':
      return [item.drug?.drugClass ?? null];
    case 'DRUG':
      return [item.drug?.generic ?? null];
    case 'TREATMENT':
      return [item.treatment];
    case 'PRIORITY':
      return [letter.priority];
    case 'PATIENT_SEX':
      return [letter.patient.sex];
    case 'PATIENT_AGE_BAND':
      return [ageBandOf(letter.patient.age)];
    case 'DECISION':
      return [item.decision];
    case 'BODY_REGION':
      return orNull(unique(item.bodyRegions));
    case 'REVIEWER_SPECIALTY':
      return orNull(specialtiesOf(letter));
    case 'REVIEWER_STATE':
      return orNull(unique(letter.reviewer.licensedIn));
    default:
      throw new Error(`${d} is read from citations`);
  }
}

function citationValue(c: DisputedItem['citations'][number], d: ItemDimension): Value {
  if (d === 'GUIDELINE_SOURCE') return c.source;
  if (d === 'CITED_BY') return c.citedBy;
  if (d === 'GUIDELINE') return c.guideline || null;
  return c.topic || null;
}

/** Every distinct key tuple an item falls in, in groupBy order. */
function keysOf(letter: ParsedLetter, item: DisputedItem, groupBy: readonly ItemDimension[]): Value[][] {
  const citationDims = groupBy.filter((d) => CITATION_DIMENSIONS.has(d));
  // Citation dimensions vary together: each citation gives one combination of them.
  const citationTuples: Value[][] =
    item.citations.length === 0
      ? [citationDims.map(() => null)]
      : item.citations.map((c) => citationDims.map((d) => citationValue(c, d)));
  let partial: Map<ItemDimension, Value>[] = [new Map()];
  for (const d of groupBy) {
    if (CITATION_DIMENSIONS.has(d)) continue;
    partial = partial.flatMap((m) => valuesOf(letter, item, d).map((v) => new Map(m).set(d, v)));
  }
  const tuples = partial.flatMap((m) =>
    citationTuples.map((ct) =>
      groupBy.map((d) => (CITATION_DIMENSIONS.has(d) ? ct[citationDims.indexOf(d)]! : m.get(d)!)),
    ),
  );
  const seen = new Map<string, Value[]>();
  for (const t of tuples) seen.set(JSON.stringify(t), t);
  return [...seen.values()];
}

function add(tally: DecisionTally, decision: string): void {
  tally.count++;
  if (decision === 'UPHELD') tally.upheld++;
  else if (decision === 'OVERTURNED') tally.overturned++;
  else if (decision === 'PARTIALLY_OVERTURNED') tally.partiallyOverturned++;
  else tally.unknown++;
}

const emptyTally = (): DecisionTally => ({
  count: 0,
  upheld: 0,
  overturned: 0,
  partiallyOverturned: 0,
  unknown: 0,
});

export interface ReferenceItemStats {
  total: DecisionTally;
  /** By JSON.stringify of the key tuple. */
  groups: Map<string, DecisionTally>;
}

export function referenceItemStats(
  letters: readonly ParsedLetter[],
  filter: ReferenceFilter,
  groupBy: readonly ItemDimension[],
): ReferenceItemStats {
  const total = emptyTally();
  const groups = new Map<string, DecisionTally>();
  for (const letter of letters) {
    for (const item of letter.items) {
      if (!itemMatches(letter, item, filter)) continue;
      add(total, item.decision);
      for (const key of keysOf(letter, item, groupBy)) {
        const k = JSON.stringify(key);
        const tally = groups.get(k) ?? emptyTally();
        add(tally, item.decision);
        groups.set(k, tally);
      }
    }
  }
  return { total, groups };
}
