import type { CaseDimension } from '@imr/store/dimensions';
import type { CaseGroupTally } from '@imr/store/repositories/case-stats.repository';
import type { ItemFilter } from '@imr/store/repositories/item-filter';
import { type CaseCube, NO_DAYS } from './case-cube';
import { CASE_DIMENSION_COLUMNS } from './cube-dimension-columns';
import type { Dictionary, ItemCube, Value } from './item-cube';
import { cubeCanAnswer, selectItems, selectionSize } from './item-cube-query';
import type { HistogramBin } from './quantile';

// Case aggregates from an ItemCube's cases, with the meaning of the SQL in case-stats.repository.ts (which the
// property tests hold it to): a filter selects the cases with at least one matching item, a reviewer with
// several specialties or states counts the case once per value, and a missing value groups under null.

const SINGLE = CASE_DIMENSION_COLUMNS;

/** Whether the cube can answer caseStats for this filter: it holds its cases, and its items answer the filter. */
export function caseCubeCanAnswer(cube: ItemCube, filter: ItemFilter | null | undefined): boolean {
  return cube.cases !== null && cubeCanAnswer(cube, filter);
}

/**
 * The cases having an item the filter selects, each once, in no particular order; null when `everyCase`. A
 * dashboard filter selects a small share of the cases, and only those are visited after.
 */
function selectedCases(
  cube: ItemCube,
  cases: CaseCube,
  filter: ItemFilter | null | undefined,
  everyCase: boolean,
): Uint32Array | null {
  if (everyCase) return null;
  const selection = selectItems(cube, filter);
  const { begin, positions } = selection;
  const n = selectionSize(selection);
  const seen = new Uint8Array(cases.size);
  const list = new Uint32Array(Math.min(n, cases.size));
  let count = 0;
  const caseOf = cube.caseOf;
  // Without a branch: an item is as often the first of its case as not, which a branch would guess wrong at
  // every other item. A case already seen is written and then overwritten.
  for (let k = 0; k < n; k++) {
    const c = caseOf[positions ? positions[k]! : begin + k]!;
    const fresh = seen[c]! ^ 1;
    seen[c] = 1;
    list[count] = c;
    count += fresh;
  }
  return list.subarray(0, count);
}

/** One grouping dimension: its codes for a case (one, or a reviewer's list) and the values of its codes. */
interface CaseAxis {
  radix: number;
  names: Dictionary;
  single: Uint32Array | null;
  /** Codes per reviewer code (multi-valued dimensions). */
  lists: number[][] | null;
}

function axisOf(cube: ItemCube, cases: CaseCube, dimension: CaseDimension): CaseAxis {
  const column = SINGLE[dimension];
  if (column) {
    const names = cases.dictionaries[column];
    return { radix: names.size, names, single: cases.columns[column], lists: null };
  }
  const [lists, names] =
    dimension === 'REVIEWER_SPECIALTY'
      ? [cube.reviewerSpecialties, cube.specialtyNames]
      : [cube.reviewerStates, cube.stateNames];
  // A reviewer without values (or a case without a reviewer) groups under null, as the SQL's left join does.
  return {
    radix: names.size,
    names,
    single: null,
    lists: lists.map((codes) => (codes.length ? codes : [0])),
  };
}

/** Case counts, item sums and day histograms per key, dense when the key space is small. */
class CaseCounters {
  readonly span: number;
  readonly cases: Float64Array | null;
  readonly items: Float64Array | null;
  /** Per key, a histogram of days over span slots from daysMin (dense only, and only when small enough). */
  readonly days: Uint32Array | null;
  private readonly sparse = new Map<number, { cases: number; items: number; days: Map<number, number> }>();

  constructor(
    readonly keySpace: number,
    readonly daysMin: number,
    daysMax: number,
  ) {
    this.span = daysMax - daysMin + 1;
    const dense = keySpace <= 1_000_000;
    this.cases = dense ? new Float64Array(keySpace) : null;
    this.items = dense ? new Float64Array(keySpace) : null;
    this.days = dense && keySpace * this.span <= 8_000_000 ? new Uint32Array(keySpace * this.span) : null;
  }

  add(key: number, items: number, days: number): void {
    if (this.cases && this.items) {
      this.cases[key]!++;
      this.items[key]! += items;
      if (days === NO_DAYS) return;
      if (this.days) {
        this.days[key * this.span + days - this.daysMin]!++;
        return;
      }
    }
    let entry = this.sparse.get(key);
    if (!entry) {
      entry = { cases: 0, items: 0, days: new Map() };
      this.sparse.set(key, entry);
    }
    if (!this.cases) {
      entry.cases++;
      entry.items += items;
    }
    if (days !== NO_DAYS) entry.days.set(days, (entry.days.get(days) ?? 0) + 1);
  }

  *entries(): Generator<[number, { cases: number; items: number; days: HistogramBin[] }]> {
    const histogram = (key: number): HistogramBin[] => {
      const bins: HistogramBin[] = [];
      if (this.days) {
        const at = key * this.span;
        for (let d = 0; d < this.span; d++) {
          const count = this.days[at + d]!;
          if (count > 0) bins.push({ value: d + this.daysMin, count });
        }
        return bins;
      }
      for (const [value, count] of this.sparse.get(key)?.days ?? []) bins.push({ value, count });
      return bins;
    };
    if (this.cases && this.items) {
      for (let key = 0; key < this.keySpace; key++) {
        if (this.cases[key]! > 0) {
          yield [key, { cases: this.cases[key]!, items: this.items[key]!, days: histogram(key) }];
        }
      }
      return;
    }
    for (const [key, entry] of this.sparse) {
      yield [key, { cases: entry.cases, items: entry.items, days: histogram(key) }];
    }
  }
}

/**
 * The common shape, one key per case (no reviewer's specialties or states) and dense counters, as one loop
 * over plain arrays: every case is in exactly one group, so the total is the groups' sum.
 */
function countSingleValued(
  cases: CaseCube,
  selected: Uint32Array | null,
  axes: readonly CaseAxis[],
  counters: CaseCounters,
  total: CaseCounters,
): void {
  const { days, itemCount } = cases;
  const casesByKey = counters.cases!;
  const itemsByKey = counters.items!;
  const daysByKey = counters.days!;
  const { span, daysMin, keySpace } = counters;
  // Up to three axes, as a mixed-radix key; a missing axis reads the first column with a multiplier of 0.
  const column = (k: number) => axes[k]?.single ?? axes[0]?.single ?? itemCount;
  const radix = (k: number) => axes[k]?.radix ?? 1;
  const [c0, c1, c2] = [column(0), column(1), column(2)];
  const m0 = axes.length > 0 ? radix(1) * radix(2) : 0;
  const m1 = axes.length > 1 ? radix(2) : 0;
  const m2 = axes.length > 2 ? 1 : 0;
  const caseCount = selected ? selected.length : cases.size;
  for (let k = 0; k < caseCount; k++) {
    const c = selected ? selected[k]! : k;
    const key = c0[c]! * m0 + c1[c]! * m1 + c2[c]! * m2;
    casesByKey[key]!++;
    itemsByKey[key]! += itemCount[c]!;
    const d = days[c]!;
    if (d !== NO_DAYS) daysByKey[key * span + d - daysMin]!++;
  }
  const totalDays = total.days!;
  for (let key = 0; key < keySpace; key++) {
    total.cases![0]! += casesByKey[key]!;
    total.items![0]! += itemsByKey[key]!;
    for (let d = 0; d < span; d++) totalDays[d]! += daysByKey[key * span + d]!;
  }
}

/**
 * The total (every selected case once) and the groups (unordered) for caseStats. `everyCase` says the filter
 * selects nothing, so every case counts, with items or not. The cube must be able to answer (caseCubeCanAnswer).
 */
export function caseCubeTallies(
  cube: ItemCube,
  filter: ItemFilter | null | undefined,
  everyCase: boolean,
  groupBy: readonly CaseDimension[],
): { total: CaseGroupTally; groups: CaseGroupTally[] } {
  const cases = cube.cases;
  if (!cases) throw new Error('caseCubeTallies: this cube holds no cases (see caseCubeCanAnswer)');
  const selected = selectedCases(cube, cases, filter, everyCase);
  const axes = groupBy.map((d) => axisOf(cube, cases, d));
  const keySpace = axes.reduce((space, axis) => space * axis.radix, 1);
  const total = new CaseCounters(1, cases.daysMin, cases.daysMax);
  const counters = new CaseCounters(keySpace, cases.daysMin, cases.daysMax);
  const { reviewer, days, itemCount } = cases;
  const singleOnly = axes.every((axis) => axis.single !== null);
  const caseCount = selected ? selected.length : cases.size;
  if (singleOnly && counters.days && axes.length <= 3)
    countSingleValued(cases, selected, axes, counters, total);
  else {
    // Keys of one case, for multi-valued dimensions (a reviewer's specialties × states at most).
    let keys: number[] = [];
    let next: number[] = [];
    for (let k = 0; k < caseCount; k++) {
      const c = selected ? selected[k]! : k;
      const n = itemCount[c]!;
      const d = days[c]!;
      total.add(0, n, d);
      if (axes.length === 0) continue;
      if (singleOnly) {
        let key = 0;
        for (const axis of axes) key = key * axis.radix + axis.single![c]!;
        counters.add(key, n, d);
        continue;
      }
      keys.length = 0;
      keys.push(0);
      for (const axis of axes) {
        next.length = 0;
        const codes = axis.single ? null : axis.lists![reviewer[c]!]!;
        for (const key of keys) {
          if (codes) for (const code of codes) next.push(key * axis.radix + code);
          else next.push(key * axis.radix + axis.single![c]!);
        }
        [keys, next] = [next, keys];
      }
      for (const key of keys) counters.add(key, n, d);
    }
  }
  const valuesOf = (key: number): Value[] => {
    const values: Value[] = new Array(axes.length);
    for (let k = axes.length - 1; k >= 0; k--) {
      const axis = axes[k]!;
      values[k] = axis.names.values[key % axis.radix] ?? null;
      key = Math.floor(key / axis.radix);
    }
    return values;
  };
  const groups: CaseGroupTally[] = [];
  if (axes.length > 0) {
    for (const [key, tally] of counters.entries()) groups.push({ keyValues: valuesOf(key), ...tally });
  }
  const [, all] = [...total.entries()][0] ?? [0, { cases: 0, items: 0, days: [] }];
  return { total: { keyValues: [], ...all }, groups };
}
