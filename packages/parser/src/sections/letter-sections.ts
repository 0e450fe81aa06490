// The headed sections of 2014+ letters. A heading counts when it is printed in capitals (as every published
// layout does) or stands on its own line (the markdown variant may use title case). Hard wraps and lost
// spaces are tolerated ("IMR ISSUES, DECISIONS AND\nRATIONALES"), so the patterns allow optional whitespace.

export type SectionKind = 'qualifications' | 'summary' | 'decisions' | 'documents';

const HEADING_PATTERNS = [
  '(?<qualifications>HOW\\s?THE\\s?IMR\\s?FINAL\\s?DETERMINATION\\s?WAS\\s?MADE)',
  '(?<summary>CLINICAL\\s?CASE\\s?SUMMARY)',
  '(?<decisions>IMR\\s?ISSUES\\s?,?\\s?DECISIONS?\\s?AND\\s?RATIONALES?|IMR\\s?DECISION\\s?\\(?S?\\)?\\s?AND\\s?RATIONALE\\s?\\(?S?\\)?)',
  '(?<documents>DOCUMENTS\\s?REVIEWED)',
].join('|');
// Headings in capitals anywhere (one case-sensitive search), and headings in any case that fill a line of
// their own (one anchored test per line start).
const CAPITALS_HEADING = new RegExp(HEADING_PATTERNS, 'g');
const LINE_HEADING = new RegExp(`(?:${HEADING_PATTERNS})(?=\\s?:?\\s?(?:\\n|$))`, 'iy');

/**
 * Whether a line starting with this character code may be a heading: every heading starts with H, C, I or D,
 * which a case-insensitive (non-Unicode) pattern matches in either case and in no other character. Most lines
 * start otherwise and are spared a pattern run.
 */
function mayStartHeading(code: number): boolean {
  const capital = code & ~0x20;
  return capital === 72 || capital === 67 || capital === 73 || capital === 68;
}

export interface LetterSection {
  kind: SectionKind;
  /** Where the heading starts. */
  start: number;
  /** The heading as printed. */
  heading: string;
  content: string;
}

export interface LetterSections {
  /** Text before the first heading (the header block, address, salutation). */
  head: string;
  sections: LetterSection[];
}

/** Splits a normalised letter at its section headings, in text order. */
export function splitLetterSections(text: string): LetterSections {
  const found: Array<{ kind: SectionKind; start: number; end: number; heading: string }> = [];
  const starts = new Set<number>();
  const add = (match: RegExpExecArray): void => {
    const groups = match.groups ?? {};
    const kind = (Object.keys(groups) as SectionKind[]).find((name) => groups[name] !== undefined);
    if (kind === undefined || starts.has(match.index)) return;
    starts.add(match.index);
    let end = match.index + match[0].length;
    if (text[end] === ':') end++;
    found.push({ kind, start: match.index, end, heading: match[0] });
  };
  CAPITALS_HEADING.lastIndex = 0;
  for (let match = CAPITALS_HEADING.exec(text); match !== null; match = CAPITALS_HEADING.exec(text))
    add(match);
  for (let lineStart = 0; lineStart < text.length; ) {
    if (mayStartHeading(text.charCodeAt(lineStart))) {
      LINE_HEADING.lastIndex = lineStart;
      const match = LINE_HEADING.exec(text);
      if (match) add(match);
    }
    const next = text.indexOf('\n', lineStart);
    if (next === -1) break;
    lineStart = next + 1;
  }
  found.sort((a, b) => a.start - b.start);
  const sections = found.map((section, i) => ({
    kind: section.kind,
    start: section.start,
    heading: section.heading,
    content: text.slice(section.end, found[i + 1]?.start ?? text.length).trim(),
  }));
  return { head: text.slice(0, found[0]?.start ?? 0), sections };
}

/** The content under each heading of one kind, in text order (a heading may be repeated). */
export function sectionTexts(sections: LetterSections, kind: SectionKind): string[] {
  return sections.sections.filter((section) => section.kind === kind).map((section) => section.content);
}

/** All content under headings of one kind, joined, or null when there is no such heading. */
export function sectionText(sections: LetterSections, kind: SectionKind): string | null {
  const parts = sectionTexts(sections, kind);
  return parts.length === 0 ? null : parts.join('\n');
}
