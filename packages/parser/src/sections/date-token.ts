import type { ParseContext } from '../parse-context';

const MONTHS =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';

/**
 * A date as letters write it, for embedding in larger patterns: "10/22/2013", "3/16/84", "21/1/14" (kept so
 * it can be reported as invalid), "10-22-2013", "August 30, 2013".
 */
export const DATE_TOKEN = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}(?![\\d/])|(?:${MONTHS})\\.?\\s?\\d{1,2},?\\s?\\d{4})`;

/** Numeric dates and month-name dates, searched separately: two simple scans beat one alternation. */
export const NUMERIC_DATE_TOKEN = '\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}(?![\\d/])';
export const NAMED_DATE_TOKEN = `(?:${MONTHS})\\.?\\s?\\d{1,2},?\\s?\\d{4}`;

const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const NAMED_DATE = new RegExp(`^(${MONTHS})\\.?\\s?(\\d{1,2}),?\\s?(\\d{4})$`, 'i');
const MONTH_NUMBER: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Gregorian, as Date has it, without building a Date for every date token. `month` is 1-12. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A two-digit year is the latest year whose date (month/day) is not after `now`. */
function resolveTwoDigitYear(twoDigits: number, month: number, day: number, now: Date): number {
  const nowYear = now.getUTCFullYear();
  let year = Math.floor(nowYear / 100) * 100 + twoDigits;
  const nowKey = nowYear * 10_000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
  while (year * 10_000 + month * 100 + day > nowKey) year -= 100;
  return year;
}

/** The ISO date a token states (month/day/year, as US letters write), or null when it is no real date. */
export function isoDate(token: string, now: Date): string | null {
  const trimmed = token.trim();
  let month: number;
  let day: number;
  let year: number;
  const numeric = NUMERIC_DATE.exec(trimmed);
  if (numeric) {
    month = Number(numeric[1]);
    day = Number(numeric[2]);
    year = Number(numeric[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    if (numeric[3]!.length === 2) year = resolveTwoDigitYear(year, month, day, now);
  } else {
    const named = NAMED_DATE.exec(trimmed);
    if (!named) return null;
    month = MONTH_NUMBER[named[1]!.slice(0, 3).toLowerCase()] ?? 0;
    day = Number(named[2]);
    year = Number(named[3]);
  }
  if (month < 1 || month > 12 || year < 1900 || year > 2199) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return iso(year, month, day);
}

/** Reads a stated date; an impossible one becomes a warning naming what it was, never a guess. */
export function readStatedDate(token: string, what: string, context: ParseContext): string | null {
  const date = isoDate(token, context.now);
  if (date === null) context.warnings.push(`${what} date '${token.trim()}' is not a valid date`);
  return date;
}

/** How warnings name each letter date. */
export const DATE_FIELD_NAMES = {
  assigned: 'assigned',
  injury: 'injury',
  decision: 'decision',
  urDenial: 'UR denial',
  applicationReceived: 'application received',
} as const;
