import type { ItemDimension } from '@imr/store/dimensions';
import type { ItemFilter } from '@imr/store/repositories/item-filter';
import { ITEM_DIMENSION_COLUMNS } from './cube-dimension-columns';
import { dateNumber } from './date-number';
import type { DecisionTally } from './decision-tally';
import type { CubeColumn, Dictionary, ItemCube, Value } from './item-cube';
import { ROLLUP_COLUMNS } from './item-cube';

// Item aggregates answered from an ItemCube, with the same meaning as the SQL in the store's item-stats.repository.ts
// (which the property tests hold it to): filters are ANDed, a list matches any of its values, a multi-valued
// dimension counts an item once per value, and an item without a value groups under null.

const SINGLE = ITEM_DIMENSION_COLUMNS;

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
    const allowed = allowedCodes(names, values);
    return Uint8Array.from(lists, (codes) => (codes.some((c) => allowed[c] === 1) ? 1 : 0));
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

function tallyOfSlots(slots: ArrayLike<number>, offset: number): DecisionTally {
  const upheld = slots[offset]!;
  const overturned = slots[offset + 1]!;
  const partiallyOverturned = slots[offset + 2]!;
  const unknown = slots[offset + 3]!;
  return {
    count: upheld + overturned + partiallyOverturned + unknown + slots[offset + 4]!,
    upheld,
    overturned,
    partiallyOverturned,
    unknown,
  };
}

/** Dense counters when the key space is small, else a map: either way 5 decision slots per key. */
class Counters {
  readonly dense: Uint32Array | null;
  private readonly sparse = new Map<number, Uint32Array>();

  constructor(readonly keySpace: number) {
    this.dense = keySpace * 5 <= 16_000_000 ? new Uint32Array(keySpace * 5) : null;
  }

  add(key: number, slot: number, count = 1): void {
    if (this.dense) {
      this.dense[key * 5 + slot]! += count;
      return;
    }
    let slots = this.sparse.get(key);
    if (!slots) {
      slots = new Uint32Array(5);
      this.sparse.set(key, slots);
    }
    slots[slot]! += count;
  }

  *entries(): Generator<[number, DecisionTally]> {
    if (this.dense) {
      const d = this.dense;
      for (let key = 0; key < this.keySpace; key++) {
        const o = key * 5;
        if (d[o]! + d[o + 1]! + d[o + 2]! + d[o + 3]! + d[o + 4]! > 0) yield [key, tallyOfSlots(d, o)];
      }
      return;
    }
    for (const [key, slots] of this.sparse) yield [key, tallyOfSlots(slots, 0)];
  }
}

export interface CubeAnswer {
  total: DecisionTally;
  groups: { keyValues: Value[]; tally: DecisionTally }[];
}

// What the rollup holds: these filters and dimensions, nothing else.
const ROLLUP_FILTERS = new Set<keyof ItemFilter>([
  'decisions',
  'categories',
  'drugClasses',
  'priorities',
  'decisionDateFrom',
  'decisionDateTo',
]);
const ROLLUP_DIMENSIONS = new Set(
  (Object.entries(SINGLE) as [ItemDimension, CubeColumn][])
    .filter(([, column]) => (ROLLUP_COLUMNS as readonly CubeColumn[]).includes(column))
    .map(([dimension]) => dimension),
);

/** Whether a question needs only what the rollup keeps (a filter field left empty asks nothing). */
export function rollupCovers(
  filter: ItemFilter | null | undefined,
  groupBy: readonly ItemDimension[],
): boolean {
  for (const [field, value] of Object.entries(filter ?? {})) {
    const asked = Array.isArray(value)
      ? value.length > 0
      : value !== null && value !== undefined && value !== '';
    if (asked && !ROLLUP_FILTERS.has(field as keyof ItemFilter)) return false;
  }
  return groupBy.every((d) => ROLLUP_DIMENSIONS.has(d));
}

/** Totals and per-group tallies for a filter the cube can answer (see cubeCanAnswer). */
export function cubeTallies(
  cube: ItemCube,
  filter: ItemFilter | null | undefined,
  groupBy: readonly ItemDimension[],
  minCount = 1,
): CubeAnswer {
  if (cube.rollup && rollupCovers(filter, groupBy))
    return cubeTallies(cube.rollup, filter, groupBy, minCount);
  const { begin, end, mask } = selectItems(cube, filter);
  const slot = cube.slot;
  const weight = cube.weight;
  // Totals are counted in the same pass as the groups: passes over memory are what cost here.
  const totals = new Uint32Array(5);
  if (groupBy.length === 0) {
    if (weight) {
      for (let i = begin; i < end; i++)
        totals[slot[i]!]! += mask ? mask[i - begin]! * weight[i]! : weight[i]!;
    } else if (mask) for (let i = begin; i < end; i++) totals[slot[i]!]! += mask[i - begin]!;
    else for (let i = begin; i < end; i++) totals[slot[i]!]!++;
    return { total: tallyOfSlots(totals, 0), groups: [] };
  }

  // Scan plan: single-valued dimensions read their column; reviewer specialty and state read the reviewer
  // column (expanded into the reviewer's specialties or states only at the end, once per distinct reviewer key
  // instead of once per item); body region and citation dimensions read each item's list.
  const plan = groupBy.map((d) => planFor(cube, d));
  const scanColumns: Uint32Array[] = [];
  const scanRadices: number[] = [];
  const slotOfDim: number[] = [];
  let reviewerSlot = -1;
  for (const p of plan) {
    if (p.kind === 'column') {
      slotOfDim.push(scanColumns.length);
      scanColumns.push(p.column);
      scanRadices.push(p.radix);
    } else if (p.kind === 'reviewer') {
      if (reviewerSlot < 0) {
        reviewerSlot = scanColumns.length;
        scanColumns.push(cube.reviewer);
        scanRadices.push(cube.reviewerIds.size);
      }
      slotOfDim.push(reviewerSlot);
    } else slotOfDim.push(-1);
  }
  const regionDim = plan.findIndex((p) => p.kind === 'region');
  const citationDims = plan.map((p, k) => (p.kind === 'citation' ? k : -1)).filter((k) => k >= 0);
  // Scan key layout: [scan columns..., region, citation dims...], mixed radix.
  const layoutRadices = [
    ...scanRadices,
    ...(regionDim >= 0 ? [cube.regionNames.size] : []),
    ...citationDims.map((k) => (plan[k] as CitationPlan).radix),
  ];
  const multipliers: number[] = [];
  let keySpace = 1;
  for (let k = layoutRadices.length - 1; k >= 0; k--) {
    multipliers[k] = keySpace;
    keySpace *= layoutRadices[k]!;
  }
  const regionMultiplier = regionDim >= 0 ? multipliers[scanColumns.length]! : 0;
  const citationMultipliers = citationDims.map(
    (_, j) => multipliers[scanColumns.length + (regionDim >= 0 ? 1 : 0) + j]!,
  );
  const citationReaders = citationDims.map((k) => (plan[k] as CitationPlan).read);
  const counters = new Counters(keySpace);
  const columnCount = scanColumns.length;
  const { start: regionStart, codes: regionCodes } = cube.bodyRegions;
  const { start: citationStart, codes: citationCodes } = cube.citations;
  const citationKeys: number[] = [];
  if (regionDim < 0 && citationDims.length === 0 && counters.dense && columnCount <= 3) {
    // The common case, unrolled: only columns, and counters small enough to be one typed array.
    const dense = counters.dense;
    // Missing columns read the first one with a multiplier of 0: one loop shape for 1-3 columns.
    const c0 = scanColumns[0]!;
    const [, c1 = c0, c2 = c0] = scanColumns;
    const m0 = multipliers[0]! * 5;
    const m1 = columnCount > 1 ? multipliers[1]! * 5 : 0;
    const m2 = columnCount > 2 ? multipliers[2]! * 5 : 0;
    if (weight) {
      for (let i = begin; i < end; i++) {
        if (mask && mask[i - begin] === 0) continue;
        dense[c0[i]! * m0 + c1[i]! * m1 + c2[i]! * m2 + slot[i]!]! += weight[i]!;
      }
    } else if (mask) {
      for (let i = begin; i < end; i++) {
        if (mask[i - begin] === 0) continue;
        dense[c0[i]! * m0 + c1[i]! * m1 + c2[i]! * m2 + slot[i]!]!++;
      }
    } else {
      for (let i = begin; i < end; i++) dense[c0[i]! * m0 + c1[i]! * m1 + c2[i]! * m2 + slot[i]!]!++;
    }
    // Every item is in exactly one group here, so the totals are the groups' sums.
    for (let k = 0; k < dense.length; k++) totals[k % 5]! += dense[k]!;
  } else
    for (let i = begin; i < end; i++) {
      if (mask && mask[i - begin] === 0) continue;
      const itemSlot = slot[i]!;
      let base = 0;
      for (let k = 0; k < columnCount; k++) base += scanColumns[k]![i]! * multipliers[k]!;
      if (weight) {
        // A rollup's cells hold columns only (rollupCovers).
        totals[itemSlot]! += weight[i]!;
        counters.add(base, itemSlot, weight[i]!);
        continue;
      }
      totals[itemSlot]!++;
      if (regionDim < 0 && citationDims.length === 0) {
        counters.add(base, itemSlot);
        continue;
      }
      if (citationDims.length === 0) {
        // Regions without citations: no combinations to collect, one count per region (or the null key).
        const r0 = regionStart[i]!;
        const r1 = regionStart[i + 1]!;
        if (r0 === r1) counters.add(base, itemSlot);
        for (let p = r0; p < r1; p++) counters.add(base + regionCodes[p]! * regionMultiplier, itemSlot);
        continue;
      }
      // Citation dimensions vary together (one citation gives one combination); repeated combinations count once.
      citationKeys.length = 0;
      if (citationDims.length === 0 || citationStart[i] === citationStart[i + 1]) citationKeys.push(0);
      else {
        for (let p = citationStart[i]!; p < citationStart[i + 1]!; p++) {
          let key = 0;
          for (let j = 0; j < citationReaders.length; j++)
            key += citationReaders[j]!(citationCodes[p]!) * citationMultipliers[j]!;
          if (!citationKeys.includes(key)) citationKeys.push(key);
        }
      }
      const r0 = regionStart[i]!;
      const r1 = regionStart[i + 1]!;
      if (regionDim < 0 || r0 === r1) {
        for (const c of citationKeys) counters.add(base + c, itemSlot);
      } else {
        for (let p = r0; p < r1; p++) {
          const withRegion = base + regionCodes[p]! * regionMultiplier;
          for (const c of citationKeys) counters.add(withRegion + c, itemSlot);
        }
      }
    }

  const total = tallyOfSlots(totals, 0);
  // Decode scan keys into key values, expanding a reviewer into its specialties or states.
  const merged = new Map<string, { keyValues: Value[]; slots: number[] }>();
  for (const [key, tally] of counters.entries()) {
    const code = (layoutIndex: number) =>
      Math.floor(key / multipliers[layoutIndex]!) % layoutRadices[layoutIndex]!;
    let combos: Value[][] = [[]];
    plan.forEach((p, k) => {
      let values: Value[];
      if (p.kind === 'column') values = [p.decode(code(slotOfDim[k]!))];
      else if (p.kind === 'reviewer') {
        const list = p.lists[code(slotOfDim[k]!)];
        values = list && list.length > 0 ? list.map((c) => p.decode(c)) : [null];
      } else if (p.kind === 'region') values = [cube.regionNames.values[code(scanColumns.length)] ?? null];
      else values = [p.decode(code(scanColumns.length + (regionDim >= 0 ? 1 : 0) + citationDims.indexOf(k)))];
      combos = combos.flatMap((c) => values.map((v) => [...c, v]));
    });
    for (const keyValues of combos) {
      const id = JSON.stringify(keyValues);
      const entry = merged.get(id) ?? { keyValues, slots: [0, 0, 0, 0, 0] };
      entry.slots[0]! += tally.upheld;
      entry.slots[1]! += tally.overturned;
      entry.slots[2]! += tally.partiallyOverturned;
      entry.slots[3]! += tally.unknown;
      entry.slots[4]! +=
        tally.count - tally.upheld - tally.overturned - tally.partiallyOverturned - tally.unknown;
      merged.set(id, entry);
    }
  }
  const groups: CubeAnswer['groups'] = [];
  for (const { keyValues, slots } of merged.values()) {
    const tally = tallyOfSlots(slots, 0);
    if (tally.count >= minCount) groups.push({ keyValues, tally });
  }
  return { total, groups };
}

interface ColumnPlan {
  kind: 'column';
  column: Uint32Array;
  radix: number;
  decode: (code: number) => Value;
}
interface ReviewerPlan {
  kind: 'reviewer';
  lists: number[][];
  decode: (code: number) => Value;
}
interface RegionPlan {
  kind: 'region';
}
interface CitationPlan {
  kind: 'citation';
  radix: number;
  read: (citationCode: number) => number;
  decode: (code: number) => Value;
}

function planFor(cube: ItemCube, d: ItemDimension): ColumnPlan | ReviewerPlan | RegionPlan | CitationPlan {
  const column = SINGLE[d];
  if (column) {
    const dictionary = cube.dictionaries[column];
    return {
      kind: 'column',
      column: cube.columns[column],
      radix: dictionary.size,
      decode: (c) => dictionary.values[c] ?? null,
    };
  }
  switch (d) {
    case 'BODY_REGION':
      return { kind: 'region' };
    case 'REVIEWER_SPECIALTY':
      return {
        kind: 'reviewer',
        lists: cube.reviewerSpecialties,
        decode: (c) => cube.specialtyNames.values[c] ?? null,
      };
    case 'REVIEWER_STATE':
      return {
        kind: 'reviewer',
        lists: cube.reviewerStates,
        decode: (c) => cube.stateNames.values[c] ?? null,
      };
    case 'GUIDELINE_SOURCE':
      return {
        kind: 'citation',
        radix: cube.sources.size,
        read: (c) => cube.guidelineSource[c >>> 2]!,
        decode: (c) => cube.sources.values[c] ?? null,
      };
    case 'GUIDELINE_TOPIC':
      return {
        kind: 'citation',
        radix: cube.topics.size,
        read: (c) => cube.guidelineTopic[c >>> 2]!,
        decode: (c) => cube.topics.values[c] ?? null,
      };
    case 'GUIDELINE':
      return {
        kind: 'citation',
        radix: cube.names.size,
        read: (c) => cube.guidelineName[c >>> 2]!,
        decode: (c) => cube.names.values[c] ?? null,
      };
    case 'CITED_BY':
      return {
        kind: 'citation',
        radix: cube.citedByNames.size,
        read: (c) => c & 3,
        decode: (c) => cube.citedByNames.values[c] ?? null,
      };
    default:
      throw new RangeError(`the cube cannot group by ${d}`);
  }
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
