import type { SeededRandom } from '../seeded-random';

// Text as extracted from the published PDFs (seeds 000, 002, 003, 004): every printed line ends in a space
// and is followed by a blank line (" \n\n"), a paragraph break is a line holding one space, and a page break
// adds one more blank line in the middle of whatever is being printed.

const WORD_HYPHEN = /^(.*[A-Za-z0-9]-)(.+)$/;

/**
 * Greedy wrap at spaces; a hyphenated word that straddles the margin may break after its hyphen ("4-" /
 * "6 sessions", "flare-" / "up") as the PDFs do. Joining the lines back with single spaces, or directly after
 * such a hyphen, gives the input again, which is how the truth's unwrapped text is defined.
 */
export function wrapWords(text: string, width: number, random: SeededRandom | null): string[] {
  const lines: string[] = [];
  let line = '';
  let start = 0;
  const length = text.length;
  while (start < length) {
    let end = text.indexOf(' ', start);
    if (end === -1) end = length;
    if (end === start) {
      start++;
      continue;
    }
    const word = text.slice(start, end);
    start = end + 1;
    if (line.length === 0) {
      line = word;
    } else if (line.length + 1 + word.length <= width) {
      line += ` ${word}`;
    } else {
      const hyphen = random === null || word.indexOf('-') === -1 ? null : WORD_HYPHEN.exec(word);
      if (hyphen !== null && line.length + 1 + hyphen[1]!.length <= width && random!.chance(0.5)) {
        lines.push(`${line} ${hyphen[1]}`);
        line = hyphen[2]!;
      } else {
        lines.push(line);
        line = word;
      }
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

export class PdfTextWriter {
  private readonly parts: string[] = [];
  private linesOnPage = 0;

  constructor(
    private readonly random: SeededRandom,
    private readonly width: number,
    private readonly pageLines: number,
  ) {}

  /** One printed line. */
  line(text: string): void {
    this.parts.push(`${text} \n\n`);
    this.countLine();
  }

  /** The one-space line that separates paragraphs. */
  gap(): void {
    this.line('');
  }

  /** Extra empty lines (seen before item headings and at the end of letters). */
  empty(count = 1): void {
    for (let i = 0; i < count; i++) this.parts.push('\n\n');
  }

  raw(text: string): void {
    this.parts.push(text);
  }

  /**
   * A paragraph wrapped at the page width; `tail` is appended to its last line (the PDFs' "   "). Guideline
   * lines never break at a hyphen: readers fold them with spaces, so "Anti-" / "epilepsy" would change a topic.
   */
  paragraph(text: string, tail = '', hyphenBreaks = true): void {
    const lines = wrapWords(text, this.width, hyphenBreaks ? this.random : null);
    lines.forEach((line, i) => {
      this.line(i === lines.length - 1 ? `${line}${tail}` : line);
    });
  }

  /** A paragraph wrapped at a narrower width and never at a hyphen (bold headings). */
  heading(text: string, width: number): string[] {
    return wrapWords(text, width, null);
  }

  toString(): string {
    return this.parts.join('');
  }

  private countLine(): void {
    this.linesOnPage++;
    if (this.linesOnPage >= this.pageLines) {
      this.parts.push('\n\n');
      this.linesOnPage = 0;
    }
  }
}
