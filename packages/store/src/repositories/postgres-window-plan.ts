// How PostgreSQL should find the newest `window` matches of a search, from the planner's estimate of how many
// rows match. Pure: search.repository.ts asks for the estimate and runs the statements.
//
// The planner finds them one of two ways: walking the primary key newest first and testing each row's tsvector
// until window + 1 match, or asking the GIN index for every match and sorting. It walks whenever it expects more
// matches than the window, costing each row tested as nearly free; but a search row holds its vector inline
// (about 1.2 kB), and testing one costs about a microsecond. A word in 2.6 % of two million item rationales
// ("cervicobrachial" in the generated letters) walked 385,000 rows for 10,001 matches: 255-320 ms.
//
// The third way reads only the GIN index's matches among the newest `span` ids. Each search row carries its
// epoch (its id's 65,536-id block, a generated column) and the GIN index holds it beside the vector, so "the
// word in these epochs" is one index scan that reads just those epochs' share of the word's posting list. A
// span sized from the estimated density holds the window in one go; when it does not (the estimate was high),
// the span grows from the density it met, and at worst covers the whole table, which is the GIN path again. A
// common word keeps the walk: it stops after a few rows per match.
//
// Measured at 2M letters' scale (the 100k search tables copied 20 times and stored as the migrations store them,
// both kinds, p50 of direct calls): "cervicobrachial" (2.6 % of the items, 5.3 % of the cases) 178 → 115 ms with
// PostgreSQL's default 128 MB of shared buffers and 114 → 51 ms with 1 GB (HTTP 41 ms). What remains is reading
// each match's row to rank it, about 10,000 scattered pages a kind: ~30 ms a kind when they are in shared
// buffers, and at 128 MB the two kinds evict each other's. "medical" (walked) 15-20 ms; a rare word ("zaleplon",
// 1.0 → 2.1 ms) pays the estimate, a planning-only EXPLAIN per kind.

/** Ids per epoch, as a shift; the migration 2026-12-04T21-00-00-search-epochs generates the column with it. */
export const EPOCH_BITS = 16;

/** The epochs, newest first, that hold every id above `maxId - span` (and a few below, in the oldest epoch). */
export function epochsOfSpan(maxId: number, span: number): { epochs: number[]; covered: number } {
  const lowest = Math.max(0, maxId - span + 1);
  const epochs: number[] = [];
  for (let e = maxId >> EPOCH_BITS; e >= lowest >> EPOCH_BITS; e--) epochs.push(e);
  const firstId = (lowest >> EPOCH_BITS) << EPOCH_BITS;
  return { epochs, covered: maxId - firstId + 1 };
}

/** At or above this share of rows matching, walking the key finds the window in at most four rows a match. */
export const WALK_DENSITY = 0.25;

/** Spans cover this many times the ids the density says hold the window, so one span usually suffices. */
export const SPAN_MARGIN = 1.3;

export type WindowPath =
  /** The statement as is: the planner walks the key or reads the GIN index's matches. */
  | { path: 'planner' }
  /** GIN matches among the newest `span` ids (null: all of them), the walk ruled out. */
  | { path: 'bitmap'; span: number | null };

export interface MatchEstimate {
  /** Rows the planner expects to match. */
  matches: number;
  /** Rows in the table (the planner's count). */
  rows: number;
}

/** The first way to try for the newest `window` matches (and one more, which says whether there are more). */
export function firstWindowPath({ matches, rows }: MatchEstimate, window: number): WindowPath {
  // Fewer matches than the window: the planner reads them from the GIN index, nothing to walk.
  if (!(matches > window) || !(rows > 0)) return { path: 'planner' };
  const density = Math.min(1, matches / rows);
  if (density >= WALK_DENSITY) return { path: 'planner' };
  return { path: 'bitmap', span: spanFor(density, window, rows) };
}

/**
 * The next span after one of `span` ids held only `found` matches (fewer than window + 1): sized from the
 * density met there, at least twice as wide, or null for the whole table once that is as wide.
 */
export function nextSpan(span: number, found: number, window: number, rows: number): number | null {
  const density = Math.max(found, 1) / span;
  const next = Math.max(2 * span, spanFor(density, window, rows) ?? Number.POSITIVE_INFINITY);
  return next >= rows ? null : next;
}

function spanFor(density: number, window: number, rows: number): number | null {
  const span = Math.ceil((SPAN_MARGIN * (window + 1)) / density);
  return span >= rows ? null : span;
}
