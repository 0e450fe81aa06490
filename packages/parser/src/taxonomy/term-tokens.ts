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

function readTokens(lower: string): TermToken[] {
  const tokens: TermToken[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const code = lower.charCodeAt(i);
    if (isLetter(code)) {
      const start = i;
      let hasApostrophe = false;
      while (i < n) {
        const c = lower.charCodeAt(i);
        if (isLetter(c)) i++;
        else if ((c === APOSTROPHE || c === RIGHT_QUOTE) && i + 1 < n && isLetter(lower.charCodeAt(i + 1))) {
          hasApostrophe = true;
          i++;
        } else break;
      }
      const written = lower.slice(start, i);
      const raw = hasApostrophe ? written.replace(/['\u2019]/g, '') : written;
      tokens.push({ term: foldPlural(raw), raw, start, end: i, isNumber: false });
    } else if (isDigit(code)) {
      const start = i;
      while (i < n && isDigit(lower.charCodeAt(i))) i++;
      const raw = lower.slice(start, i);
      tokens.push({ term: raw, raw, start, end: i, isNumber: true });
    } else i++;
  }
  return tokens;
}

// The parser asks several lookups about the same heading in a row: tokenise it once.
let lastText: string | null = null;
let lastLimit = 0;
let lastTokens: readonly TermToken[] = [];

/**
 * Splits text into lower-case words and numbers: letters and digits are separate tokens ("4mg" → 4, mg;
 * "c5-6" → c, 5, 6), apostrophes join ("patient's" → patients), everything else separates. One pass, linear.
 * The result is shared with the next call for the same text: treat it as read-only.
 */
export function tokenizeTerms(text: string, limit = MAX_TERM_INPUT): readonly TermToken[] {
  if (text === lastText && limit === lastLimit) return lastTokens;
  const tokens = readTokens((text.length > limit ? text.slice(0, limit) : text).toLowerCase());
  lastText = text;
  lastLimit = limit;
  lastTokens = tokens;
  return tokens;
}

/** The matching keys of a dictionary phrase ("&" reads as "and"). */
export function phraseTerms(phrase: string): string[] {
  return readTokens(phrase.replace(/&/g, ' and ').toLowerCase()).map((token) => token.term);
}
