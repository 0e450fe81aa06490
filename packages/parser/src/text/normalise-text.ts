// Turns extracted letter text (PDF text, HTML, markdown, plain) into one canonical form the section readers
// share: LF line breaks, one line per non-empty source line, trimmed, single spaces, plain ASCII quotes,
// no markup, no page footers. Line breaks are kept because headings and item titles start lines.

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
    (text.indexOf('#') !== -1 && MARKDOWN_HEADING_LINE.test(text)) ||
    text.indexOf('**') !== -1 ||
    text.indexOf('__') !== -1;
  const hasFooters = PAGE_FOOTER.test(text);
  const hasCaseNumbers = text.indexOf('CM') !== -1;
  const out: string[] = [];
  const seenLabelledLines = new Set<string>();
  let footerCaseNumber: string | null = null;
  for (const rawLine of text.split('\n')) {
    let line = rawLine;
    if (hasMarkdown && (line.indexOf('#') !== -1 || line.indexOf('**') !== -1 || line.indexOf('__') !== -1)) {
      const stripped = line.trimStart().replace(MARKDOWN_HEADING, '').replace(MARKDOWN_EMPHASIS, '');
      if (stripped !== line.trimStart()) hadMarkup = true;
      line = stripped;
    }
    if (hasFooters && line.indexOf('Page') !== -1) line = line.replace(INLINE_PAGE_FOOTER, ' ');
    if (line.indexOf('  ') !== -1) line = line.replace(SPACE_RUN, ' ');
    line = line.trim();
    if (line.length === 0) continue;
    if (hasCaseNumbers && line.length < 60 && line.indexOf('CM') !== -1) {
      // Page footers print the case number alone on a line; a labelled line repeated is a footer too.
      if (BARE_CASE_NUMBER_LINE.test(line)) {
        footerCaseNumber ??= line.toUpperCase();
        continue;
      }
      if (LABELLED_CASE_NUMBER_LINE.test(line)) {
        if (seenLabelledLines.has(line)) continue;
        seenLabelledLines.add(line);
      }
    }
    out.push(line);
  }
  return { text: out.join('\n'), hadMarkup, footerCaseNumber };
}
