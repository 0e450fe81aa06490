/** yyyy-mm-dd → yyyymmdd, an integer in the same order; -1 for null; NaN when not an ISO date. */
export function dateNumber(date: string | null | undefined): number {
  if (date === null || date === undefined) return -1;
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? Number(date.replaceAll('-', '')) : Number.NaN;
}
