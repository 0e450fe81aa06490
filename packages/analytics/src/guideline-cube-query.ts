import type { CitationGrouping } from '@imr/store/dimensions';
import type { CitationSelection } from '@imr/store/repositories/guideline-stats.repository';
import type { ItemFilter } from '@imr/store/repositories/item-filter';
import type { DecisionTally } from './decision-tally';
import type { Dictionary, ItemCube, PerItem, Value } from './item-cube';
import { cubeCanAnswer, selectItems } from './item-cube-query';

// Guideline analytics (guidelineStats, citedPages) from an ItemCube, with the meaning of the SQL in
// guideline-stats.repository.ts (which the property tests hold it to): per key, the distinct selected items
// citing it, tallied by decision, and the citation rows. The SQL joins items to citations (and to ten million
// page rows at two million letters) and counts distinct items: tens of seconds over every item.

/** The same selection the SQL takes (guideline names narrow citedPages only). */
export type GuidelineCubeArgs = CitationSelection;

export interface GuidelineCubeGroup {
  /** [category,] source, guideline name [, topic | page], as the SQL's key columns. */
  keyValues: Value[];
  tally: DecisionTally;
  citations: number;
}

/** Whether the cube can answer at this level: the filter is one it answers, and it has pages when asked for. */
export function guidelineCubeCanAnswer(
  cube: ItemCube,
  filter: ItemFilter | null | undefined,
  level: CitationGrouping,
): boolean {
  return cubeCanAnswer(cube, filter) && (level !== 'PAGE' || cube.citedPages !== null);
}

const some = <T>(xs: readonly T[] | null | undefined): xs is readonly T[] =>
  Array.isArray(xs) && xs.length > 0;

/** Per guideline code, 1 when the guideline passes the sources and names conditions. */
function allowedGuidelines(cube: ItemCube, args: GuidelineCubeArgs): Uint8Array {
  const size = cube.guidelineIds.size;
  const allowed = new Uint8Array(size).fill(1);
  allowed[0] = 0;
  const restrictBy = (codes: Uint32Array, names: Dictionary, values: readonly string[]) => {
    const ok = new Uint8Array(names.size);
    for (const v of values) {
      // '' is how the store says "no name": the cube keys it as null (code 0).
      const code = v === '' ? 0 : names.find(v);
      if (code >= 0) ok[code] = 1;
    }
    for (let g = 1; g < size; g++) if (ok[codes[g]!] === 0) allowed[g] = 0;
  };
  if (some(args.sources)) restrictBy(cube.guidelineSource, cube.sources, args.sources);
  if (some(args.guidelines)) restrictBy(cube.guidelineName, cube.names, args.guidelines);
  return allowed;
}

/**
 * Per-key tallies of distinct items (by decision slot) and citation rows, dense when the key space is small.
 * A question touches few of the dense keys (a page of one guideline, say): the touched ones are listed, so
 * reading the tallies does not walk the whole key space, and the arrays are kept for the next question
 * (`borrow`/`release`), zeroed at the touched keys only, rather than allocated and zeroed whole each time.
 */
class KeyCounters {
  private static spare: KeyCounters | null = null;

  private readonly slots: Uint32Array | null;
  private readonly rows: Float64Array | null;
  /** Per key, the last item counted + 1 (0: none yet). */
  private readonly lastItem: Int32Array | null;
  private touched = new Uint32Array(64);
  private touchedCount = 0;
  private readonly sparse = new Map<number, { slots: Uint32Array; rows: number; lastItem: number }>();

  private constructor(readonly capacity: number) {
    const dense = capacity <= 1 << 18;
    this.slots = dense ? new Uint32Array(capacity * 5) : null;
    this.rows = dense ? new Float64Array(capacity) : null;
    this.lastItem = dense ? new Int32Array(capacity) : null;
  }

  /** Counters for keys below keySpace, all zero: the spare ones when large enough. */
  static borrow(keySpace: number): KeyCounters {
    const spare = KeyCounters.spare;
    if (spare && keySpace <= spare.capacity) {
      KeyCounters.spare = null;
      return spare;
    }
    return new KeyCounters(keySpace);
  }

  /** Zeroes what was counted and keeps the arrays for the next borrow (entries read before). */
  release(): void {
    if (!this.slots || !this.rows || !this.lastItem) return;
    for (let k = 0; k < this.touchedCount; k++) {
      const key = this.touched[k]!;
      this.slots.fill(0, key * 5, key * 5 + 5);
      this.rows[key] = 0;
      this.lastItem[key] = 0;
    }
    this.touchedCount = 0;
    if (!KeyCounters.spare || KeyCounters.spare.capacity < this.capacity) KeyCounters.spare = this;
  }

  /** One citation row of item position `item` (decision slot `slot`) under `key`. */
  add(key: number, item: number, slot: number): void {
    if (this.slots && this.rows && this.lastItem) {
      if (this.rows[key] === 0) {
        if (this.touchedCount === this.touched.length) {
          const grown = new Uint32Array(this.touched.length * 2);
          grown.set(this.touched);
          this.touched = grown;
        }
        this.touched[this.touchedCount++] = key;
      }
      this.rows[key]!++;
      if (this.lastItem[key] !== item + 1) {
        this.lastItem[key] = item + 1;
        this.slots[key * 5 + slot]!++;
      }
      return;
    }
    let entry = this.sparse.get(key);
    if (!entry) {
      entry = { slots: new Uint32Array(5), rows: 0, lastItem: -1 };
      this.sparse.set(key, entry);
    }
    entry.rows++;
    if (entry.lastItem !== item) {
      entry.lastItem = item;
      entry.slots[slot]!++;
    }
  }

  /** Each touched key with its slots (a copy) and rows. */
  entries(): [number, Uint32Array, number][] {
    if (this.slots && this.rows) {
      const out: [number, Uint32Array, number][] = [];
      for (let k = 0; k < this.touchedCount; k++) {
        const key = this.touched[k]!;
        out.push([key, this.slots.slice(key * 5, key * 5 + 5), this.rows[key]!]);
      }
      return out;
    }
    return [...this.sparse].map(([key, entry]) => [key, entry.slots, entry.rows]);
  }
}

const pagePartsOf = new WeakMap<Uint32Array, { cited: Uint32Array; page: Uint32Array }>();

/**
 * The cited pages' codes split into the citation (guideline code × 4 + cited-by code) and the page, once per
 * cube: dividing every code by pageRadix in each question's loop cost more than the rest of the loop.
 */
function pageParts(pages: PerItem, pageRadix: number): { cited: Uint32Array; page: Uint32Array } {
  let parts = pagePartsOf.get(pages.codes);
  if (!parts) {
    const { codes } = pages;
    const cited = new Uint32Array(codes.length);
    const page = new Uint32Array(codes.length);
    for (let p = 0; p < codes.length; p++) {
      cited[p] = Math.floor(codes[p]! / pageRadix);
      page[p] = codes[p]! - cited[p]! * pageRadix;
    }
    parts = { cited, page };
    pagePartsOf.set(pages.codes, parts);
  }
  return parts;
}

const guidelineKeysByLevel = new WeakMap<Uint32Array, Map<CitationGrouping, Uint32Array>>();

/**
 * Per guideline code, its key at this level: the guideline itself for TOPIC (a guidelines row is a distinct
 * source + name + topic), else its source (and name). The same for every question to a cube: built once.
 */
function guidelineKeysOf(cube: ItemCube, level: CitationGrouping): Uint32Array {
  let byLevel = guidelineKeysByLevel.get(cube.guidelineSource);
  if (!byLevel) {
    byLevel = new Map();
    guidelineKeysByLevel.set(cube.guidelineSource, byLevel);
  }
  let keys = byLevel.get(level);
  if (!keys) {
    const nameRadix = cube.names.size;
    keys = Uint32Array.from(cube.guidelineSource, (source, g) =>
      level === 'TOPIC' ? g : level === 'SOURCE' ? source : source * nameRadix + cube.guidelineName[g]!,
    );
    byLevel.set(level, keys);
  }
  return keys;
}

function tallyOf(slots: ArrayLike<number>): DecisionTally {
  const [upheld = 0, overturned = 0, partiallyOverturned = 0, unknown = 0, other = 0] = Array.from(slots);
  return {
    count: upheld + overturned + partiallyOverturned + unknown + other,
    upheld,
    overturned,
    partiallyOverturned,
    unknown,
  };
}

/**
 * Groups of guidelineStats (SOURCE, GUIDELINE, TOPIC) or citedPages (PAGE) for the selected items, unordered,
 * with at least minCount distinct items each. The cube must be able to answer (guidelineCubeCanAnswer).
 */
export function guidelineCubeGroups(
  cube: ItemCube,
  args: GuidelineCubeArgs,
  level: CitationGrouping,
): GuidelineCubeGroup[] {
  const lists: PerItem | null = level === 'PAGE' ? cube.citedPages : cube.citations;
  if (!lists)
    throw new Error('guidelineCubeGroups: this cube holds no cited pages (see guidelineCubeCanAnswer)');
  const pageRadix = level === 'PAGE' ? cube.pageRadix : 1;
  const allowed = allowedGuidelines(cube, args);
  const nameRadix = cube.names.size;
  const guidelineKey = guidelineKeysOf(cube, level);
  const guidelineKeys =
    level === 'TOPIC' ? cube.guidelineIds.size : cube.sources.size * (level === 'SOURCE' ? 1 : nameRadix);
  const categoryRadix = args.perCategory ? cube.dictionaries.category.size : 1;
  let party = -1;
  if (args.citedBy) {
    party = cube.citedByNames.find(args.citedBy);
    if (party < 0) return []; // no citation by that party at all
  }
  const { begin, end, positions } = selectItems(cube, args.filter);
  const { start } = lists;
  const { cited: citedCodes, page: pages } =
    level === 'PAGE' ? pageParts(lists, pageRadix) : { cited: lists.codes, page: null };
  const slot = cube.slot;
  const category = cube.columns.category;
  const counters = KeyCounters.borrow(categoryRadix * guidelineKeys * pageRadix);
  const n = positions ? positions.length : end - begin;
  for (let k = 0; k < n; k++) {
    const i = positions ? positions[k]! : begin + k;
    const base = args.perCategory ? category[i]! * guidelineKeys : 0;
    for (let p = start[i]!; p < start[i + 1]!; p++) {
      const cited = citedCodes[p]!;
      if (party >= 0 && (cited & 3) !== party) continue;
      const g = cited >>> 2;
      if (allowed[g] === 0) continue;
      counters.add((base + guidelineKey[g]!) * pageRadix + (pages ? pages[p]! : 0), i, slot[i]!);
    }
  }
  const entries = counters.entries();
  counters.release();
  const minCount = args.minCount ?? 1;
  const groups: GuidelineCubeGroup[] = [];
  for (const [key, slots, rows] of entries) {
    const tally = tallyOf(slots);
    if (tally.count < minCount) continue;
    const page = key % pageRadix;
    const rest = (key - page) / pageRadix;
    const keyOfGuideline = rest % guidelineKeys;
    const keyValues: Value[] = [];
    if (args.perCategory)
      keyValues.push(cube.dictionaries.category.values[(rest - keyOfGuideline) / guidelineKeys]!);
    if (level === 'TOPIC') {
      keyValues.push(
        cube.sources.values[cube.guidelineSource[keyOfGuideline]!]!,
        cube.names.values[cube.guidelineName[keyOfGuideline]!]!,
        cube.topics.values[cube.guidelineTopic[keyOfGuideline]!]!,
      );
    } else if (level === 'SOURCE') {
      keyValues.push(cube.sources.values[keyOfGuideline]!);
    } else {
      const name = keyOfGuideline % nameRadix;
      keyValues.push(cube.sources.values[(keyOfGuideline - name) / nameRadix]!, cube.names.values[name]!);
      if (level === 'PAGE') keyValues.push(page);
    }
    groups.push({ keyValues, tally, citations: rows });
  }
  return groups;
}
