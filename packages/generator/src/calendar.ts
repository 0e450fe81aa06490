// Dates as whole UTC days, so arithmetic never meets a time zone or a daylight-saving hour.

const DAY_MS = 86_400_000;

export type Day = number;

export function dayOf(year: number, month: number, date: number): Day {
  return Math.floor(Date.UTC(year, month - 1, date) / DAY_MS);
}

export function isoDate(day: Day): string {
  const { year, month, date } = parts(day);
  return `${year}-${pad2(month)}-${pad2(date)}`;
}

/** Civil date of a day number (Howard Hinnant's days-to-civil), without allocating a Date. */
function parts(day: Day): { year: number; month: number; date: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const date = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, date };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
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
  return `${month}/${date}/${pad2(year % 100)}`;
}
