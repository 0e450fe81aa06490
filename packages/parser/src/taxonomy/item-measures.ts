import type { Duration, Frequency, Quantity, TimeUnit } from '../types';
import { classifyTreatment } from './treatment-lookup';

/**
 * How much, how often and for how long a heading asks for: "TWELVE (12) MASSAGE THERAPY SESSIONS",
 * "2-3/WK FOR 8-12WKS", "(1 TIME PER WEEK FOR 6 WEEKS)", "2x6", "twice a week", "1 month supply". Nothing is
 * computed that is not written: "2x6" is a frequency and a duration, not a quantity of 12. Day counts are
 * durations. All patterns are linear (no nested unbounded repeats) and the input is capped.
 */

const MAX_MEASURE_INPUT = 2000;

const SMALL_NUMBERS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const NUMBER_WORD = new RegExp(
  `\\b(?:(${TENS.join('|')})(?:[\\s-](${SMALL_NUMBERS.slice(1, 10).join('|')}))?|(${SMALL_NUMBERS.join('|')}))\\b`,
  'g',
);
const TIMES_WORD = /\b(once|twice|thrice)\b/g;
const TIMES_VALUE: Readonly<Record<string, string>> = { once: '1 time', twice: '2 times', thrice: '3 times' };
// "12 (12)" after number words are read: keep one.
const REPEATED_NUMBER = /(\d+)\s?\((\d+)\)/g;

const UNIT_WORDS = '(weeks?|wks?|months?|mos?|days?|years?|yrs?)';
const RANGE = '(\\d+)(?:\\s?(?:-|to|or)\\s?(\\d+))?';
const PER = '(?:\\/|per|a|an|each|every)';
// A count does not start inside a number, a date, a range, a spinal level ("L4-5") or a number dispensed
// ("#60 day supply: 30"); "x12" is fine.
const NOT_AFTER = '(?<![\\d.\\/#a-wyz-])';

// "2-3/wk", "2 times a month", "1 time per week", "2x/week", "3 sessions per week", "3x week".
const FREQUENCY_PER = new RegExp(
  `${NOT_AFTER}${RANGE}\\s?(?:(?:x|times?)\\s?${PER}?|(?:sessions?|visits?|treatments?|days?)?\\s?${PER})\\s?${UNIT_WORDS}(?![a-z])`,
);
// "3 times weekly", "1 time monthly" (from "once monthly").
const FREQUENCY_ADVERB = new RegExp(
  `${NOT_AFTER}${RANGE}\\s?(?:x|times?)\\s?(weekly|monthly|daily|yearly|annually)(?![a-z])`,
);
// "2x6", "3 x 4 weeks": times a week by weeks.
const TIMES_BY_WEEKS =
  /(?<![\d./])(\d)\s?x\s?(\d{1,2})(?![\d./%])(?!\s?(?:mg|mcg|ml|days?|months?|mos?|years?|yrs?|sessions?|visits?|injections?|treatments?|units?)(?![a-z]))(?!\s?(?:\/|per)\s)/;
// Every n hours: q6h, q4-6h, every 8 hours.
const EVERY_HOURS = /(?:\bq\s?|every\s)(\d{1,2})(?:\s?-\s?(\d{1,2}))?\s?(?:h|hrs?|hours?)(?![a-z])/;
const LATIN_DAILY: ReadonlyArray<[RegExp, number]> = [
  [/\b(?:qd|q\.d\.|od)\b/, 1],
  [/\b(?:bid|b\.i\.d\.)(?![a-z])/, 2],
  [/\b(?:tid|t\.i\.d\.)(?![a-z])/, 3],
  [/\b(?:qid|q\.i\.d\.)(?![a-z])/, 4],
  [/\b(?:qhs|at bedtime|nightly)\b/, 1],
];
const LONE_ADVERB = /\b(?:every\s)?(daily|weekly|monthly|yearly|annually|every day|every week|every month)\b/;

// "6 weeks", "8-12wks", "12 months", "1 month supply", "4-week"; not "3 days per week".
const DURATION = new RegExp(
  `${NOT_AFTER}${RANGE}\\s?-?\\s?${UNIT_WORDS}(?![a-z])(?!\\s?${PER}\\s?(?:week|wk|month|mo|day|year|yr))`,
);
// "2x/week x 6", "twice weekly for 8": the unit is the frequency's.
const COUNT_AFTER_FREQUENCY = /(?:\bx|\bfor)\s?(\d+)(?:\s?(?:-|to)\s?(\d+))?(?![\d./%])(?!\s?[a-z])/;

const QUANTITY_UNITS =
  '(sessions?|visits?|treatments?|injections?|units?|appointments?|class(?:es)?|hours?|hrs?|blocks?|pairs?|trips?|procedures?|tests?|panels?|rounds?|courses?|levels?)';
// "24 massage therapy sessions", "12 visits", "6-8 sessions", "12-sessions"; up to four words between.
const QUANTITY = new RegExp(
  `${NOT_AFTER}${RANGE}\\s?-?\\s?((?:(?!(?:for|per|times?|x|every|each|over|then|and|or|days?|weeks?|wks?|months?|mos?|years?|yrs?)\\s)[a-z][a-z-]*\\s){0,4}?)${QUANTITY_UNITS}(?![a-z])(?!\\s?${PER}\\s?(?:week|wk|month|mo|day|year|yr))`,
);
// "PT x12", "acupuncture #6": a bare count ("2 x 4" is a schedule, not a count).
const BARE_COUNT =
  /(?<![\d./a-z])(?<!\d\s)(?:x|#)\s?(\d{1,3})(?![\d./%])(?!\s?(?:mg|mcg|ml|weeks?|wks?|months?|mos?|days?|years?|yrs?|refills?)(?![a-z]))/;

function toTimeUnit(word: string): TimeUnit {
  if (word.startsWith('w')) return 'week';
  if (word.startsWith('m')) return 'month';
  if (word.startsWith('d')) return 'day';
  return 'year';
}

function toQuantityUnit(word: string): string {
  if (word.startsWith('appointment')) return 'visit';
  if (word.startsWith('hr') || word.startsWith('hour')) return 'hour';
  if (word.startsWith('class')) return 'class';
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

function numberWordValue(_: string, tens?: string, ones?: string, small?: string): string {
  if (small !== undefined) return String(SMALL_NUMBERS.indexOf(small));
  const value = (TENS.indexOf(tens!) + 2) * 10 + (ones === undefined ? 0 : SMALL_NUMBERS.indexOf(ones));
  return String(value);
}

let normalisedFrom: string | null = null;
let normalised = '';

/** Lower case, numbers as digits, "twelve (12)" once, whitespace folded. */
export function normaliseMeasures(title: string): string {
  if (title === normalisedFrom) return normalised;
  const capped = title.length > MAX_MEASURE_INPUT ? title.slice(0, MAX_MEASURE_INPUT) : title;
  normalised = capped
    .toLowerCase()
    .replace(NUMBER_WORD, numberWordValue)
    .replace(TIMES_WORD, (word) => TIMES_VALUE[word] ?? word)
    .replace(REPEATED_NUMBER, (whole, a: string, b: string) => (a === b ? a : whole))
    .replace(/\s+/g, ' ');
  normalisedFrom = title;
  return normalised;
}

function range(min: string, max: string | undefined): { min: number; max: number } {
  const a = Number(min);
  const b = max === undefined ? a : Number(max);
  return a <= b ? { min: a, max: b } : { min: b, max: a };
}

interface FoundFrequency {
  frequency: Frequency;
  end: number;
}

const DIGIT = /\d/;

function findFrequency(text: string): FoundFrequency | null {
  if (DIGIT.test(text)) {
    const counted = findCountedFrequency(text);
    if (counted !== null) return counted;
  }
  for (const [pattern, times] of LATIN_DAILY) {
    const latin = pattern.exec(text);
    if (latin)
      return { frequency: { min: times, max: times, per: 'day' }, end: latin.index + latin[0].length };
  }
  const lone = LONE_ADVERB.exec(text);
  if (lone) {
    const word = lone[1]!.replace('every ', '');
    const per = word === 'annually' ? 'year' : toTimeUnit(word);
    return { frequency: { min: 1, max: 1, per }, end: lone.index + lone[0].length };
  }
  return null;
}

/** Schedules written with numbers: "2-3/wk", "3 times weekly", "2x6", "q6h". */
function findCountedFrequency(text: string): FoundFrequency | null {
  const per = FREQUENCY_PER.exec(text);
  if (per)
    return {
      frequency: { ...range(per[1]!, per[2]), per: toTimeUnit(per[3]!) },
      end: per.index + per[0].length,
    };
  const adverb = FREQUENCY_ADVERB.exec(text);
  if (adverb) {
    return {
      frequency: { ...range(adverb[1]!, adverb[2]), per: toTimeUnit(adverb[3]!) },
      end: adverb.index + adverb[0].length,
    };
  }
  const byWeeks = TIMES_BY_WEEKS.exec(text);
  if (byWeeks)
    return { frequency: { ...range(byWeeks[1]!, undefined), per: 'week' }, end: byWeeks.index + 1 };
  const hours = EVERY_HOURS.exec(text);
  if (hours) {
    const shortest = Number(hours[1]);
    const longest = hours[2] === undefined ? shortest : Number(hours[2]);
    if (shortest > 0 && longest > 0 && shortest <= 24 && longest <= 24) {
      const most = Math.floor(24 / Math.min(shortest, longest));
      const least = Math.floor(24 / Math.max(shortest, longest));
      return { frequency: { min: least, max: most, per: 'day' }, end: hours.index + hours[0].length };
    }
  }
  return null;
}

let frequencyFrom: string | null = null;
let frequencyFound: FoundFrequency | null = null;

/** readFrequency and readDuration both need the schedule of the same heading: find it once. */
function frequencyOf(text: string): FoundFrequency | null {
  if (text !== frequencyFrom) {
    frequencyFound = findFrequency(text);
    frequencyFrom = text;
  }
  return frequencyFound;
}

/** How often: { min, max, per } from "2-3/wk", "2 times a month", "twice a week", "2x6", "BID", "q6h". */
export function readFrequency(title: string): Frequency | null {
  return frequencyOf(normaliseMeasures(title))?.frequency ?? null;
}

/** For how long: { min, max, unit } from "for 8-12wks", "for 12 months", "x 6 weeks", "2x6", "30 day supply". */
export function readDuration(title: string): Duration | null {
  const text = normaliseMeasures(title);
  if (!DIGIT.test(text)) return null;
  const written = DURATION.exec(text);
  if (written) return { ...range(written[1]!, written[2]), unit: toTimeUnit(written[3]!) };
  const byWeeks = TIMES_BY_WEEKS.exec(text);
  if (byWeeks) return { ...range(byWeeks[2]!, undefined), unit: 'week' };
  const found = frequencyOf(text);
  if (found === null) return null;
  const count = COUNT_AFTER_FREQUENCY.exec(text.slice(found.end));
  if (count === null) return null;
  return { ...range(count[1]!, count[2]), unit: found.frequency.per };
}

/**
 * How many: { count, unit } from "24 massage therapy sessions", "TWELVE (12) ... SESSIONS", "x12 visits",
 * "PT #12". A range counts its upper bound (what was asked for). A drug's "#90" is what is dispensed, not a
 * quantity, so bare counts are not read for pharmacy requests.
 */
export function readQuantity(title: string): Quantity | null {
  const text = normaliseMeasures(title);
  if (!DIGIT.test(text)) return null;
  const written = QUANTITY.exec(text);
  if (written) {
    const { max } = range(written[1]!, written[2]);
    return { count: max, unit: toQuantityUnit(written[4]!) };
  }
  const bare = BARE_COUNT.exec(text);
  if (bare === null) return null;
  const { category } = classifyTreatment(title);
  if (category === 'PHARMACEUTICAL') return null;
  return { count: Number(bare[1]), unit: category === 'INJECTION' ? 'injection' : 'session' };
}
