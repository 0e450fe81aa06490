/** "1) ", "2. ", "12 ." before a phrase: at most this many characters. */
const MAX_NUMBER_CHARS = 5;
const NUMBER = '(?:\\b(\\d{1,2})\\s?[.)]\\s?)?';

/**
 * A phrase that may be numbered, `(?:\b(\d{1,2})\s?[.)]\s?)?phrase`, the number in group 1. Scanned as one
 * pattern, the optional number makes the regex engine try every position of the text; the phrase alone is a
 * fast scan, and the number is then looked for in the few characters before the phrase found. The phrase must
 * start with a letter, and not be able to start again within its first MAX_NUMBER_CHARS characters.
 */
export class NumberedPhrase {
  private readonly phrase: RegExp;
  private readonly numbered: RegExp;

  constructor(phraseSource: string) {
    this.phrase = new RegExp(phraseSource, 'gi');
    this.numbered = new RegExp(`${NUMBER}${phraseSource}`, 'iy');
  }

  /** What the whole pattern ('gi') finds from `from` on: the leftmost start, the number when there is one. */
  exec(text: string, from: number): RegExpExecArray | null {
    this.phrase.lastIndex = from;
    const phrase = this.phrase.exec(text);
    if (phrase === null) return null;
    // A match starting before the phrase found can only be its number: no other phrase starts before it.
    for (let start = Math.max(from, phrase.index - MAX_NUMBER_CHARS); start <= phrase.index; start++) {
      this.numbered.lastIndex = start;
      const match = this.numbered.exec(text);
      if (match !== null) return match;
    }
    return null;
  }
}
