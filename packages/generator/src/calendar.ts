// Dates as whole UTC days, so arithmetic never meets a time zone or a daylight-saving hour.

const DAY_MS = 86_400_000;

export type Day = number;

export function dayOf(year: number, month: number, date: number): Day {
  return Math.floor(Date.UTC(year, month - 1, date) / DAY_MS);
}

export function isoDate(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function parts(day: Day): { year: number; month: number; date: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

export function yearOf(day: Day): number {
  return parts(day).year;
}

export type DateStyle = 'MM/DD/YYYY' | 'M/D/YYYY' | 'M/D/YY';

/** "10/03/2014", "10/3/2014" or "10/3/14" as letters print dates. */
export function formatDate(day: Day, style: DateStyle): string {
  const { year, month, date } = parts(day);
  if (style === 'MM/DD/YYYY')
    return `${String(month).padStart(2, '0')}/${String(date).padStart(2, '0')}/${year}`;
  if (style === 'M/D/YYYY') return `${month}/${date}/${year}`;
  return `${month}/${date}/${String(year % 100).padStart(2, '0')}`;
}
