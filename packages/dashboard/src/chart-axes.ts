// Axis settings the panels share, so every chart reads the same way: counts in whole numbers, months in one
// format, category labels with the room they need.

/** A count axis (items, citations): ticks on whole numbers only, never "0.5 items". */
export function countAxis(
  label: string,
  max: number,
): { label: string; grid: true; ticks: number | number[]; tickFormat: string } {
  const top = Math.max(1, Math.ceil(max));
  // Up to 8 units every unit has a tick; above that d3's "nice" steps (2, 5, 10...) are whole numbers already.
  const ticks = top <= 8 ? Array.from({ length: top + 1 }, (_, i) => i) : 8;
  return { label, grid: true, ticks, tickFormat: 'd' };
}

/** "2014-11" from "2014-11-01": the one way months are written on the dashboard (as in its date filters). */
export function monthLabel(isoDate: string): string {
  return isoDate.slice(0, 7);
}

// Plot draws tick labels at 10px sans-serif: about 6 px a character, plus the tick and some air.
const PX_PER_CHAR = 6.2;

/** The left margin a bar chart needs so its longest category label is shown whole. */
export function labelMargin(labels: readonly string[], min = 60, max = 280): number {
  const longest = labels.reduce((n, label) => Math.max(n, label.length), 0);
  return Math.min(max, Math.max(min, Math.ceil(longest * PX_PER_CHAR) + 16));
}
