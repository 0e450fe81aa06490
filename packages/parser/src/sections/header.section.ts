import type { ParseContext } from '../parse-context';
import type { LetterDates, Priority } from '../types';
import { DATE_FIELD_NAMES, DATE_TOKEN, readStatedDate } from './date-token';

type DateField = keyof LetterDates;

// Header labels as the letters print them (HTML table, tab-separated, plain or markdown) and the field each fills.
const LABELS: ReadonlyArray<readonly [RegExp, DateField | 'caseNumber' | 'priority']> = [
  [/^(?:IMR|MAXIMUS)?\s?Case\s?(?:Number|No\.?)$/i, 'caseNumber'],
  [/^Date\s?Assigned$/i, 'assigned'],
  [/^Date\s?of\s?Injury$/i, 'injury'],
  [/^(?:Decision\s?Date|Dated)$/i, 'decision'],
  [/^(?:UR\s?Denial\s?Date|Date\s?of\s?UR\s?Decision)$/i, 'urDenial'],
  [/^(?:IMR\s?)?Application\s?Received$/i, 'applicationReceived'],
  [/^Priority$/i, 'priority'],
];

const HEADER_FIELD = new RegExp(
  '\\b((?:IMR\\s?|MAXIMUS\\s?)?Case\\s?(?:Number|No\\.?)|Date\\s?Assigned|Date\\s?of\\s?Injury|Decision\\s?Date|Dated|UR\\s?Denial\\s?Date|Date\\s?of\\s?UR\\s?Decision|(?:IMR\\s?)?Application\\s?Received|Priority)' +
    // A label with no value is followed by the next label, which must not be taken for the value.
    `\\s?:\\s?(?!(?:Date|Decision|UR|Application|Priority|Case|IMR|MAXIMUS)\\b)(${DATE_TOKEN}|[A-Z]{2}\\d{2}-\\d{4,8}|[A-Za-z]{3,12}|[\\d/.-]{3,12})`,
  'gi',
);
const CASE_NUMBER = /^[A-Z]{2}\d{2}-\d{4,8}$/i;
const ANY_CASE_NUMBER = /\bCM\d{2}-\d{4,8}\b/i;
const DATE_LIKE = /\d/;

export interface HeaderBlock {
  /** At least a case number or two labelled fields were found: the letter has a header block. */
  found: boolean;
  caseNumber: string | null;
  dates: Partial<LetterDates>;
  priority: Priority | null;
}

function priorityOf(value: string): Priority | null {
  const word = value.toLowerCase();
  if (word === 'standard' || word === 'regular') return 'STANDARD';
  if (word === 'expedited' || word === 'urgent') return 'EXPEDITED';
  return null;
}

/** Reads the labelled header fields ("Case Number:", "Date Assigned:", "Priority:" ...) from the letter's head. */
export function readHeaderBlock(head: string, context: ParseContext): HeaderBlock {
  const block: HeaderBlock = { found: false, caseNumber: null, dates: {}, priority: null };
  let fields = 0;
  HEADER_FIELD.lastIndex = 0;
  for (let match = HEADER_FIELD.exec(head); match !== null; match = HEADER_FIELD.exec(head)) {
    const label = match[1]!;
    const value = match[2]!;
    const field = LABELS.find(([pattern]) => pattern.test(label))?.[1];
    if (field === undefined) continue;
    fields++;
    if (field === 'caseNumber') {
      if (block.caseNumber === null && CASE_NUMBER.test(value)) block.caseNumber = value.toUpperCase();
    } else if (field === 'priority') {
      block.priority ??= priorityOf(value);
    } else if (block.dates[field] === undefined && DATE_LIKE.test(value)) {
      const date = readStatedDate(value, DATE_FIELD_NAMES[field], context);
      if (date !== null) block.dates[field] = date;
    }
  }
  block.found = block.caseNumber !== null || fields >= 2;
  return block;
}

/** A case number printed anywhere (page footers carry it when the header was cut off). */
export function findCaseNumber(text: string): string | null {
  return ANY_CASE_NUMBER.exec(text)?.[0]?.toUpperCase() ?? null;
}
