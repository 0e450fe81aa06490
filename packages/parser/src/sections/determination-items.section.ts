import type { ParseContext } from '../parse-context';
import { unwrapLines } from '../text/unwrap-lines';
import { readCitations } from './citations.section';
import { mayEndBeforeColon, mayStartAfterColon } from './colon-anchors';
import { decisionOf } from './decision-word';
import type { RawItem } from './raw-item';

// 2014+ item blocks:
//   <title, possibly wrapped over lines>: Upheld          (or "<title>:" / "Upheld" on the next line)
//   Claims Administrator guideline: Decision based on ...
//   MAXIMUS guideline: Decision based on ...
//   Decision rationale: ...
// The title is found backwards from its decision: it starts a line, and the line before it ends a sentence
// (or the introduction "set forth below:", or the previous item's decision).
// Sticky: tried only at colons that may start one (see colon-anchors).
const DECISION_MARKER = /:\s?(Partially\s?Overturned|Overturned|Upheld)/iy;
const DECISION_FIRST_LETTERS = 'pou';
const LOWERCASE_LETTER = /[a-z]/;
const INTRODUCTION =
  /The\s?Final\s?Determination\s?was\s?based\s?on\s?decisions?\s?for\s?the\s?disputed\s?items?\s?\/?\s?(?:or\s)?services?\s?set\s?forth\s?below\s?:?/i;
// The three labelled parts of an item, found for the whole section in one pass.
const LABELS =
  /(?<claims>Claims\s?Administrator\s?guidelines?\s?:)|(?<reviewer>(?:MAXIMUS|Expert\s?Reviewer|IMR\s?Reviewer)\s?guidelines?\s?:)|(?<rationale>Decision\s?rationale\s?:)/gi;
const LABEL_WORDS = ['guideline', 'guidelines', 'rationale'];
/** Longer than any label LABELS matches ("Claims Administrator guidelines :" is 33 characters). */
const MAX_LABEL_CHARS = 40;
const ANY_LABEL = /guidelines?\s?:|rationale\s?:/i;
// Header fields ("Date of Injury: 11/09/2011") are never part of an item title.
const HEADER_FIELD =
  /\b(?:Case\s?Number|Date\s?Assigned|Date\s?of\s?Injury|Decision\s?Date|UR\s?Denial\s?Date|Priority|Application\s?Received)\s?:/i;
const LINE_ENDS_SENTENCE = /[.:;?!"]$/;
// "..., #1 box with 1 refill, DOS:" / "11/11/2016: Upheld": a label's colon, the title goes on past it.
const LINE_ENDS_WITH_DATE_LABEL = /\b(?:DOS|date\s?of\s?service|dated)\s?:$/i;
const SENTENCE_END_INSIDE = /[a-z]{4}[.!?]["']?\s(?=\S)/g;
const TITLE_EDGES = /^[\s:*-]+|[\s:*]+$/g;
const MAX_TITLE_CHARS = 300;

interface Marker {
  colon: number;
  end: number;
  word: string;
}

function findMarkers(section: string, from: number): Marker[] {
  const markers: Marker[] = [];
  for (let colon = section.indexOf(':', from); colon !== -1; ) {
    let next = colon + 1;
    if (mayStartAfterColon(section, colon, DECISION_FIRST_LETTERS)) {
      DECISION_MARKER.lastIndex = colon;
      const match = DECISION_MARKER.exec(section);
      if (match !== null) {
        const end = colon + match[0].length;
        next = end;
        // "Upheld" glued to the next label ("UpheldClaims") still counts; "Upheldness" would not.
        if (!LOWERCASE_LETTER.test(section[end] ?? '')) markers.push({ colon, end, word: match[1]! });
      }
    }
    colon = section.indexOf(':', next);
  }
  return markers;
}

/** Where the line holding `position` starts, looking back no further than `floor` (bounded work per item). */
function lineStart(section: string, position: number, floor: number): number {
  for (let k = position - 1; k >= floor; k--) if (section.charCodeAt(k) === 10) return k + 1;
  return floor;
}

function titleStart(section: string, regionStart: number, colon: number): number {
  const floor = Math.max(regionStart, colon - MAX_TITLE_CHARS);
  let start = lineStart(section, colon, floor);
  while (start > floor) {
    const previousEnd = start - 1;
    const previousStart = lineStart(section, previousEnd, floor);
    const previous = section.slice(previousStart, previousEnd);
    if (previous.length === 0 || ANY_LABEL.test(previous)) break;
    if (LINE_ENDS_SENTENCE.test(previous) && !LINE_ENDS_WITH_DATE_LABEL.test(previous)) break;
    if (HEADER_FIELD.test(previous)) break;
    // A line cut off by the length limit is the tail of something longer, not the start of a title.
    if (previousStart === floor && floor > regionStart) break;
    start = previousStart;
  }
  // Line breaks lost: the title follows the last sentence of whatever precedes it on the same line.
  const candidate = section.slice(start, colon);
  let cut = -1;
  SENTENCE_END_INSIDE.lastIndex = 0;
  for (
    let match = SENTENCE_END_INSIDE.exec(candidate);
    match !== null;
    match = SENTENCE_END_INSIDE.exec(candidate)
  ) {
    cut = match.index + match[0].length;
  }
  return cut === -1 ? start : start + cut;
}

interface LabelledPart {
  kind: 'claims' | 'reviewer' | 'rationale';
  start: number;
  end: number;
}

/**
 * Every LABELS match from `from` on, as its global scan finds them. Each label ends at a colon: the scan is
 * started just before the next colon that may end one, so the pattern reads a few dozen characters per label
 * instead of the whole section. A scan started there still finds the next match wherever it is (a colon that
 * ends no label costs a longer scan, never a missed label): no match can start earlier, as it would end at an
 * earlier colon, already passed.
 */
function findLabels(section: string, from: number): LabelledPart[] {
  const labels: LabelledPart[] = [];
  let scanFrom = from;
  for (let colon = section.indexOf(':', from); colon !== -1; colon = section.indexOf(':', colon + 1)) {
    if (!mayEndBeforeColon(section, colon, LABEL_WORDS)) continue;
    LABELS.lastIndex = Math.max(scanFrom, colon - MAX_LABEL_CHARS);
    const match = LABELS.exec(section);
    if (match === null) break;
    const groups = match.groups ?? {};
    const kind =
      groups.claims !== undefined ? 'claims' : groups.reviewer !== undefined ? 'reviewer' : 'rationale';
    labels.push({ kind, start: match.index, end: match.index + match[0].length });
    scanFrom = match.index + match[0].length;
    if (scanFrom > colon + 1) colon = scanFrom - 1;
  }
  return labels;
}

/** The citations and rationale of the item block [blockStart, blockEnd): the first label of each kind. */
function readBlock(
  section: string,
  blockStart: number,
  blockEnd: number,
  labels: readonly LabelledPart[],
  context: ParseContext,
): Pick<RawItem, 'citations' | 'rationale'> {
  const part = (kind: LabelledPart['kind']): string | null => {
    const index = labels.findIndex((label) => label.kind === kind);
    if (index === -1) return null;
    return section.slice(labels[index]!.end, labels[index + 1]?.start ?? blockEnd);
  };
  const claims = part('claims');
  const reviewer = part('reviewer');
  const rationale = part('rationale') ?? (labels.length === 0 ? section.slice(blockStart, blockEnd) : '');
  return {
    citations: [
      ...(claims === null ? [] : readCitations(claims, 'CLAIMS_ADMINISTRATOR', context)),
      ...(reviewer === null ? [] : readCitations(reviewer, 'IMR_REVIEWER', context)),
    ],
    rationale: unwrapLines(rationale),
  };
}

/** The disputed items of a 2014+ decision section ("IMR ISSUES, DECISIONS AND RATIONALES" and its variants). */
export function readDeterminationItems(section: string, context: ParseContext): RawItem[] {
  const introduction = INTRODUCTION.exec(section);
  const bodyStart = introduction ? introduction.index + introduction[0].length : 0;
  const markers = findMarkers(section, bodyStart);
  const labels = markers.length === 0 ? [] : findLabels(section, markers[0]!.end);
  const starts = markers.map((marker, i) =>
    titleStart(section, i === 0 ? bodyStart : markers[i - 1]!.end, marker.colon),
  );
  const items: RawItem[] = [];
  let nextLabel = 0;
  for (let i = 0; i < markers.length; i++) {
    const marker = markers[i]!;
    const title = unwrapLines(section.slice(starts[i], marker.colon)).replace(TITLE_EDGES, '');
    if (title.length === 0) {
      context.warnings.push(`a '${marker.word}' decision has no item title before it`);
      continue;
    }
    const blockEnd = starts[i + 1] ?? section.length;
    // Labels are in text order and blocks too: one forward walk hands each block its labels (no rescans).
    const blockLabels: LabelledPart[] = [];
    while (nextLabel < labels.length && labels[nextLabel]!.start < marker.end) nextLabel++;
    while (nextLabel < labels.length && labels[nextLabel]!.end <= blockEnd) {
      const label = labels[nextLabel++]!;
      if (!blockLabels.some((seen) => seen.kind === label.kind)) blockLabels.push(label);
    }
    const details = readBlock(section, marker.end, blockEnd, blockLabels, context);
    items.push({ title, decision: decisionOf(marker.word), ...details });
  }
  return items;
}
