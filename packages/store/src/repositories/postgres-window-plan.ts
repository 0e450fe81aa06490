// How PostgreSQL should find the newest `window` matches of a search, from the planner's estimate of how many
// rows match. Pure: search.repository.ts asks for the estimate and runs the statements.
//
// The planner finds them one of two ways: walking the primary key newest first and testing each row's tsvector
// until window + 1 match, or asking the GIN index for every match and sorting. It walks whenever it expects more
// matches than the window, costing each row tested as nearly free; but a search row holds its vector inline
// (about 1.2 kB), and testing one costs about a microsecond. A word in 2.6 % of two million item rationales
// ("cervicobrachial" in the generated letters) walked 385,000 rows for 10,001 matches: 255-320 ms.
//
// The third way is the GIN index's matches ANDed with the primary key's newest `span` ids (a BitmapAnd): only
// matching rows in the span are read. A span sized from the estimated density holds the window in one go;
// when it does not (the estimate was high), the span grows from the density it met, and at worst covers the
// whole table, which is still the GIN path. A common word keeps the walk: it stops after a few rows per match,
// where the bitmap would first decode the word's posting list over the whole table.
//
// Measured at 2M letters' scale (the 100k search tables copied 20 times, direct calls, p50 of 10): that word,
// both kinds, 332 → 178 ms; "medical" (walked) 16 → 16-20 ms; a rare word ("zaleplon", 1.0 → 2.1 ms) pays the
// estimate, a planning-only EXPLAIN per kind. Most of what remains is building the two bitmaps (~70 ms a kind).

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
