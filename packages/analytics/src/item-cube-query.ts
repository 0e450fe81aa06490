import type { ItemFilter } from '@imr/store/repositories/item-filter';
import { tallyOfSlots } from './cube-counters';
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

function allowedCodes(dictionary: Dictionary, values: readonly Value[]): Uint8Array {
  const allowed = new Uint8Array(dictionary.size);
  for (const v of values) {
    const code = dictionary.find(v);
    if (code > 0) allowed[code] = 1;
  }
  return allowed;
}

/**
 * The items a filter selects: positions begin..end, and of those the ones whose mask byte (at position - begin)
 * is 1; no mask means all of them. On a cube in decision-date order a decision-date filter only narrows the range.
 */
export interface Selection {
  begin: number;
  end: number;
  mask: Uint8Array | null;
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

export function selectItems(cube: ItemCube, filter: ItemFilter | null | undefined): Selection {
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
  let mask: Uint8Array | null = null;
  /** Clears the mask byte of every selected item `keep` rejects. */
  const restrict = (keep: (i: number) => boolean) => {
    if (!mask) mask = new Uint8Array(end - begin).fill(1);
    const m = mask;
    for (let i = begin; i < end; i++) if (m[i - begin] === 1 && !keep(i)) m[i - begin] = 0;
  };
  const byColumn = (column: CubeColumn, values: readonly Value[] | null | undefined) => {
    if (!some(values)) return;
    const allowed = allowedCodes(cube.dictionaries[column], values);
    const codes = cube.columns[column];
    if (!mask) {
      // The first condition writes the mask directly: one pass, no fill.
      mask = new Uint8Array(end - begin);
      for (let i = begin; i < end; i++) mask[i - begin] = allowed[codes[i]!]!;
      return;
    }
    const m = mask;
    for (let i = begin; i < end; i++) m[i - begin]! &= allowed[codes[i]!]!;
  };
  byColumn('decision', f.decisions);
  byColumn('category', f.categories);
  byColumn('treatment', f.treatments);
  byColumn('drugClass', f.drugClasses);
  byColumn('drug', f.drugGenerics);
  byColumn('priority', f.priorities);
  byColumn('patientSex', f.patientSexes);
  byColumn('patientAgeBand', f.patientAgeBands);
  const byDate = (dates: Int32Array, from: string | null | undefined, to: string | null | undefined) => {
    // Null dates are -1: below any `from`, and excluded from `to` explicitly (NULL <= x is not true in SQL).
    if (!from && !to) return;
    const lo = from ? dateNumber(from) : Number.NEGATIVE_INFINITY;
    const hi = to ? dateNumber(to) : Number.POSITIVE_INFINITY;
    restrict((i) => {
      const d = dates[i]!;
      return d !== -1 && d >= lo && d <= hi;
    });
  };
  if (!cube.sortedByDecisionDate) byDate(cube.decisionDate, f.decisionDateFrom, f.decisionDateTo);
  byDate(cube.injuryDate, f.injuryDateFrom, f.injuryDateTo);
  if (some(f.bodyRegions)) {
    const allowed = allowedCodes(cube.regionNames, f.bodyRegions);
    const { start, codes } = cube.bodyRegions;
    restrict((i) => {
      for (let p = start[i]!; p < start[i + 1]!; p++) if (allowed[codes[p]!] === 1) return true;
      return false;
    });
  }
  const byReviewer = (allowedReviewer: Uint8Array) =>
    restrict((i) => allowedReviewer[cube.reviewer[i]!] === 1);
  const reviewersWith = (lists: number[][], names: Dictionary, values: readonly string[]) => {
    // Through the value → reviewers index: tens of thousands of reviewers, of whom a filter's values name a few.
    const reviewersOf = reviewersByValue(lists, names.size);
    const allowed = new Uint8Array(lists.length);
    for (const value of values) {
      const code = names.find(value);
      if (code > 0) for (const r of reviewersOf[code] ?? []) allowed[r] = 1;
    }
    return allowed;
  };
  if (some(f.reviewerSpecialties))
    byReviewer(reviewersWith(cube.reviewerSpecialties, cube.specialtyNames, f.reviewerSpecialties));
  if (some(f.reviewerStates))
    byReviewer(reviewersWith(cube.reviewerStates, cube.stateNames, f.reviewerStates));
  if (some(f.reviewerIds)) byReviewer(allowedCodes(cube.reviewerIds, f.reviewerIds));
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
    restrict((i) => {
      for (let p = start[i]!; p < start[i + 1]!; p++) if (allowed[codes[p]! >>> 2] === 1) return true;
      return false;
    });
  }
  return { begin, end, mask };
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
  const { begin, end, mask } = selectItems(cube, filter);
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
  for (let i = begin; i < end; i++) {
    if (mask && mask[i - begin] === 0) continue;
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
