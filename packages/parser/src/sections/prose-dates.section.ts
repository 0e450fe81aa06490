import type { ParseContext } from '../parse-context';
import type { LetterDates } from '../types';
import { DATE_FIELD_NAMES, DATE_TOKEN, readStatedDate } from './date-token';

const D = `(${DATE_TOKEN})`;
const flags = 'i';

// How the letters state each date in prose; the first sentence that states one wins.
const PROSE_DATES: ReadonlyArray<readonly [keyof LetterDates, RegExp]> = [
  ['injury', new RegExp(`date\\s?of\\s?injury\\s?(?:of|on|is|was|:)?\\s?${D}`, flags)],
  ['injury', new RegExp(`${D}\\s?(?:industrial\\s)?date\\s?of\\s?injury`, flags)],
  [
    'injury',
    new RegExp(
      `(?:reported|sustained|suffered|incurred|had)\\s(?:an?\\s|the\\s)?(?:[a-z-]+\\s){0,3}?injur(?:y|ies)\\s(?:on|dated|of)\\s${D}`,
      flags,
    ),
  ],
  ['injury', new RegExp(`\\binjured\\s(?:at\\swork\\s)?on\\s${D}`, flags)],
  [
    'urDenial',
    new RegExp(
      `(?:utilization\\s?review|\\bUR\\b)(?:\\s(?:determination|decision|report|letter))?\\s(?:dated|of|on)\\s${D},?\\s(?:which\\s)?(?:denied|non-?certified|modified)`,
      flags,
    ),
  ],
  [
    'urDenial',
    new RegExp(
      `(?:utilization\\s?review|\\bUR\\b)\\s?(?:denial|non-?certification|modification)(?:\\s(?:letter|determination))?\\s(?:dated|of|on)\\s${D}`,
      flags,
    ),
  ],
  [
    'urDenial',
    new RegExp(
      `(?:denied|non-?certified)\\s(?:at|by|in)\\s(?:the\\s)?(?:utilization\\s?review|UR)\\s(?:dated\\s|on\\s|of\\s)${D}`,
      flags,
    ),
  ],
  [
    'applicationReceived',
    new RegExp(
      `application\\sfor\\sIndependent\\sMedical\\sReview\\swas\\s(?:filed|received)\\son\\s${D}`,
      flags,
    ),
  ],
  ['assigned', new RegExp(`Notice\\sof\\sAssignment[^.]{0,120}?\\s(?:on|dated)\\s${D}`, flags)],
];

// Dates that are not letter fields but are reported when unreadable (seed 004: "At the time (21/1/14) of request").
const REQUEST_DATES: readonly RegExp[] = [
  /\bat\sthe\stime\s\(([\d/.-]{3,12})\)\sof\s(?:the\s)?request/i,
  new RegExp(`request\\sfor\\sauthori[sz]ation[^.]{0,160}?\\swas\\sdated\\s${D}`, flags),
];

/** Dates stated in running text: "date of injury of 06/20/2008", "The utilization review dated 10/22/2013 denied". */
export function readProseDates(prose: string, context: ParseContext): Partial<LetterDates> {
  const dates: Partial<LetterDates> = {};
  for (const [field, pattern] of PROSE_DATES) {
    if (dates[field] !== undefined) continue;
    const token = pattern.exec(prose)?.[1];
    if (token === undefined) continue;
    const date = readStatedDate(token, DATE_FIELD_NAMES[field], context);
    if (date !== null) dates[field] = date;
  }
  for (const pattern of REQUEST_DATES) {
    const token = pattern.exec(prose)?.[1];
    if (token !== undefined) readStatedDate(token, 'request', context);
  }
  return dates;
}
