import type { ItemDimension } from '@imr/store/dimensions';
import type { ItemFilter } from '@imr/store/repositories/item-filter';
import { Counters, tallyOfSlots } from './cube-counters';
import { ITEM_DIMENSION_COLUMNS } from './cube-dimension-columns';
import { type CitationPlan, type GroupPlan, planFor } from './cube-group-plan';
import type { DecisionTally } from './decision-tally';
import { type CubeColumn, type ItemCube, ROLLUP_COLUMNS, type Value } from './item-cube';
import { type Selection, selectItems } from './item-cube-query';

// itemStats from the cube: one pass over the selected items counts every group's decisions under a scan key
// (the group's codes in mixed radix), then the keys are decoded into key values. Passes over memory are what
// cost here, so totals are counted in the same pass as the groups, and the common shape has its own loop.

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
  (Object.entries(ITEM_DIMENSION_COLUMNS) as [ItemDimension, CubeColumn][])
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

/** Decision totals of the selected items, no groups. */
function selectionTotals(cube: ItemCube, { begin, end, positions }: Selection): DecisionTally {
  const { slot, weight } = cube;
  const totals = new Uint32Array(5);
  if (positions) {
    if (weight) for (const i of positions) totals[slot[i]!]! += weight[i]!;
    else for (const i of positions) totals[slot[i]!]!++;
  } else if (weight) for (let i = begin; i < end; i++) totals[slot[i]!]! += weight[i]!;
  else for (let i = begin; i < end; i++) totals[slot[i]!]!++;
  return tallyOfSlots(totals, 0);
}

/**
 * Where each dimension's code sits in a scan key: [scan columns..., region, citation dims...], mixed radix. A
 * reviewer dimension reads the reviewer column, once however many reviewer dimensions are asked for.
 */
interface ScanLayout {
  plan: GroupPlan[];
  scanColumns: Uint32Array[];
  /** Per dimension, its scan column (-1 for region and citation dimensions). */
  slotOfDim: number[];
  regionDim: number;
  citationDims: number[];
  layoutRadices: number[];
  multipliers: number[];
  keySpace: number;
  regionMultiplier: number;
  citationMultipliers: number[];
  citationReaders: ((citationCode: number) => number)[];
}

function scanLayout(cube: ItemCube, groupBy: readonly ItemDimension[]): ScanLayout {
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
  return {
    plan,
    scanColumns,
    slotOfDim,
    regionDim,
    citationDims,
    layoutRadices,
    multipliers,
    keySpace,
    regionMultiplier: regionDim >= 0 ? multipliers[scanColumns.length]! : 0,
    citationMultipliers: citationDims.map(
      (_, j) => multipliers[scanColumns.length + (regionDim >= 0 ? 1 : 0) + j]!,
    ),
    citationReaders: citationDims.map((k) => (plan[k] as CitationPlan).read),
  };
}

/** The common case, unrolled: only columns (1-3), and counters small enough to be one typed array. */
function countColumnsDense(
  cube: ItemCube,
  { begin, end, positions }: Selection,
  layout: ScanLayout,
  dense: Uint32Array,
  totals: Uint32Array,
): void {
  const { slot, weight } = cube;
  const { scanColumns, multipliers } = layout;
  const columnCount = scanColumns.length;
  // Missing columns read the first one with a multiplier of 0: one loop shape for 1-3 columns.
  const c0 = scanColumns[0]!;
  const [, c1 = c0, c2 = c0] = scanColumns;
  const m0 = multipliers[0]! * 5;
  const m1 = columnCount > 1 ? multipliers[1]! * 5 : 0;
  const m2 = columnCount > 2 ? multipliers[2]! * 5 : 0;
  if (positions) {
    if (weight) {
      for (const i of positions) dense[c0[i]! * m0 + c1[i]! * m1 + c2[i]! * m2 + slot[i]!]! += weight[i]!;
    } else for (const i of positions) dense[c0[i]! * m0 + c1[i]! * m1 + c2[i]! * m2 + slot[i]!]!++;
  } else if (weight) {
    for (let i = begin; i < end; i++)
      dense[c0[i]! * m0 + c1[i]! * m1 + c2[i]! * m2 + slot[i]!]! += weight[i]!;
  } else {
    for (let i = begin; i < end; i++) dense[c0[i]! * m0 + c1[i]! * m1 + c2[i]! * m2 + slot[i]!]!++;
  }
  // Every item is in exactly one group here, so the totals are the groups' sums.
  for (let k = 0; k < dense.length; k++) totals[k % 5]! += dense[k]!;
}

/** Any shape: columns, body regions and citation dimensions, an item counted once per combination it has. */
function countItems(
  cube: ItemCube,
  { begin, end, positions }: Selection,
  layout: ScanLayout,
  counters: Counters,
  totals: Uint32Array,
): void {
  const { slot, weight } = cube;
  const { scanColumns, multipliers, regionDim, citationDims, regionMultiplier } = layout;
  const { citationMultipliers, citationReaders } = layout;
  const columnCount = scanColumns.length;
  const { start: regionStart, codes: regionCodes } = cube.bodyRegions;
  const { start: citationStart, codes: citationCodes } = cube.citations;
  const citationKeys: number[] = [];
  const n = positions ? positions.length : end - begin;
  for (let k = 0; k < n; k++) {
    const i = positions ? positions[k]! : begin + k;
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
    if (citationStart[i] === citationStart[i + 1]) citationKeys.push(0);
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
}

/** Scan keys → key values, a reviewer expanded into its specialties or states; groups under minCount left out. */
function decodeGroups(
  cube: ItemCube,
  layout: ScanLayout,
  counters: Counters,
  minCount: number,
): CubeAnswer['groups'] {
  const { plan, slotOfDim, multipliers, layoutRadices, scanColumns, regionDim, citationDims } = layout;
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
  return groups;
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
  const selection = selectItems(cube, filter);
  if (groupBy.length === 0) return { total: selectionTotals(cube, selection), groups: [] };
  const layout = scanLayout(cube, groupBy);
  const counters = new Counters(layout.keySpace);
  const totals = new Uint32Array(5);
  const onlyColumns = layout.regionDim < 0 && layout.citationDims.length === 0;
  if (onlyColumns && counters.dense && layout.scanColumns.length <= 3) {
    countColumnsDense(cube, selection, layout, counters.dense, totals);
  } else countItems(cube, selection, layout, counters, totals);
  return { total: tallyOfSlots(totals, 0), groups: decodeGroups(cube, layout, counters, minCount) };
}
