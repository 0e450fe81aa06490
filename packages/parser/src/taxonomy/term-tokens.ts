/** A word or number of a phrase as the dictionaries see it. */
export interface TermToken {
  /** The matching key: lower case, light plural folding ("injections" → "injection"). */
  term: string;
  /** The token as written, lower case. */
  raw: string;
  /** Offsets into the lower-cased input, end exclusive. */
  start: number;
  end: number;
  isNumber: boolean;
}

/** Long inputs are cut here: a heading or credentials phrase never needs more, and garbage stays cheap. */
export const MAX_TERM_INPUT = 2000;

const CHAR_A = 97;
const CHAR_Z = 122;
const CHAR_0 = 48;
const CHAR_9 = 57;
const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

function isLetter(code: number): boolean {
  return code >= CHAR_A && code <= CHAR_Z;
}

function isDigit(code: number): boolean {
  return code >= CHAR_0 && code <= CHAR_9;
}

/**
 * Folds the plural so that "sessions", "injections", "therapies", "knees" meet their dictionary singular.
 * Applied to the dictionaries and the input alike, so an odd fold ("butrans" → "butran") still matches.
 */
export function foldPlural(word: string): string {
  const n = word.length;
  // Four-letter words are left alone: "tens" (the unit) must not become "ten"; dictionaries list "hips", "legs".
  if (n < 5 || word.charCodeAt(n - 1) !== 115) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ches') || word.endsWith('shes') || word.endsWith('sses') || word.endsWith('xes')) {
    return word.slice(0, -2);
  }
  const before = word.charCodeAt(n - 2);
  // -ss (process), -us (bonus), -is (arthritis) are not plurals.
  if (before === 115 || before === 117 || before === 105) return word;
  return word.slice(0, -1);
}

/**
 * Splits text into lower-case words and numbers: letters and digits are separate tokens ("4mg" → 4, mg;
 * "c5-6" → c, 5, 6), apostrophes join ("patient's" → patients), everything else separates. One pass, linear.
 */
export function tokenizeTerms(text: string, limit = MAX_TERM_INPUT): TermToken[] {
  const lower = (text.length > limit ? text.slice(0, limit) : text).toLowerCase();
  const tokens: TermToken[] = [];
  let i = 0;
  const n = lower.length;
  while (i < n) {
    const code = lower.charCodeAt(i);
    if (isLetter(code)) {
      const start = i;
      let word = '';
      while (i < n) {
        const c = lower.charCodeAt(i);
        if (isLetter(c)) {
          word += lower[i];
          i++;
        } else if (
          (c === APOSTROPHE || c === RIGHT_QUOTE) &&
          i + 1 < n &&
          isLetter(lower.charCodeAt(i + 1))
        ) {
          i++;
        } else break;
      }
      tokens.push({ term: foldPlural(word), raw: word, start, end: i, isNumber: false });
    } else if (isDigit(code)) {
      const start = i;
      while (i < n && isDigit(lower.charCodeAt(i))) i++;
      const raw = lower.slice(start, i);
      tokens.push({ term: raw, raw, start, end: i, isNumber: true });
    } else i++;
  }
  return tokens;
}

/** The matching keys of a dictionary phrase ("&" reads as "and"). */
export function phraseTerms(phrase: string): string[] {
  return tokenizeTerms(phrase.replace(/&/g, ' and '), Number.POSITIVE_INFINITY).map((token) => token.term);
}
