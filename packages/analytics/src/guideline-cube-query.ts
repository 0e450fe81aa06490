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
 * reading the tallies does not walk the whole key space.
 */
class KeyCounters {
  private readonly slots: Uint32Array | null;
  private readonly rows: Float64Array | null;
  /** Per key, the last item counted + 1 (0: none yet). */
  private readonly lastItem: Int32Array | null;
  private touched = new Uint32Array(64);
  private touchedCount = 0;
  private readonly sparse = new Map<number, { slots: Uint32Array; rows: number; lastItem: number }>();

  constructor(readonly keySpace: number) {
    const dense = keySpace <= 1 << 18;
    this.slots = dense ? new Uint32Array(keySpace * 5) : null;
    this.rows = dense ? new Float64Array(keySpace) : null;
    this.lastItem = dense ? new Int32Array(keySpace) : null;
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

  *entries(): Generator<[number, Uint32Array, number]> {
    if (this.slots && this.rows) {
      for (let k = 0; k < this.touchedCount; k++) {
        const key = this.touched[k]!;
        yield [key, this.slots.subarray(key * 5, key * 5 + 5), this.rows[key]!];
      }
      return;
    }
    for (const [key, entry] of this.sparse) yield [key, entry.slots, entry.rows];
  }
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
  const counters = new KeyCounters(categoryRadix * guidelineKeys * pageRadix);
  let party = -1;
  if (args.citedBy) {
    party = cube.citedByNames.find(args.citedBy);
    if (party < 0) return []; // no citation by that party at all
  }
  const { begin, end, positions } = selectItems(cube, args.filter);
  const { start, codes } = lists;
  const slot = cube.slot;
  const category = cube.columns.category;
  const n = positions ? positions.length : end - begin;
  for (let k = 0; k < n; k++) {
    const i = positions ? positions[k]! : begin + k;
    const base = args.perCategory ? category[i]! * guidelineKeys : 0;
    for (let p = start[i]!; p < start[i + 1]!; p++) {
      const code = codes[p]!;
      const cited = pageRadix === 1 ? code : Math.floor(code / pageRadix);
      if (party >= 0 && (cited & 3) !== party) continue;
      const g = cited >>> 2;
      if (allowed[g] === 0) continue;
      const page = pageRadix === 1 ? 0 : code - cited * pageRadix;
      counters.add((base + guidelineKey[g]!) * pageRadix + page, i, slot[i]!);
    }
  }
  const minCount = args.minCount ?? 1;
  const groups: GuidelineCubeGroup[] = [];
  for (const [key, slots, rows] of counters.entries()) {
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
