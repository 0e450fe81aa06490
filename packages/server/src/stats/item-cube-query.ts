import type { ItemFilter } from '../db/repositories/item-filter';
import type { ItemDimension } from '../db/repositories/item-stats.repository';
import type { DecisionTally } from './decision-tally';
import type { CubeColumn, Dictionary, ItemCube, Value } from './item-cube';
import { dateNumber } from './item-cube';

// Item aggregates answered from an ItemCube, with the same meaning as the SQL in item-stats.repository.ts
// (which the property tests hold it to): filters are ANDed, a list matches any of its values, a multi-valued
// dimension counts an item once per value, and an item without a value groups under null.

const SINGLE: Partial<Record<ItemDimension, CubeColumn>> = {
  CATEGORY: 'category',
  DECISION_YEAR: 'decisionYear',
  DECISION_MONTH: 'decisionMonth',
  DRUG_CLASS: 'drugClass',
  DRUG: 'drug',
  TREATMENT: 'treatment',
  PRIORITY: 'priority',
  PATIENT_SEX: 'patientSex',
  PATIENT_AGE_BAND: 'patientAgeBand',
  DECISION: 'decision',
};

const some = <T>(xs: readonly T[] | null | undefined): xs is readonly T[] =>
  Array.isArray(xs) && xs.length > 0;

/** Whether the cube can answer this filter (full text and case ids need the store). */
export function cubeCanAnswer(cube: ItemCube, filter: ItemFilter | null | undefined): boolean {
  const f = filter ?? {};
  if (f.text != null || some(f.caseIds)) return false;
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

/** 1 for each item the filter selects. */
function filterMask(cube: ItemCube, filter: ItemFilter | null | undefined): Uint8Array {
  const f = filter ?? {};
  const n = cube.size;
  const mask = new Uint8Array(n).fill(1);
  const byColumn = (column: CubeColumn, values: readonly Value[] | null | undefined) => {
    if (!some(values)) return;
    const allowed = allowedCodes(cube.dictionaries[column], values);
    const codes = cube.columns[column];
    for (let i = 0; i < n; i++) if (allowed[codes[i]!] === 0) mask[i] = 0;
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
    const lo = from ? dateNumber(from) : Number.NEGATIVE_INFINITY;
    const hi = to ? dateNumber(to) : Number.POSITIVE_INFINITY;
    if (!from && !to) return;
    for (let i = 0; i < n; i++) {
      const d = dates[i]!;
      if (d === -1 || d < lo || d > hi) mask[i] = 0;
    }
  };
  byDate(cube.decisionDate, f.decisionDateFrom, f.decisionDateTo);
  byDate(cube.injuryDate, f.injuryDateFrom, f.injuryDateTo);
  if (some(f.bodyRegions)) {
    const allowed = allowedCodes(cube.regionNames, f.bodyRegions);
    const { start, codes } = cube.bodyRegions;
    for (let i = 0; i < n; i++) {
      if (mask[i] === 0) continue;
      let hit = 0;
      for (let p = start[i]!; p < start[i + 1]!; p++) hit |= allowed[codes[p]!]!;
      if (hit === 0) mask[i] = 0;
    }
  }
  const byReviewer = (allowedReviewer: Uint8Array) => {
    for (let i = 0; i < n; i++) if (allowedReviewer[cube.reviewer[i]!] === 0) mask[i] = 0;
  };
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
    for (let i = 0; i < n; i++) {
      if (mask[i] === 0) continue;
      let hit = 0;
      for (let p = start[i]!; p < start[i + 1]!; p++) hit |= allowed[codes[p]! >>> 2]!;
      if (hit === 0) mask[i] = 0;
    }
  }
  return mask;
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

interface DimensionReader {
  radix: number;
  /** The codes item i takes (distinct), or a single 0 for none. */
  codesOf?: (i: number) => ArrayLike<number>;
  column?: Uint32Array;
  decode: (code: number) => Value;
  citation?: (citationCode: number) => number;
}

function readerFor(cube: ItemCube, d: ItemDimension): DimensionReader {
  const column = SINGLE[d];
  if (column) {
    const dictionary = cube.dictionaries[column];
    return {
      radix: dictionary.size,
      column: cube.columns[column],
      decode: (c) => dictionary.values[c] ?? null,
    };
  }
  const NONE = [0];
  switch (d) {
    case 'BODY_REGION': {
      const { start, codes } = cube.bodyRegions;
      return {
        radix: cube.regionNames.size,
        codesOf: (i) => (start[i] === start[i + 1] ? NONE : codes.subarray(start[i]!, start[i + 1]!)),
        decode: (c) => cube.regionNames.values[c] ?? null,
      };
    }
    case 'REVIEWER_SPECIALTY':
    case 'REVIEWER_STATE': {
      const lists = d === 'REVIEWER_SPECIALTY' ? cube.reviewerSpecialties : cube.reviewerStates;
      const names = d === 'REVIEWER_SPECIALTY' ? cube.specialtyNames : cube.stateNames;
      return {
        radix: names.size,
        codesOf: (i) => {
          const codes = lists[cube.reviewer[i]!];
          return codes && codes.length > 0 ? codes : NONE;
        },
        decode: (c) => names.values[c] ?? null,
      };
    }
    case 'GUIDELINE_SOURCE':
      return {
        radix: cube.sources.size,
        citation: (c) => cube.guidelineSource[c >>> 2]!,
        decode: (c) => cube.sources.values[c] ?? null,
      };
    case 'GUIDELINE_TOPIC':
      return {
        radix: cube.topics.size,
        citation: (c) => cube.guidelineTopic[c >>> 2]!,
        decode: (c) => cube.topics.values[c] ?? null,
      };
    case 'GUIDELINE':
      return {
        radix: cube.names.size,
        citation: (c) => cube.guidelineName[c >>> 2]!,
        decode: (c) => cube.names.values[c] ?? null,
      };
    case 'CITED_BY':
      return {
        radix: cube.citedByNames.size,
        citation: (c) => c & 3,
        decode: (c) => cube.citedByNames.values[c] ?? null,
      };
    default:
      throw new RangeError(`the cube cannot group by ${d}`);
  }
}

/** Dense counters when the key space is small, else a map: either way 5 decision slots per key. */
class Counters {
  private readonly dense: Uint32Array | null;
  private readonly sparse = new Map<number, Uint32Array>();

  constructor(readonly keySpace: number) {
    this.dense = keySpace * 5 <= 16_000_000 ? new Uint32Array(keySpace * 5) : null;
  }

  add(key: number, slot: number): void {
    if (this.dense) {
      this.dense[key * 5 + slot]!++;
      return;
    }
    let slots = this.sparse.get(key);
    if (!slots) {
      slots = new Uint32Array(5);
      this.sparse.set(key, slots);
    }
    slots[slot]!++;
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

/** Totals and per-group tallies for a filter the cube can answer (see cubeCanAnswer). */
export function cubeTallies(
  cube: ItemCube,
  filter: ItemFilter | null | undefined,
  groupBy: readonly ItemDimension[],
  minCount = 1,
): CubeAnswer {
  const mask = filterMask(cube, filter);
  const n = cube.size;
  const decision = cube.columns.decision;
  const slotOf = cube.slotOfDecision;
  const totals = new Uint32Array(5);
  for (let i = 0; i < n; i++) if (mask[i] === 1) totals[slotOf[decision[i]!]!]!++;
  const total = tallyOfSlots(totals, 0);
  if (groupBy.length === 0) return { total, groups: [] };

  const readers = groupBy.map((d) => readerFor(cube, d));
  // Mixed-radix keys: key = Σ code_k × multiplier_k.
  const multipliers: number[] = [];
  let keySpace = 1;
  for (let k = readers.length - 1; k >= 0; k--) {
    multipliers[k] = keySpace;
    keySpace *= readers[k]!.radix;
  }
  const counters = new Counters(keySpace);
  const citationDims = readers.map((r, k) => (r.citation ? k : -1)).filter((k) => k >= 0);
  const otherDims = readers.map((_, k) => k).filter((k) => !readers[k]!.citation);
  const allSingle = readers.every((r) => r.column);

  if (allSingle) {
    const columns = readers.map((r) => r.column!);
    for (let i = 0; i < n; i++) {
      if (mask[i] === 0) continue;
      let key = 0;
      for (let k = 0; k < columns.length; k++) key += columns[k]![i]! * multipliers[k]!;
      counters.add(key, slotOf[decision[i]!]!);
    }
  } else {
    const { start, codes } = cube.citations;
    const partial: number[] = [];
    const citationKeys: number[] = [];
    for (let i = 0; i < n; i++) {
      if (mask[i] === 0) continue;
      const slot = slotOf[decision[i]!]!;
      // Keys from the non-citation dimensions: the cross product of each one's distinct values.
      partial.length = 1;
      partial[0] = 0;
      for (const k of otherDims) {
        const r = readers[k]!;
        const m = multipliers[k]!;
        if (r.column) {
          const add = r.column[i]! * m;
          for (let p = 0; p < partial.length; p++) partial[p]! += add;
        } else {
          const values = r.codesOf!(i);
          const base = partial.splice(0, partial.length);
          for (const b of base) for (let v = 0; v < values.length; v++) partial.push(b + values[v]! * m);
        }
      }
      // Citation dimensions vary together (one citation gives one combination); repeated combinations count once.
      citationKeys.length = 0;
      if (citationDims.length === 0) citationKeys.push(0);
      else if (start[i] === start[i + 1]) citationKeys.push(0);
      else {
        for (let p = start[i]!; p < start[i + 1]!; p++) {
          let key = 0;
          for (const k of citationDims) key += readers[k]!.citation!(codes[p]!) * multipliers[k]!;
          if (!citationKeys.includes(key)) citationKeys.push(key);
        }
      }
      for (const a of partial) for (const b of citationKeys) counters.add(a + b, slot);
    }
  }

  const groups: CubeAnswer['groups'] = [];
  for (const [key, tally] of counters.entries()) {
    if (tally.count < minCount) continue;
    const keyValues = readers.map((r, k) => r.decode(Math.floor(key / multipliers[k]!) % r.radix));
    groups.push({ keyValues, tally });
  }
  return { total, groups };
}
