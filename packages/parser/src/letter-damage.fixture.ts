// Derives damaged variants of real letters, reproducing what PDF extraction and copying do to them, so the
// tests can check that the parser reads the same record through each kind of damage.

/** The letter's paragraphs: PDF text separates them by whitespace-only lines, other text by blank lines. */
export function paragraphsOf(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const pdfStyle = lines.some((line) => line.length > 0 && line.trim().length === 0);
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    const isBreak = pdfStyle ? line.length > 0 && line.trim().length === 0 : line.trim().length === 0;
    if (isBreak) paragraphs.push([]);
    else if (line.trim().length > 0) paragraphs.at(-1)!.push(line.trim());
  }
  return paragraphs.filter((p) => p.length > 0).map((p) => p.join(' ').replace(/\s+/g, ' '));
}

/** Greedy word wrap of each paragraph at `width` columns; paragraphs separated by a blank line. */
export function rewrap(text: string, width: number): string {
  return paragraphsOf(text)
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(' ')) {
        if (line.length > 0 && line.length + 1 + word.length > width) {
          lines.push(line);
          line = word;
        } else line = line.length === 0 ? word : `${line} ${word}`;
      }
      if (line.length > 0) lines.push(line);
      return lines.join('\n');
    })
    .join('\n\n');
}

/** Page footers ("Page n of m", and the case number when the letter has one) and a form feed every `every` lines. */
export function insertPageFooters(text: string, every: number, caseNumber: string | null): string {
  const lines = text.split('\n');
  const pages = Math.ceil(lines.length / every);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]!);
    if ((i + 1) % every === 0) {
      out.push('', `Page ${(i + 1) / every} of ${pages}`, ...(caseNumber === null ? [] : [caseNumber]), '\f');
    }
  }
  return out.join('\n');
}

/** What lost spaces look like: "notmedically", "SESSIONS:Upheld", a decision glued to the next label. */
export function dropSpaces(text: string): string {
  return text
    .replace(/not medically/g, 'notmedically')
    .replace(/:\s+(Upheld|Overturned)/g, ':$1')
    .replace(/(Upheld|Overturned)\s+Claims Administrator/g, '$1Claims Administrator');
}

/** Word-processor punctuation and non-breaking spaces. */
export function curlyQuotesAndNbsp(text: string): string {
  return text
    .replace(/"([^"\n]*)"/g, '\u201c$1\u201d')
    .replace(/'/g, '\u2019')
    .replace(/ (?=[a-z])/g, (_space, offset: number) => (offset % 3 === 0 ? '\u00a0' : ' '));
}

/** Redaction leaves gaps where names were: double spaces after "by", "Dr.", "per" and commas. */
export function redactionGaps(text: string): string {
  return text.replace(/\b(by|per|Dr\.|from) /g, '$1   ').replace(/, /g, ',  ');
}
