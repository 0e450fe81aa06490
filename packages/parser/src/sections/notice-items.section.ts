import type { ParseContext } from '../parse-context';
import { unwrapLines } from '../text/unwrap-lines';
import type { Citation, Decision } from '../types';
import { readCitations } from './citations.section';
import { NumberedPhrase } from './numbered-phrase';
import type { RawItem } from './raw-item';

// 2013 notices state each decision in a numbered list (often printed twice):
//   "1) MAXIMUS Federal Services, Inc. has determined the request for a 28 day functional restoration program
//    is not medically necessary and appropriate."
// and explain each item in its own section:
//   "1) Regarding the request for a 28 day functional restoration program:" followed by "Medical Treatment
//   Guideline(s) the Claims Administrator used:", "... the Expert Reviewer used:", "Rationale for the Decision:".
const DETERMINATION_ENTRY = new NumberedPhrase(
  'MAXIMUS\\s?Federal\\s?Services,?\\s?Inc\\.?,?\\s?has\\s?determined\\s?(?:that\\s)?the\\s?request\\s?for\\s?',
);
const NECESSITY = /\b(?:is|are|was|were)\s?(not\s?)?medically\s?necessary/i;
const REGARDING = new NumberedPhrase('Regarding\\s?the\\s?request\\s?for\\s?');
const CLAIMS_LABEL =
  /Medical\s?Treatment\s?Guidelines?\s?(?:\(s\))?\s?(?:the\s)?Claims\s?Administrator\s?used\s?:/i;
const REVIEWER_LABEL =
  /Medical\s?Treatment\s?Guidelines?\s?(?:\(s\))?\s?(?:the\s)?Expert\s?Reviewer\s?used\s?:/i;
const RATIONALE_LABEL = /Rationale\s?for\s?the\s?Decision\s?:/i;
const CLOSING = /Effect\s?of\s?the\s?Decision\s?:|\n(?:cc|CC)\s?:|\n\/[a-z]{1,4}(?:\n|$)/;
const REVIEWER_AGREES =
  /found\s?(?:that\s)?the\s?(?:guidelines?\s?used\s?by\s?the\s?Claims\s?Administrator|Claims\s?Administrator'?s\s?guidelines?)\s?(?:was|were)?\s?(?:relevant|appropriate)/i;
const MAX_TITLE_CHARS = 400;
const TITLE_EDGES = /^[\s:,-]+|[\s:,.-]+$/g;

interface NumberedTitle {
  number: number | null;
  title: string;
}

function cleanTitle(text: string): string {
  return unwrapLines(text).replace(TITLE_EDGES, '');
}

const NECESSITY_STATEMENTS = new RegExp(NECESSITY.source, 'gi');

/** The rationale's last word on necessity ("The request ... is not medically necessary and appropriate."). */
function necessityDecision(text: string): Decision | null {
  let decision: Decision | null = null;
  NECESSITY_STATEMENTS.lastIndex = 0;
  for (
    let stated = NECESSITY_STATEMENTS.exec(text);
    stated !== null;
    stated = NECESSITY_STATEMENTS.exec(text)
  ) {
    decision = stated[1] === undefined ? 'OVERTURNED' : 'UPHELD';
  }
  return decision;
}

function readDeterminationEntries(text: string): Array<NumberedTitle & { decision: Decision }> {
  const entries: Array<NumberedTitle & { decision: Decision }> = [];
  for (
    let match = DETERMINATION_ENTRY.exec(text, 0);
    match !== null;
    match = DETERMINATION_ENTRY.exec(text, match.index + match[0].length)
  ) {
    const rest = text.slice(match.index + match[0].length, match.index + match[0].length + MAX_TITLE_CHARS);
    const stated = NECESSITY.exec(rest);
    if (!stated) continue;
    const title = cleanTitle(rest.slice(0, stated.index));
    if (title.length === 0) continue;
    entries.push({
      number: match[1] === undefined ? null : Number(match[1]),
      title,
      decision: stated[1] === undefined ? 'OVERTURNED' : 'UPHELD',
    });
  }
  return entries;
}

function labelledPart(block: string, label: RegExp, others: readonly RegExp[]): string | null {
  const match = label.exec(block);
  if (!match) return null;
  const start = match.index + match[0].length;
  let end = block.length;
  for (const other of others) {
    const next = other.exec(block.slice(start));
    if (next) end = Math.min(end, start + next.index);
  }
  return block.slice(start, end);
}

function readItemSection(block: string, context: ParseContext): Pick<RawItem, 'citations' | 'rationale'> {
  const labels = [CLAIMS_LABEL, REVIEWER_LABEL, RATIONALE_LABEL];
  const claims = labelledPart(block, CLAIMS_LABEL, labels);
  const reviewer = labelledPart(block, REVIEWER_LABEL, labels);
  const rationale = labelledPart(block, RATIONALE_LABEL, labels) ?? '';
  const claimsCitations = claims === null ? [] : readCitations(claims, 'CLAIMS_ADMINISTRATOR', context);
  let reviewerCitations: Citation[] =
    reviewer === null ? [] : readCitations(reviewer, 'IMR_REVIEWER', context);
  // "The Expert Reviewer found the guideline used by the Claims Administrator was relevant and appropriate":
  // the reviewer relied on the same guidelines.
  if (reviewer !== null && REVIEWER_AGREES.test(unwrapLines(reviewer))) {
    const ownCitations = reviewerCitations.filter(
      (citation) => citation.source !== 'OTHER' && citation.source !== 'NONE',
    );
    if (ownCitations.length === 0) {
      reviewerCitations = claimsCitations
        .filter((citation) => citation.source !== 'NONE')
        .map((citation) => ({ ...citation, citedBy: 'IMR_REVIEWER' as const }));
    }
  }
  return {
    citations: [...claimsCitations, ...reviewerCitations],
    rationale: unwrapLines(rationale),
  };
}

/** The disputed items of a 2013 notice: decisions from the numbered list, details from the item sections. */
export function readNoticeItems(text: string, context: ParseContext): RawItem[] {
  const entries = readDeterminationEntries(text);
  const items: RawItem[] = entries.map((entry) => ({
    title: entry.title,
    decision: entry.decision,
    citations: [],
    rationale: '',
  }));

  const sections: Array<NumberedTitle & { start: number; blockStart: number }> = [];
  for (
    let match = REGARDING.exec(text, 0);
    match !== null;
    match = REGARDING.exec(text, match.index + match[0].length)
  ) {
    const titleStart = match.index + match[0].length;
    const colon = text.slice(titleStart, titleStart + MAX_TITLE_CHARS).indexOf(':');
    if (colon === -1) continue;
    sections.push({
      number: match[1] === undefined ? null : Number(match[1]),
      title: cleanTitle(text.slice(titleStart, titleStart + colon)),
      start: match.index,
      blockStart: titleStart + colon + 1,
    });
  }
  const entryByNumber = new Map<number, (typeof entries)[number]>();
  const entryByTitle = new Map<string, (typeof entries)[number]>();
  for (const entry of entries) {
    if (entry.number !== null && !entryByNumber.has(entry.number)) entryByNumber.set(entry.number, entry);
    if (!entryByTitle.has(entry.title.toLowerCase())) entryByTitle.set(entry.title.toLowerCase(), entry);
  }
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i]!;
    let block = text.slice(section.blockStart, sections[i + 1]?.start ?? text.length);
    const closing = CLOSING.exec(block);
    if (closing) block = block.slice(0, closing.index);
    const details = readItemSection(block, context);
    // The list's title is the one the decision was stated for; match by number, else by title.
    const listed =
      (section.number === null ? undefined : entryByNumber.get(section.number)) ??
      entryByTitle.get(section.title.toLowerCase());
    items.push({
      title: listed?.title ?? section.title,
      decision: listed?.decision ?? necessityDecision(details.rationale) ?? 'UNKNOWN',
      ...details,
    });
  }
  return items;
}
