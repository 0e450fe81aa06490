// The headed sections of 2014+ letters. A heading counts when it is printed in capitals (as every published
// layout does) or stands on its own line (the markdown variant may use title case). Hard wraps and lost
// spaces are tolerated ("IMR ISSUES, DECISIONS AND\nRATIONALES"), so the patterns allow optional whitespace.

export type SectionKind = 'qualifications' | 'summary' | 'decisions' | 'documents';

const HEADINGS = new RegExp(
  [
    '(?<qualifications>HOW\\s?THE\\s?IMR\\s?FINAL\\s?DETERMINATION\\s?WAS\\s?MADE)',
    '(?<summary>CLINICAL\\s?CASE\\s?SUMMARY)',
    '(?<decisions>IMR\\s?ISSUES\\s?,?\\s?DECISIONS?\\s?AND\\s?RATIONALES?|IMR\\s?DECISION\\s?\\(?S?\\)?\\s?AND\\s?RATIONALE\\s?\\(?S?\\)?)',
    '(?<documents>DOCUMENTS\\s?REVIEWED)',
  ].join('|'),
  'gi',
);
const LINE_END_AFTER = /^\s?:?\s?(?:\n|$)/;

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

function isHeading(text: string, index: number, matched: string): boolean {
  if (matched === matched.toUpperCase()) return true;
  const startsLine = index === 0 || text[index - 1] === '\n';
  return startsLine && LINE_END_AFTER.test(text.slice(index + matched.length, index + matched.length + 3));
}

/** Splits a normalised letter at its section headings, in text order. */
export function splitLetterSections(text: string): LetterSections {
  const found: Array<{ kind: SectionKind; start: number; end: number; heading: string }> = [];
  HEADINGS.lastIndex = 0;
  for (let match = HEADINGS.exec(text); match !== null; match = HEADINGS.exec(text)) {
    if (!isHeading(text, match.index, match[0])) continue;
    const groups = match.groups ?? {};
    const kind = (Object.keys(groups) as SectionKind[]).find((name) => groups[name] !== undefined);
    if (kind === undefined) continue;
    let end = match.index + match[0].length;
    if (text[end] === ':') end++;
    found.push({ kind, start: match.index, end, heading: match[0] });
  }
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
