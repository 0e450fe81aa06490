// Labels ("Decision rationale:") end at a colon and decisions (": Upheld") start at one. Colons are found by a
// fast native search, and these checks tell, from a few characters, which colons are worth a pattern: a
// case-insensitive pattern scanned over a whole section costs far more than looking at every colon.
// Both checks are necessary conditions only (never false for a colon the pattern would match), so skipping
// the colons they reject changes no match. Letters are compared ASCII case-insensitively, as a non-unicode
// 'i' pattern compares them.

const SPACE = 32;
const ASCII_END = 128;
const CASE_BIT = 0x20;

/** Whether `\s` may match this character: the ASCII controls and space, and anything outside ASCII. */
function maySpace(code: number): boolean {
  return code <= SPACE || code >= ASCII_END;
}

function isLetterAt(text: string, index: number, lowerCase: string): boolean {
  for (let j = 0; j < lowerCase.length; j++) {
    if ((text.charCodeAt(index + j) | CASE_BIT) !== lowerCase.charCodeAt(j)) return false;
  }
  return true;
}

function endsWithAt(text: string, end: number, words: readonly string[]): boolean {
  return words.some((word) => end - word.length >= 0 && isLetterAt(text, end - word.length, word));
}

/**
 * Whether one of `words` (lower case letters) may end right before the colon at `colon`, with at most one
 * whitespace character between (`(?:word|...)\s?:`).
 */
export function mayEndBeforeColon(text: string, colon: number, words: readonly string[]): boolean {
  if (endsWithAt(text, colon, words)) return true;
  return colon > 0 && maySpace(text.charCodeAt(colon - 1)) && endsWithAt(text, colon - 1, words);
}

/**
 * Whether a word starting with one of `firstLetters` (lower case) may follow the colon at `colon`, with at
 * most one whitespace character between (`:\s?(?:Word|...)`).
 */
export function mayStartAfterColon(text: string, colon: number, firstLetters: string): boolean {
  const startsWord = (index: number): boolean => {
    const code = text.charCodeAt(index) | CASE_BIT;
    for (let j = 0; j < firstLetters.length; j++) if (code === firstLetters.charCodeAt(j)) return true;
    return false;
  };
  if (startsWord(colon + 1)) return true;
  return colon + 2 < text.length && maySpace(text.charCodeAt(colon + 1)) && startsWord(colon + 2);
}
