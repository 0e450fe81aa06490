// Turns extracted letter text (PDF text, HTML, markdown, plain) into one canonical form the section readers
// share: LF line breaks, one line per non-empty source line, trimmed, single spaces, plain ASCII quotes,
// no markup, no page footers. Line breaks are kept because headings and item titles start lines.

import { NextOccurrence } from './next-occurrence';

const HTML_TAG = /<\/?[a-zA-Z][^<>]{0,300}>/;
const HTML_BLOCK_END = /<(?:br\s*\/?|\/p|\/div|\/tr|\/li|\/h[1-6])\s*>/gi;
const HTML_ANY_TAG = /<\/?[a-zA-Z!][^<>]{0,300}>/g;
const HTML_ENTITY = /&(?:#(\d{1,6})|#x([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '-',
  mdash: '-',
  lsquo: "'",
  rsquo: "'",
  ldquo: '"',
  rdquo: '"',
  hellip: '...',
};

// Characters PDF extraction and word processors introduce; each maps onto its plain equivalent.
const CARRIAGE_RETURNS = /\r\n?/g;
const SPECIAL_CHARS =
  /[\f\v\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u200b-\u200d\u2060\ufeff\u00ad\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033\u2010-\u2015\u2212\u2026\u2022\u25cf\u00b7]/g;
function replaceSpecialChar(ch: string): string {
  switch (ch) {
    case '\f':
    case '\v':
      return '\n';
    case '\u200b':
    case '\u200c':
    case '\u200d':
    case '\u2060':
    case '\ufeff':
    case '\u00ad':
      return '';
    case '\u2018':
    case '\u2019':
    case '\u201a':
    case '\u201b':
    case '\u2032':
      return "'";
    case '\u201c':
    case '\u201d':
    case '\u201e':
    case '\u201f':
    case '\u2033':
      return '"';
    case '\u2026':
      return '...';
    case '\u2022':
    case '\u25cf':
    case '\u00b7':
      return '-';
    default: {
      const code = ch.charCodeAt(0);
      return (code >= 0x2010 && code <= 0x2015) || code === 0x2212 ? '-' : ' ';
    }
  }
}

const MARKDOWN_HEADING = /^#{1,6}\s+/;
const MARKDOWN_EMPHASIS = /\*\*|__/g;
const SPACE_RUN = / {2,}/g;
const MARKDOWN_HEADING_LINE = /(?:^|\n)#{1,6}\s/;
const PAGE_FOOTER = /Page\s?\d{1,4}\s?of\s?\d/;
const INLINE_PAGE_FOOTER = /\s*\bPage\s?\d{1,4}\s?of\s?\d{1,4}\b\s*/g;
const LABELLED_CASE_NUMBER_LINE = /^(?:IMR\s?|MAXIMUS\s?)?Case\s?(?:Number|No\.?)\s?:?\s?CM\d{2}-\d{4,8}$/i;
const BARE_CASE_NUMBER_LINE = /^CM\d{2}-\d{4,8}$/;

export interface NormalisedText {
  /** Non-empty trimmed lines joined by '\n'. */
  text: string;
  /** The input carried HTML tags or markdown markup (the header-block variants do). */
  hadMarkup: boolean;
  /** The case number printed alone on a line (a page footer), removed from the text. */
  footerCaseNumber: string | null;
}

function decodeEntities(text: string): string {
  return text.replace(
    HTML_ENTITY,
    (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec !== undefined || hex !== undefined) {
        const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
      }
      return NAMED_ENTITIES[(name ?? '').toLowerCase()] ?? whole;
    },
  );
}

/** What the line pass knows of the whole text, and what it learns line by line. */
interface LineState {
  hasMarkdown: boolean;
  hasFooters: boolean;
  hasCaseNumbers: boolean;
  hadMarkup: boolean;
  seenLabelledLines: Set<string>;
  footerCaseNumber: string | null;
}

/** One line as the normalised text has it, or null when the line is dropped (blank, or a page footer). */
function cleanLine(rawLine: string, state: LineState): string | null {
  let line = rawLine;
  if (
    state.hasMarkdown &&
    (line.indexOf('#') !== -1 || line.indexOf('**') !== -1 || line.indexOf('__') !== -1)
  ) {
    const stripped = line.trimStart().replace(MARKDOWN_HEADING, '').replace(MARKDOWN_EMPHASIS, '');
    if (stripped !== line.trimStart()) state.hadMarkup = true;
    line = stripped;
  }
  if (state.hasFooters && line.indexOf('Page') !== -1) line = line.replace(INLINE_PAGE_FOOTER, ' ');
  if (line.indexOf('  ') !== -1) line = line.replace(SPACE_RUN, ' ');
  line = line.trim();
  if (line.length === 0) return null;
  if (state.hasCaseNumbers && line.length < 60 && line.indexOf('CM') !== -1) {
    // Page footers print the case number alone on a line; a labelled line repeated is a footer too.
    if (BARE_CASE_NUMBER_LINE.test(line)) {
      state.footerCaseNumber ??= line.toUpperCase();
      return null;
    }
    if (LABELLED_CASE_NUMBER_LINE.test(line)) {
      if (state.seenLabelledLines.has(line)) return null;
      state.seenLabelledLines.add(line);
    }
  }
  return line;
}

const SPACE = 32;

/** Printable ASCII other than the space: no trim removes it, so a line that starts and ends so keeps its ends. */
function isPrintable(code: number): boolean {
  return code > SPACE && code < 127;
}

/**
 * cleanLine over every line, without cutting most lines out of the text: a line that cleanLine would return
 * unchanged, less the spaces at its ends, is found by a few character checks and kept as a slice, and runs of
 * such lines as one slice. Only the rest (markup, footers, case numbers, space runs, unusual characters at an
 * end) are cut out and cleaned one by one.
 */
function cleanLines(text: string, state: LineState): string {
  const spaceRuns = new NextOccurrence(text, '  ');
  const hashes = state.hasMarkdown ? new NextOccurrence(text, '#') : null;
  const stars = state.hasMarkdown ? new NextOccurrence(text, '**') : null;
  const underscores = state.hasMarkdown ? new NextOccurrence(text, '__') : null;
  const pages = state.hasFooters ? new NextOccurrence(text, 'Page') : null;
  const caseNumbers = state.hasCaseNumbers ? new NextOccurrence(text, 'CM') : null;
  const pieces: string[] = [];
  // The run of whole lines kept as they stand, [runStart, runEnd), not yet added to pieces.
  let runStart = -1;
  let runEnd = -1;
  for (let lineStart = 0; lineStart <= text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && text.charCodeAt(start) === SPACE) start++;
    while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
    const plain =
      start < end &&
      isPrintable(text.charCodeAt(start)) &&
      isPrintable(text.charCodeAt(end - 1)) &&
      !spaceRuns.within(start, end) &&
      !(hashes?.within(start, end) || stars?.within(start, end) || underscores?.within(start, end)) &&
      !pages?.within(start, end) &&
      !(end - start < 60 && caseNumbers?.within(start, end));
    if (plain && start === lineStart && end === lineEnd) {
      if (runStart === -1) runStart = lineStart;
      runEnd = lineEnd;
    } else {
      if (runStart !== -1) {
        pieces.push(text.slice(runStart, runEnd));
        runStart = -1;
      }
      if (plain) pieces.push(text.slice(start, end));
      else if (start < end) {
        const line = cleanLine(text.slice(lineStart, lineEnd), state);
        if (line !== null) pieces.push(line);
      }
    }
    lineStart = lineEnd + 1;
  }
  if (runStart !== -1) pieces.push(text.slice(runStart, runEnd));
  return pieces.join('\n');
}

/** `plainAscii`: the caller found only printable ASCII, line feeds, tabs and form feeds (see isPlainAscii). */
export function normaliseText(raw: string, plainAscii = false): NormalisedText {
  let text = raw;
  let hadMarkup = false;
  // Asked of the input as given: an entity may decode to a tab, which is then kept as plain ASCII keeps it.
  const hasTabs = plainAscii && raw.indexOf('\t') !== -1;
  const hasFormFeeds = plainAscii && raw.indexOf('\f') !== -1;
  if (text.indexOf('<') !== -1 && HTML_TAG.test(text)) {
    hadMarkup = true;
    text = text.replace(HTML_BLOCK_END, '\n').replace(HTML_ANY_TAG, ' ');
  }
  let decoded = false;
  if (text.indexOf('&') !== -1) {
    const before = text;
    text = decodeEntities(text);
    decoded = text !== before;
  }
  // Plain ASCII with no tab or form feed has nothing to replace, not even what its entities decoded to. With
  // them, decoded entities may need replacing as in any other text; without, only tabs and form feeds do.
  if (!plainAscii || ((hasTabs || hasFormFeeds) && decoded)) {
    if (text.indexOf('\r') !== -1) text = text.replace(CARRIAGE_RETURNS, '\n');
    text = text.replace(SPECIAL_CHARS, replaceSpecialChar);
  } else {
    if (hasFormFeeds) text = text.replaceAll('\f', '\n');
    if (hasTabs) text = text.replaceAll('\t', ' ');
  }

  // Markup, page footers and case-number lines need a closer look at a line; most letters have none.
  const hasMarkdown =
    ((text.charCodeAt(0) === 35 || text.indexOf('\n#') !== -1) && MARKDOWN_HEADING_LINE.test(text)) ||
    text.indexOf('**') !== -1 ||
    text.indexOf('__') !== -1;
  const hasFooters = text.indexOf('Page') !== -1 && PAGE_FOOTER.test(text);
  const lines: LineState = {
    hasMarkdown,
    hasFooters,
    hasCaseNumbers: text.indexOf('CM') !== -1,
    hadMarkup,
    seenLabelledLines: new Set<string>(),
    footerCaseNumber: null,
  };
  const cleaned = cleanLines(text, lines);
  return { text: cleaned, hadMarkup: lines.hadMarkup, footerCaseNumber: lines.footerCaseNumber };
}
