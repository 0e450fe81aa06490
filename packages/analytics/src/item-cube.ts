// An in-memory, columnar snapshot of the items' dimensions, dictionary-encoded into typed arrays, that answers
// item aggregates by one pass over the arrays instead of a GROUP BY in SQL (bench/results has the figures).
// Pure: it is built from rows handed to it and never reads the store.
//
// Every dictionary reserves code 0 for "no value" (SQL NULL), so a missing value groups under a null key and
// never matches a filter, as in SQL.

import { type CaseCube, CaseCubeBuilder, type CubeCaseRow } from './case-cube';
import { CodedColumns, Dictionary, positionOf, type Value } from './coded-columns';
import { dateNumber } from './date-number';
import { growingInt32, growingUint32 } from './growing-typed-array';
import {
  decisionDateOrder,
  groupByItem,
  type PerItem,
  permute,
  permutePerItem,
  perReviewer,
} from './per-item-layout';

export { Dictionary, type Value } from './coded-columns';
export type { PerItem } from './per-item-layout';

/** Single-valued item columns the cube holds (dictionary codes per item). */
export const CUBE_COLUMNS = [
  'decision',
  'category',
  'decisionYear',
  'decisionMonth',
  'drugClass',
  'drug',
  'treatment',
  'priority',
  'patientSex',
  'patientAgeBand',
] as const;
export type CubeColumn = (typeof CUBE_COLUMNS)[number];

export interface CubeItemRow {
  id: number;
  caseId: number;
  reviewerId: number | null;
  /** yyyy-mm-dd or null. */
  dateDecision: string | null;
  dateInjury: string | null;
  values: Record<CubeColumn, Value>;
}

export interface CitationPageRows {
  rows: Iterable<{ itemId: number; guidelineId: number; citedBy: string; page: number }>;
  /** Least and greatest page among the rows. */
  minPage: number;
  maxPage: number;
}

export interface CubeGuideline {
  id: number;
  source: string;
  name: string;
  topic: string;
}

// Tally slots: the four decisions, then any other string (counted, in no decision column).
const SLOT: Record<string, number> = { UPHELD: 0, OVERTURNED: 1, PARTIALLY_OVERTURNED: 2, UNKNOWN: 3 };

/** Builds a cube from rows streamed in ascending item id order. */
export class ItemCubeBuilder {
  private readonly columns = new CodedColumns(CUBE_COLUMNS);
  private readonly ids = growingInt32();
  private readonly caseIds = growingUint32();
  private readonly reviewers = growingUint32();
  private readonly decisionDates = growingInt32();
  private readonly injuryDates = growingInt32();
  private readonly reviewerIds = new Dictionary();
  private readonly cases = new CaseCubeBuilder(this.reviewerIds);
  private hasCases = false;
  private datesAreIso = true;

  addItems(rows: readonly CubeItemRow[]): void {
    for (const row of rows) {
      const last = this.ids.last() ?? -Infinity;
      if (row.id <= last) throw new RangeError(`item ids must ascend: ${row.id} after ${last}`);
      this.ids.push(row.id);
      this.caseIds.push(row.caseId);
      this.columns.add(row.values);
      this.reviewers.push(this.reviewerIds.code(row.reviewerId));
      const decided = dateNumber(row.dateDecision);
      const injured = dateNumber(row.dateInjury);
      if (Number.isNaN(decided) || Number.isNaN(injured)) this.datesAreIso = false;
      this.decisionDates.push(decided);
      this.injuryDates.push(injured);
    }
  }

  /**
   * The cases of the same snapshot (ascending id, every case of the items added, and those without items), for
   * caseStats. A cube finished without any has no case cube.
   */
  addCases(rows: readonly CubeCaseRow[]): void {
    this.hasCases = true;
    this.cases.addCases(rows);
  }

  /**
   * Finishes the cube with the multi-valued dimensions: body regions and citations by item id (any order),
   * the reviewers' specialties and states, and the guidelines.
   */
  finish(multi: {
    bodyRegions: Iterable<{ itemId: number; bodyRegion: string }>;
    citations: Iterable<{ itemId: number; guidelineId: number; citedBy: string }>;
    reviewerSpecialties: Iterable<{ reviewerId: number; specialty: string }>;
    reviewerStates: Iterable<{ reviewerId: number; state: string }>;
    guidelines: Iterable<CubeGuideline>;
    /** The pages of the citations (citedPages); without them the cube has no pages. */
    citationPages?: CitationPageRows;
  }): ItemCube {
    const size = this.ids.length;
    const ids = this.ids.toArray();
    // Before the reviewer lists below: cases add the reviewers of item-less letters to reviewerIds.
    const finished = this.hasCases ? this.cases.finish() : null;
    const cases = finished?.cube ?? null;
    const caseOf = new Uint32Array(finished ? size : 0);
    if (finished) {
      for (let i = 0; i < size; i++) {
        const position = finished.positionOfId(this.caseIds.at(i));
        if (position < 0)
          throw new RangeError(`item ${ids[i]}: its case ${this.caseIds.at(i)} was not added`);
        caseOf[i] = position;
      }
    }
    const indexOf = (id: number): number => positionOf(ids, id);
    const regionNames = new Dictionary();
    const regions = groupByItem(
      multi.bodyRegions,
      (r) => indexOf(r.itemId),
      (r) => regionNames.code(r.bodyRegion),
      size,
    );
    const guidelines = guidelineTable(multi.guidelines);
    const { guidelineIds } = guidelines;
    const { citedByNames, citationGuidelines, citedPages, pageRadix } = citationLists(
      multi.citations,
      multi.citationPages,
      guidelineIds,
      indexOf,
      size,
    );
    if (citedByNames.size > 4) throw new RangeError('more than three citing parties');
    const specialtyNames = new Dictionary();
    const reviewerSpecialties = perReviewer(multi.reviewerSpecialties, this.reviewerIds, (r) =>
      specialtyNames.code(r.specialty),
    );
    const stateNames = new Dictionary();
    const reviewerStates = perReviewer(multi.reviewerStates, this.reviewerIds, (r) =>
      stateNames.code(r.state),
    );
    const slotOfDecision = Uint8Array.from(
      this.columns.dictionaries.decision.values.map((v) =>
        typeof v === 'string' && v in SLOT ? SLOT[v]! : 4,
      ),
    );
    // Items in decision-date order (undated first, then by id): a decision-date filter is then a range of
    // positions found by binary search, not a pass over every item. Without ISO dates the id order stays.
    const decisionDates = this.decisionDates.toArray();
    const order = this.datesAreIso ? decisionDateOrder(decisionDates) : null;
    const laid = <T extends Int32Array | Uint32Array>(values: T): T =>
      order ? permute(values, order) : values;
    const codes = this.columns.toArrays();
    const columns = Object.fromEntries(CUBE_COLUMNS.map((c) => [c, laid(codes[c])])) as Record<
      CubeColumn,
      Uint32Array
    >;
    const slot = new Uint8Array(size);
    const decision = columns.decision;
    for (let i = 0; i < size; i++) slot[i] = slotOfDecision[decision[i]!]!;
    const cube: ItemCube = {
      size,
      weight: null,
      rollup: null,
      ids: laid(ids),
      cases,
      caseOf: cases ? laid(caseOf) : caseOf,
      dictionaries: this.columns.dictionaries,
      columns,
      slotOfDecision,
      slot,
      reviewer: laid(this.reviewers.toArray()),
      reviewerIds: this.reviewerIds,
      decisionDate: laid(decisionDates),
      injuryDate: laid(this.injuryDates.toArray()),
      datesAreIso: this.datesAreIso,
      sortedByDecisionDate: order !== null,
      bodyRegions: order ? permutePerItem(regions, order) : regions,
      regionNames,
      citations: order ? permutePerItem(citationGuidelines, order) : citationGuidelines,
      citedPages: citedPages && order ? permutePerItem(citedPages, order) : citedPages,
      pageRadix,
      citedByNames,
      ...guidelines,
      reviewerSpecialties,
      specialtyNames,
      reviewerStates,
      stateNames,
    };
    if (order) cube.rollup = rollUp(cube);
    return cube;
  }
}

/** Guideline ids coded, each with its source, name and topic codes ('' is the store's "none": the null key). */
function guidelineTable(guidelines: Iterable<CubeGuideline>) {
  const guidelineIds = new Dictionary();
  const sources = new Dictionary();
  const names = new Dictionary();
  const topics = new Dictionary();
  const guidelineSource: number[] = [0];
  const guidelineName: number[] = [0];
  const guidelineTopic: number[] = [0];
  for (const g of guidelines) {
    const code = guidelineIds.code(g.id);
    guidelineSource[code] = sources.code(g.source);
    // As nullif() gives in SQL.
    guidelineName[code] = names.code(g.name === '' ? null : g.name);
    guidelineTopic[code] = topics.code(g.topic === '' ? null : g.topic);
  }
  return {
    guidelineIds,
    sources,
    names,
    topics,
    guidelineSource: Uint32Array.from(guidelineSource),
    guidelineName: Uint32Array.from(guidelineName),
    guidelineTopic: Uint32Array.from(guidelineTopic),
  };
}

/** Each item's citations (guideline code × 4 + cited-by code) and, when they fit 32 bits, its cited pages. */
function citationLists(
  citations: Iterable<{ itemId: number; guidelineId: number; citedBy: string }>,
  pages: CitationPageRows | undefined,
  guidelineIds: Dictionary,
  indexOf: (id: number) => number,
  size: number,
) {
  const citedByNames = new Dictionary();
  const citationGuidelines = groupByItem(
    citations,
    (c) => indexOf(c.itemId),
    (c) => guidelineIds.code(c.guidelineId) * 4 + citedByNames.code(c.citedBy),
    size,
  );
  // One code per cited page: (guideline code × 4 + cited-by code) × pageRadix + page.
  const pageRadix = pages ? pages.maxPage + 1 : 0;
  const pagesFit = pages !== undefined && pages.minPage >= 0 && guidelineIds.size * 4 * pageRadix < 2 ** 32;
  const citedPages = pagesFit
    ? groupByItem(
        pages.rows,
        (r) => indexOf(r.itemId),
        (r) => (guidelineIds.code(r.guidelineId) * 4 + citedByNames.code(r.citedBy)) * pageRadix + r.page,
        size,
      )
    : null;
  return { citedByNames, citationGuidelines, citedPages, pageRadix };
}

/** The columns the rollup keeps; every other dimension is left out of it (see ItemCube.rollup). */
export const ROLLUP_COLUMNS = [
  'decision',
  'category',
  'decisionYear',
  'decisionMonth',
  'drugClass',
  'priority',
] as const satisfies readonly CubeColumn[];

/**
 * The cube's items merged into cells: one per decision date and combination of the ROLLUP_COLUMNS, weighted by
 * its number of items. Items come in decision-date order, so a cell is found among its date's cells only.
 */
function rollUp(cube: ItemCube): ItemCube {
  const source = ROLLUP_COLUMNS.map((c) => cube.columns[c]);
  const radices = ROLLUP_COLUMNS.map((c) => cube.dictionaries[c].size);
  const cellColumns: number[][] = ROLLUP_COLUMNS.map(() => []);
  const cellDates: number[] = [];
  const cellWeights: number[] = [];
  let cellOfKey = new Map<number, number>();
  let date = Number.NaN;
  for (let i = 0; i < cube.size; i++) {
    if (cube.decisionDate[i] !== date) {
      date = cube.decisionDate[i]!;
      cellOfKey = new Map();
    }
    let key = 0;
    for (let k = 0; k < source.length; k++) key = key * radices[k]! + source[k]![i]!;
    const cell = cellOfKey.get(key);
    if (cell !== undefined) {
      cellWeights[cell]!++;
      continue;
    }
    cellOfKey.set(key, cellDates.length);
    for (let k = 0; k < source.length; k++) cellColumns[k]!.push(source[k]![i]!);
    cellDates.push(date);
    cellWeights.push(1);
  }
  const size = cellDates.length;
  const none = new Uint32Array(size);
  const columns = Object.fromEntries(CUBE_COLUMNS.map((c) => [c, none])) as Record<CubeColumn, Uint32Array>;
  ROLLUP_COLUMNS.forEach((c, k) => {
    columns[c] = Uint32Array.from(cellColumns[k]!);
  });
  const slot = new Uint8Array(size);
  for (let i = 0; i < size; i++) slot[i] = cube.slotOfDecision[columns.decision[i]!]!;
  const noLists: PerItem = { start: new Uint32Array(size + 1), codes: new Uint32Array(0) };
  return {
    ...cube,
    size,
    weight: Uint32Array.from(cellWeights),
    rollup: null,
    ids: new Int32Array(size),
    cases: null,
    caseOf: new Uint32Array(0),
    columns,
    slot,
    reviewer: none,
    decisionDate: Int32Array.from(cellDates),
    injuryDate: new Int32Array(size).fill(-1),
    bodyRegions: noLists,
    citations: noLists,
    citedPages: null,
  };
}

export interface ItemCube {
  /** Positions: items, or cells of items in a rollup. */
  size: number;
  /** Items at each position (a rollup's cells); null: one item each. */
  weight: Uint32Array | null;
  /**
   * A coarser cube of the same items for questions about the ROLLUP_COLUMNS and decision dates only (the
   * dashboard's): a few hundred thousand cells instead of millions of items. Null without ISO dates.
   */
  rollup: ItemCube | null;
  ids: Int32Array;
  /** The snapshot's cases (null: none were added, or they cannot answer as SQL would; a rollup has none). */
  cases: CaseCube | null;
  /** Per position: the position of the item's case in `cases` (empty without cases). */
  caseOf: Uint32Array;
  dictionaries: Record<CubeColumn, Dictionary>;
  columns: Record<CubeColumn, Uint32Array>;
  /** Decision code → tally slot (0 upheld, 1 overturned, 2 partially, 3 unknown, 4 anything else). */
  slotOfDecision: Uint8Array;
  /** Tally slot per item (slotOfDecision of its decision, looked up once at build). */
  slot: Uint8Array;
  /** Items are in ascending decisionDate (undated first), so a decision-date filter is a range of positions. */
  sortedByDecisionDate: boolean;
  reviewer: Uint32Array;
  reviewerIds: Dictionary;
  decisionDate: Int32Array;
  injuryDate: Int32Array;
  datesAreIso: boolean;
  bodyRegions: PerItem;
  regionNames: Dictionary;
  /** Per item: guideline code × 4 + cited-by code. */
  citations: PerItem;
  /** Per item, one per cited page: (guideline code × 4 + cited-by code) × pageRadix + page; null: no pages. */
  citedPages: PerItem | null;
  pageRadix: number;
  citedByNames: Dictionary;
  guidelineIds: Dictionary;
  guidelineSource: Uint32Array;
  guidelineName: Uint32Array;
  guidelineTopic: Uint32Array;
  sources: Dictionary;
  names: Dictionary;
  topics: Dictionary;
  reviewerSpecialties: number[][];
  specialtyNames: Dictionary;
  reviewerStates: number[][];
  stateNames: Dictionary;
}
