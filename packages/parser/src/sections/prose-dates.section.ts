import type { ParseContext } from '../parse-context';
import type { LetterDates } from '../types';
import { DATE_FIELD_NAMES, NAMED_DATE_TOKEN, NUMERIC_DATE_TOKEN, readStatedDate } from './date-token';

// Dates stated in running text: "date of injury of 06/20/2008", "a 3/16/84 date of injury", "reported an
// injury on 9/20/10", "The utilization review dated 10/22/2013 denied the request". One pass finds every date
// token; the words just before and after each decide what it is. This keeps the cost to one scan of the
// letter however many phrasings are known.

const NUMERIC_DATES = new RegExp(NUMERIC_DATE_TOKEN, 'g');
const NAMED_DATES = new RegExp(NAMED_DATE_TOKEN, 'g');
const NAMED_DATE_HINT = /, ?[12]\d{3}/;
/** Most phrases fit in this many characters before the date; the two that name a far-off subject say so. */
const NEAR_CHARS = 70;
const FAR_CHARS = 200;
const AFTER_CHARS = 40;
/** Letters state a few dozen dates; past this many the text is not a letter and reading on only costs time. */
const MAX_DATES = 500;

const INJURY = ['njur', 'NJUR'];
const INJURED = ['njured', 'NJURED'];
const REVIEW = ['eview', 'EVIEW', 'UR', 'ur'];
const APPLICATION = ['pplication', 'PPLICATION'];
const ASSIGNMENT = ['ssignment', 'SSIGNMENT'];
const REQUEST = ['equest', 'EQUEST'];

interface DateContext {
  field: keyof LetterDates | 'request';
  /** Word fragments, one of which must be near the date before the patterns run (a cheap prefilter). */
  hints: readonly string[];
  before?: RegExp;
  after?: RegExp;
  /** The phrase may start up to FAR_CHARS before the date. */
  far?: true;
}

const CONTEXTS: readonly DateContext[] = [
  { field: 'injury', hints: INJURY, before: /date\s?of\s?injury\s?(?:of|on|is|was|:)?\s?$/i },
  { field: 'injury', hints: INJURY, after: /^\s?(?:industrial\s)?date\s?of\s?injury/i },
  {
    field: 'injury',
    hints: INJURY,
    before:
      /(?:reported|sustained|suffered|incurred|had)\s(?:an?\s|the\s)?(?:[a-z-]{1,20}\s){0,3}?injur(?:y|ies)\s(?:on|dated|of)\s$/i,
  },
  { field: 'injury', hints: INJURED, before: /\binjured\s(?:at\swork\s)?on\s$/i },
  {
    field: 'urDenial',
    hints: REVIEW,
    before:
      /(?:utilization\s?review|\bUR)(?:\s(?:determination|decision|report|letter))?\s(?:dated|of|on)\s$/i,
    after: /^,?\s(?:which\s)?(?:denied|non-?\s?certified|modified)/i,
  },
  {
    field: 'urDenial',
    hints: REVIEW,
    before:
      /(?:utilization\s?review|\bUR)\s?(?:denial|non-?\s?certification|modification)(?:\s(?:letter|determination))?\s(?:dated|of|on)\s$/i,
  },
  {
    field: 'urDenial',
    hints: REVIEW,
    before:
      /(?:denied|non-?\s?certified)\s(?:at|by|in)\s(?:the\s)?(?:utilization\s?review|UR)\s(?:dated\s|on\s|of\s)$/i,
  },
  {
    field: 'applicationReceived',
    hints: APPLICATION,
    before: /application\sfor\sIndependent\sMedical\sReview\swas\s(?:filed|received)\son\s$/i,
  },
  {
    field: 'assigned',
    hints: ASSIGNMENT,
    before: /Notice\sof\sAssignment[^.]{0,120}?\s(?:on|dated)\s$/i,
    far: true,
  },
  // Not a letter field, but an unreadable one is reported (seed 004: "At the time (21/1/14) of request").
  { field: 'request', hints: REQUEST, before: /\bat\sthe\stime\s\($/i, after: /^\)\sof\s(?:the\s)?request/i },
  {
    field: 'request',
    hints: REQUEST,
    before: /request\sfor\sauthori[sz]ation[^.]{0,160}?\swas\sdated\s$/i,
    far: true,
  },
];

/** Whether a hint is in the window or after it, remembered for the next context (they share hint lists). */
class HintsNear {
  private hints: readonly string[] | null = null;
  private window = '';
  private found = false;

  constructor(private readonly after: string) {}

  any(hints: readonly string[], window: string): boolean {
    if (hints !== this.hints || window !== this.window) {
      this.hints = hints;
      this.window = window;
      this.found = hints.some((hint) => window.indexOf(hint) !== -1 || this.after.indexOf(hint) !== -1);
    }
    return this.found;
  }
}

function fits(context: DateContext, near: string, far: string, after: string, hints: HintsNear): boolean {
  const window = context.far ? far : near;
  if (!hints.any(context.hints, window)) return false;
  if (context.after !== undefined && !context.after.test(after)) return false;
  return context.before === undefined || context.before.test(window);
}

/** The letter dates its prose states; an impossible date in a recognised phrase is a warning. */
export function readProseDates(text: string, context: ParseContext): Partial<LetterDates> {
  const dates: Partial<LetterDates> = {};
  const tokens = [...text.matchAll(NUMERIC_DATES)];
  if (NAMED_DATE_HINT.test(text)) {
    tokens.push(...text.matchAll(NAMED_DATES));
    tokens.sort((a, b) => a.index - b.index);
  }
  if (tokens.length > MAX_DATES) {
    context.warnings.push(`${tokens.length} dates in the text: read the first ${MAX_DATES} only`);
    tokens.length = MAX_DATES;
  }
  for (const match of tokens) {
    const near = text.slice(Math.max(0, match.index - NEAR_CHARS), match.index);
    const far = text.slice(Math.max(0, match.index - FAR_CHARS), match.index);
    const end = match.index + match[0].length;
    const after = text.slice(end, end + AFTER_CHARS);
    const hints = new HintsNear(after);
    const stated = CONTEXTS.find((candidate) => fits(candidate, near, far, after, hints));
    if (stated === undefined) continue;
    if (stated.field === 'request') {
      readStatedDate(match[0], 'request', context);
    } else if (dates[stated.field] === undefined) {
      const date = readStatedDate(match[0], DATE_FIELD_NAMES[stated.field], context);
      if (date !== null) dates[stated.field] = date;
    }
  }
  return dates;
}
