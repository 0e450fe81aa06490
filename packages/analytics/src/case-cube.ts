import type { CubeSourceCase } from '@imr/store/repositories/cube-source.repository';
import { CodedColumns, type Dictionary, positionOf, type Value } from './coded-columns';
import { dateNumber } from './date-number';
import { growingInt32, growingUint32 } from './growing-typed-array';
import { decisionDateOrder, permute } from './per-item-layout';

// The cases of an ItemCube's snapshot as typed arrays, for case aggregates (caseStats): one GROUP BY over two
// million cases costs SQLite about a second a pass, and caseStats needs three. Built with the item cube, from
// the same read, so a filter's items (which the item cube selects) map to their cases by position.

/** A case as the store reads it for the cube (dateDecision yyyy-mm-dd or null). */
export type CubeCaseRow = CubeSourceCase;

/** Single-valued case columns, as dictionary codes per case (0: null). */
export const CASE_CUBE_COLUMNS = [
  'decisionYear',
  'decisionMonth',
  'priority',
  'patientSex',
  'patientAgeBand',
] as const;
export type CaseCubeColumn = (typeof CASE_CUBE_COLUMNS)[number];

/** Marks a case without days from UR denial to decision (either date missing). */
export const NO_DAYS = -(2 ** 31);

export interface CaseCube {
  size: number;
  /**
   * Case ids, in decision-date order (undated first, ties by id), as the item cube lays out its items: the cases
   * of a question's items are then visited in the order their arrays are laid out, not at random.
   */
  ids: Int32Array;
  dictionaries: Record<CaseCubeColumn, Dictionary>;
  columns: Record<CaseCubeColumn, Uint32Array>;
  /** Reviewer codes in the item cube's reviewerIds dictionary (its specialty and state lists apply). */
  reviewer: Uint32Array;
  /** Days from UR denial to decision, or NO_DAYS. */
  days: Int32Array;
  /** Least and greatest days (0 and 0 when no case has any). */
  daysMin: number;
  daysMax: number;
  itemCount: Uint32Array;
}

/** Collects case rows (ascending id) into a CaseCube; reviewer ids are coded in the dictionary it is given. */
export class CaseCubeBuilder {
  private readonly columns = new CodedColumns(CASE_CUBE_COLUMNS);
  private readonly ids = growingInt32();
  private readonly reviewers = growingUint32();
  private readonly days = growingInt32();
  private daysMin = Number.POSITIVE_INFINITY;
  private daysMax = Number.NEGATIVE_INFINITY;
  private readonly itemCounts = growingUint32();
  private readonly decisionDates = growingInt32();
  /**
   * False once a decision date is not yyyy-mm-dd (year and month would then follow SQL's substr) or a day count
   * is not an integer: caseStats then answers from SQL.
   */
  usable = true;

  constructor(private readonly reviewerIds: Dictionary) {}

  addCases(rows: readonly CubeCaseRow[]): void {
    for (const row of rows) {
      const last = this.ids.last() ?? -Infinity;
      if (row.id <= last) throw new RangeError(`case ids must ascend: ${row.id} after ${last}`);
      const decided = dateNumber(row.dateDecision);
      if (Number.isNaN(decided)) this.usable = false;
      this.decisionDates.push(decided);
      const date = row.dateDecision;
      const values: Record<CaseCubeColumn, Value> = {
        decisionYear: date ? Number(date.slice(0, 4)) : null,
        decisionMonth: date ? date.slice(0, 7) : null,
        priority: row.priority,
        patientSex: row.patientSex,
        patientAgeBand: row.patientAgeBand,
      };
      this.ids.push(row.id);
      this.columns.add(values);
      this.reviewers.push(this.reviewerIds.code(row.reviewerId));
      const days = row.daysToDecision;
      if (days !== null && !(Number.isInteger(days) && days > NO_DAYS && days < 2 ** 31)) this.usable = false;
      this.days.push(days ?? NO_DAYS);
      if (days !== null) {
        if (days < this.daysMin) this.daysMin = days;
        if (days > this.daysMax) this.daysMax = days;
      }
      this.itemCounts.push(row.itemCount);
    }
  }

  /**
   * The cube (null when it cannot answer as SQL would, see usable), and the position of each case id in it.
   */
  finish(): { cube: CaseCube; positionOfId: (id: number) => number } | null {
    if (!this.usable) return null;
    const ids = this.ids.toArray();
    const order = decisionDateOrder(this.decisionDates.toArray());
    const positionInOrder = new Uint32Array(order.length);
    for (let p = 0; p < order.length; p++) positionInOrder[order[p]!] = p;
    const codes = this.columns.toArrays();
    const columns = Object.fromEntries(CASE_CUBE_COLUMNS.map((c) => [c, permute(codes[c], order)])) as Record<
      CaseCubeColumn,
      Uint32Array
    >;
    const cube: CaseCube = {
      size: ids.length,
      ids: permute(ids, order),
      dictionaries: this.columns.dictionaries,
      columns,
      reviewer: permute(this.reviewers.toArray(), order),
      days: permute(this.days.toArray(), order),
      daysMin: Number.isFinite(this.daysMin) ? this.daysMin : 0,
      daysMax: Number.isFinite(this.daysMax) ? this.daysMax : 0,
      itemCount: permute(this.itemCounts.toArray(), order),
    };
    // Added in ascending id order: a binary search over them gives the position as added.
    const positionOfId = (id: number): number => {
      const added = positionOf(ids, id);
      return added < 0 ? -1 : positionInOrder[added]!;
    };
    return { cube, positionOfId };
  }
}
