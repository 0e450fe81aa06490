// Posting lists of the cube: for each code of a column, the positions holding it, ascending. A filter on a
// column (a category, a drug class, a reviewer specialty) then starts from the positions of its values within
// the decision-date range, found by binary search, instead of testing every position of the range: a dashboard
// question about one category of eight touches an eighth of the items. Built on first use, once per column.

/** Positions per code: those of code c are positions[offsets[c] .. offsets[c + 1]), ascending. */
export interface Postings {
  offsets: Uint32Array;
  positions: Uint32Array;
}

const ofColumn = new WeakMap<Uint32Array, Postings>();
const ofReviewerValues = new WeakMap<number[][], WeakMap<Uint32Array, Postings>>();

/** Counting sort of positions by code: two passes over the column. */
function build(radix: number, forEachCode: (visit: (i: number, code: number) => void) => void): Postings {
  const offsets = new Uint32Array(radix + 1);
  forEachCode((_, code) => {
    offsets[code + 1]!++;
  });
  for (let c = 0; c < radix; c++) offsets[c + 1]! += offsets[c]!;
  const positions = new Uint32Array(offsets[radix]!);
  const next = offsets.slice(0, radix);
  forEachCode((i, code) => {
    positions[next[code]!++] = i;
  });
  return { offsets, positions };
}

/** The postings of a single-valued column of codes below `radix`. */
export function columnPostings(codes: Uint32Array, radix: number): Postings {
  let postings = ofColumn.get(codes);
  if (!postings) {
    postings = build(radix, (visit) => {
      for (let i = 0; i < codes.length; i++) visit(i, codes[i]!);
    });
    ofColumn.set(codes, postings);
  }
  return postings;
}

/**
 * The postings of a value a reviewer may hold several of (specialties, states): the positions whose reviewer
 * holds each value code below `radix`. A position is in the list of each of its reviewer's values.
 */
export function reviewerValuePostings(reviewer: Uint32Array, lists: number[][], radix: number): Postings {
  let byReviewer = ofReviewerValues.get(lists);
  if (!byReviewer) {
    byReviewer = new WeakMap();
    ofReviewerValues.set(lists, byReviewer);
  }
  let postings = byReviewer.get(reviewer);
  if (!postings) {
    postings = build(radix, (visit) => {
      for (let i = 0; i < reviewer.length; i++) {
        for (const code of lists[reviewer[i]!] ?? []) visit(i, code);
      }
    });
    byReviewer.set(reviewer, postings);
  }
  return postings;
}

/** First index in positions[from, to) whose position is >= value (positions ascending). */
export function lowerBoundIn(positions: Uint32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The positions of `codes` within [begin, end), ascending, each once; null codes list: none. */
export function postingsWithin(
  postings: Postings,
  codes: readonly number[],
  begin: number,
  end: number,
): Uint32Array {
  const { offsets, positions } = postings;
  const parts: Uint32Array[] = [];
  let total = 0;
  for (const code of codes) {
    const from = lowerBoundIn(positions, offsets[code]!, offsets[code + 1]!, begin);
    const to = lowerBoundIn(positions, from, offsets[code + 1]!, end);
    if (to > from) {
      parts.push(positions.subarray(from, to));
      total += to - from;
    }
  }
  // One code: its list as it is (callers never write to a selection's positions).
  if (parts.length === 1) return parts[0]!;
  const merged = new Uint32Array(total);
  let at = 0;
  for (const part of parts) {
    merged.set(part, at);
    at += part.length;
  }
  merged.sort();
  // A position in several lists (a reviewer with two of the values asked for) is selected once.
  let kept = 0;
  for (let k = 0; k < merged.length; k++) {
    if (kept === 0 || merged[k] !== merged[kept - 1]) merged[kept++] = merged[k]!;
  }
  return merged.subarray(0, kept);
}

/** How many entries postingsWithin would gather (before removing repeats): to pick the narrowest condition. */
export function postingsCountWithin(
  postings: Postings,
  codes: readonly number[],
  begin: number,
  end: number,
): number {
  const { offsets, positions } = postings;
  let count = 0;
  for (const code of codes) {
    const from = lowerBoundIn(positions, offsets[code]!, offsets[code + 1]!, begin);
    count += lowerBoundIn(positions, from, offsets[code + 1]!, end) - from;
  }
  return count;
}
