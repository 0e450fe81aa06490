import type { ItemFilter } from '@imr/store/repositories/item-filter';
import { tallyOfSlots } from './cube-counters';
import {
  columnPostings,
  type Postings,
  postingsCountWithin,
  postingsWithin,
  reviewerValuePostings,
} from './cube-postings';
import { dateNumber } from './date-number';
import type { DecisionTally } from './decision-tally';
import type { CubeColumn, Dictionary, ItemCube, Value } from './item-cube';

// Item selection and coverage from an ItemCube, with the same meaning as the store's SQL
// (which the property tests hold it to): filters are ANDed, a list matches any of its values, a multi-valued
// dimension counts an item once per value, and an item without a value groups under null.

const some = <T>(xs: readonly T[] | null | undefined): xs is readonly T[] =>
  Array.isArray(xs) && xs.length > 0;

/** Whether the cube can answer this filter (full text, case ids and partial certification need the store). */
export function cubeCanAnswer(cube: ItemCube, filter: ItemFilter | null | undefined): boolean {
  const f = filter ?? {};
  // The cube holds no partial-certification column: few items have it, and SQL answers that filter fast enough.
  if (f.text != null || some(f.caseIds) || f.partiallyCertified != null) return false;
  const dated = f.decisionDateFrom || f.decisionDateTo || f.injuryDateFrom || f.injuryDateTo;
  return !dated || cube.datesAreIso;
}

/** The codes marked in `allowed`. */
function codesOf(allowed: Uint8Array): number[] {
  const codes: number[] = [];
  for (let c = 0; c < allowed.length; c++) if (allowed[c] === 1) codes.push(c);
  return codes;
}

function allowedCodes(dictionary: Dictionary, values: readonly Value[]): Uint8Array {
  const allowed = new Uint8Array(dictionary.size);
  for (const v of values) {
    const code = dictionary.find(v);
    if (code > 0) allowed[code] = 1;
  }
  return allowed;
}

/**
 * The items a filter selects: `positions` (ascending, within begin..end), or when null every position of
 * begin..end. On a cube in decision-date order a decision-date filter only narrows the range.
 */
export interface Selection {
  begin: number;
  end: number;
  positions: Uint32Array | null;
}

/** How many positions a selection holds. */
export function selectionSize({ begin, end, positions }: Selection): number {
  return positions ? positions.length : end - begin;
}

/** First position whose date is >= value (dates ascending). */
function lowerBound(dates: Int32Array, value: number): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const reviewerIndexes = new WeakMap<number[][], number[][]>();

/** For per-reviewer value lists (specialties, states): the reviewer codes holding each value code, built once. */
function reviewersByValue(lists: number[][], valueCount: number): number[][] {
  let index = reviewerIndexes.get(lists);
  if (!index) {
    const built: number[][] = Array.from({ length: valueCount }, () => []);
    lists.forEach((codes, reviewer) => {
      for (const c of codes) built[c]?.push(reviewer);
    });
    index = built;
    reviewerIndexes.set(lists, index);
  }
  return index;
}

/** A condition on one code per position (`allowed[codes[i]]`), with the postings of its value codes. */
interface CodedCondition {
  codes: Uint32Array;
  allowed: Uint8Array;
  /** The values' codes in `postings` (for a reviewer's values, the value codes, not the reviewer codes). */
  valueCodes: number[];
  postings: () => Postings;
}

/** The positions of `from` (a range when null) whose code is allowed. */
function keepCoded(
  from: Uint32Array | null,
  begin: number,
  end: number,
  { codes, allowed }: CodedCondition,
): Uint32Array {
  const out = new Uint32Array(from ? from.length : end - begin);
  let kept = 0;
  if (from) {
    for (let k = 0; k < from.length; k++) {
      const i = from[k]!;
      if (allowed[codes[i]!] === 1) out[kept++] = i;
    }
  } else for (let i = begin; i < end; i++) if (allowed[codes[i]!] === 1) out[kept++] = i;
  return out.subarray(0, kept);
}

/** The positions of `from` (a range when null) that `keep` accepts. */
function keepWhere(
  from: Uint32Array | null,
  begin: number,
  end: number,
  keep: (i: number) => boolean,
): Uint32Array {
  const out = new Uint32Array(from ? from.length : end - begin);
  let kept = 0;
  if (from) {
    for (let k = 0; k < from.length; k++) if (keep(from[k]!)) out[kept++] = from[k]!;
  } else for (let i = begin; i < end; i++) if (keep(i)) out[kept++] = i;
  return out.subarray(0, kept);
}

/**
 * A condition selecting at most this share of its range starts from its postings; a broader one (every decision
 * but one, say) is cheaper as one pass over the range than as a merge and sort of its lists.
 */
const POSTINGS_SHARE = 0.25;

/** `postingsShare` is POSTINGS_SHARE but in tests, which hold both ways of selecting to the same answer. */
export function selectItems(
  cube: ItemCube,
  filter: ItemFilter | null | undefined,
  postingsShare = POSTINGS_SHARE,
): Selection {
  const f = filter ?? {};
  let begin = 0;
  let end = cube.size;
  const decisionDated = f.decisionDateFrom || f.decisionDateTo;
  if (decisionDated && cube.sortedByDecisionDate) {
    // Undated items are -1, before every date: a bound of 0 or more leaves them out, as SQL's comparisons do.
    begin = lowerBound(cube.decisionDate, f.decisionDateFrom ? dateNumber(f.decisionDateFrom) : 0);
    if (f.decisionDateTo) end = lowerBound(cube.decisionDate, dateNumber(f.decisionDateTo) + 1);
    end = Math.max(begin, end);
  }
  const coded: CodedCondition[] = [];
  const byColumn = (column: CubeColumn, values: readonly Value[] | null | undefined) => {
    if (!some(values)) return;
    const dictionary = cube.dictionaries[column];
    const allowed = allowedCodes(dictionary, values);
    const codes = cube.columns[column];
    coded.push({
      codes,
      allowed,
      valueCodes: codesOf(allowed),
      postings: () => columnPostings(codes, dictionary.size),
    });
  };
  byColumn('decision', f.decisions);
  byColumn('category', f.categories);
  byColumn('treatment', f.treatments);
  byColumn('drugClass', f.drugClasses);
  byColumn('drug', f.drugGenerics);
  byColumn('priority', f.priorities);
  byColumn('patientSex', f.patientSexes);
  byColumn('patientAgeBand', f.patientAgeBands);
  const byReviewerValues = (lists: number[][], names: Dictionary, values: readonly string[]) => {
    // Through the value → reviewers index: tens of thousands of reviewers, of whom a filter's values name a few.
    const reviewersOf = reviewersByValue(lists, names.size);
    const allowed = new Uint8Array(lists.length);
    const valueCodes: number[] = [];
    for (const value of values) {
      const code = names.find(value);
      if (code <= 0 || valueCodes.includes(code)) continue;
      valueCodes.push(code);
      for (const r of reviewersOf[code] ?? []) allowed[r] = 1;
    }
    const reviewer = cube.reviewer;
    coded.push({
      codes: reviewer,
      allowed,
      valueCodes,
      postings: () => reviewerValuePostings(reviewer, lists, names.size),
    });
  };
  if (some(f.reviewerSpecialties))
    byReviewerValues(cube.reviewerSpecialties, cube.specialtyNames, f.reviewerSpecialties);
  if (some(f.reviewerStates)) byReviewerValues(cube.reviewerStates, cube.stateNames, f.reviewerStates);
  if (some(f.reviewerIds)) {
    const allowed = allowedCodes(cube.reviewerIds, f.reviewerIds);
    const reviewer = cube.reviewer;
    coded.push({
      codes: reviewer,
      allowed,
      valueCodes: codesOf(allowed),
      postings: () => columnPostings(reviewer, cube.reviewerIds.size),
    });
  }
  const predicates: ((i: number) => boolean)[] = [];
  const byDate = (dates: Int32Array, from: string | null | undefined, to: string | null | undefined) => {
    // Null dates are -1: below any `from`, and excluded from `to` explicitly (NULL <= x is not true in SQL).
    if (!from && !to) return;
    const lo = from ? dateNumber(from) : Number.NEGATIVE_INFINITY;
    const hi = to ? dateNumber(to) : Number.POSITIVE_INFINITY;
    predicates.push((i) => {
      const d = dates[i]!;
      return d !== -1 && d >= lo && d <= hi;
    });
  };
  if (!cube.sortedByDecisionDate) byDate(cube.decisionDate, f.decisionDateFrom, f.decisionDateTo);
  byDate(cube.injuryDate, f.injuryDateFrom, f.injuryDateTo);
  if (some(f.bodyRegions)) {
    const allowed = allowedCodes(cube.regionNames, f.bodyRegions);
    const { start, codes } = cube.bodyRegions;
    predicates.push((i) => {
      for (let p = start[i]!; p < start[i + 1]!; p++) if (allowed[codes[p]!] === 1) return true;
      return false;
    });
  }
  if (some(f.guidelineSources) || some(f.guidelineTopics) || some(f.guidelineIds)) {
    // One citation must meet every guideline condition, as the SQL's single subquery requires.
    const g = cube.guidelineIds.size;
    const allowed = new Uint8Array(g).fill(1);
    allowed[0] = 0;
    if (some(f.guidelineSources)) {
      const sources = allowedCodes(cube.sources, f.guidelineSources);
      for (let c = 1; c < g; c++) if (sources[cube.guidelineSource[c]!] === 0) allowed[c] = 0;
    }
    if (some(f.guidelineTopics)) {
      const topics = allowedCodes(cube.topics, f.guidelineTopics);
      if (f.guidelineTopics.includes('')) topics[0] = 1; // '' is stored for "no topic", which the cube keys as null
      for (let c = 1; c < g; c++) if (topics[cube.guidelineTopic[c]!] === 0) allowed[c] = 0;
    }
    if (some(f.guidelineIds)) {
      const ids = allowedCodes(cube.guidelineIds, f.guidelineIds);
      for (let c = 1; c < g; c++) if (ids[c] === 0) allowed[c] = 0;
    }
    const { start, codes } = cube.citations;
    predicates.push((i) => {
      for (let p = start[i]!; p < start[i + 1]!; p++) if (allowed[codes[p]! >>> 2] === 1) return true;
      return false;
    });
  }
  if (coded.length === 0 && predicates.length === 0) return { begin, end, positions: null };
  let positions: Uint32Array | null = null;
  let rest = coded;
  if (coded.length > 0) {
    // Start from the narrowest condition's postings when it is narrow enough; the others then test only those.
    const counts = coded.map((c) => postingsCountWithin(c.postings(), c.valueCodes, begin, end));
    const narrowest = counts.indexOf(Math.min(...counts));
    if (counts[narrowest]! <= (end - begin) * postingsShare) {
      const driver = coded[narrowest]!;
      positions = postingsWithin(driver.postings(), driver.valueCodes, begin, end);
      rest = coded.filter((_, k) => k !== narrowest);
    }
  }
  for (const condition of rest) positions = keepCoded(positions, begin, end, condition);
  for (const keep of predicates) positions = keepWhere(positions, begin, end, keep);
  return { begin, end, positions: positions ?? new Uint32Array(0) };
}

export interface CubeCoverage {
  citedBy: string;
  /** Selected items for which the party cited no guideline (no citation, or only source NONE). */
  nothing: DecisionTally;
  something: DecisionTally;
}

/** citationCoverage from the cube: per party, the selected items it cited a real guideline for, and the rest. */
export function cubeCitationCoverage(
  cube: ItemCube,
  filter: ItemFilter | null | undefined,
  parties: readonly string[],
): CubeCoverage[] {
  const { begin, end, positions } = selectItems(cube, filter);
  const slot = cube.slot;
  // Per guideline code: 1 when it names a guideline (a source other than NONE; a null source is no guideline).
  const none = cube.sources.find('NONE');
  const real = Uint8Array.from(cube.guidelineSource, (s) => (s !== 0 && s !== none ? 1 : 0));
  const { start, codes } = cube.citations;
  // Per cited-by code: bit k set when party k cited a real guideline for the item.
  const bitOfCitedBy = new Uint8Array(4);
  parties.forEach((party, k) => {
    const code = cube.citedByNames.find(party);
    if (code >= 0) bitOfCitedBy[code] = 1 << k;
  });
  // Tallies by the item's bits (which parties cited something) × slot: one pass for every party.
  const bitSpace = 1 << parties.length;
  const byBits = new Uint32Array(bitSpace * 5);
  const n = positions ? positions.length : end - begin;
  for (let k = 0; k < n; k++) {
    const i = positions ? positions[k]! : begin + k;
    let bits = 0;
    for (let p = start[i]!; p < start[i + 1]!; p++) {
      const c = codes[p]!;
      if (real[c >>> 2] === 1) bits |= bitOfCitedBy[c & 3]!;
    }
    byBits[bits * 5 + slot[i]!]!++;
  }
  return parties.map((citedBy, k) => {
    const nothing = new Uint32Array(5);
    const something = new Uint32Array(5);
    for (let bits = 0; bits < bitSpace; bits++) {
      const into = bits & (1 << k) ? something : nothing;
      for (let s = 0; s < 5; s++) into[s]! += byBits[bits * 5 + s]!;
    }
    return { citedBy, nothing: tallyOfSlots(nothing, 0), something: tallyOfSlots(something, 0) };
  });
}
