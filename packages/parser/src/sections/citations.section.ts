import type { ParseContext } from '../parse-context';
import { unwrapLines } from '../text/unwrap-lines';
import type { Citation, CitedBy } from '../types';
import { chapterOf, LEADING_MTUS_CHAPTER, MTUS_CHAPTER_PATTERN } from './mtus-chapters';

// One guideline line may hold several citations, each introduced by "Decision based on" (2014+) or
// "based his/her decision on the" (2013); without such a phrase the whole line is one citation.
const CITATION_START =
  /(?:Decision\s?)?\bbased\s?(?:(?:its|his\/her|his|her|their)\s?(?:decision|determination)\s?)?on\s?(?:the\s)?/gi;
const NO_EVIDENCE =
  /did\s?not\s?(?:cite|use|reference)\s?any|no\s(?:medical\s)?(?:evidence|guidelines?)\s(?:was\s|were\s)?cited|not\s?cite\s?any/i;
const SENTENCE_AFTER_CITATION = /\.\s(?=(?:The|This|Per|In|He|She|It|Also)\b)/;
// "... Opioids, pages 74-96, which is part of the MTUS, and the Official Disability Guidelines (ODG) ...".
// "MTUS General Approaches 2004, Section(s): ..., and Neck and Upper Back Complaints 2004, Section(s): ...".
const SECOND_SOURCE = new RegExp(
  `,?\\s(?:and|as\\swell\\sas)\\s(?:the\\s)?(?=(?:Official\\s?Disability|ODG\\b|ACOEM\\b|MTUS\\b|Chronic\\s?Pain|California\\s?Code|Title\\s?8\\b|${LEADING_MTUS_CHAPTER.source.slice(1)}))`,
  'i',
);
const PAGES =
  /,?\s?\b(?:Page\s?\(s\)|pages?|pp?\.|pgs?\.?)\s?:?\s?(\d{1,4}(?:\s?(?:-|,|and|&|to)\s?\d{1,4})*)/i;
const PAGE_RANGE = /^(\d{1,4})\s?(?:-|to)\s?(\d{1,4})$/;
const PAGE_LIST_SEPARATOR = /\s?(?:,|and|&)\s?/;
const NON_MTUS = /Non\s?-?\s?MTUS|not\s?(?:a\s)?part\s?of\s?(?:the\s)?MTUS/i;
const MTUS_WORD = /\bMTUS\b/i;
const NON_MTUS_LABEL = /Non\s?-?\s?MTUS\s?Citation\s?:?/i;
const PART_OF_MTUS = /,?\s?which\s?(?:is|are)\s?(?:not\s)?(?:a\s)?part\s?of\s?(?:the\s)?MTUS\.?/i;
const LEADING_MTUS = /^(?:the\s)?(?:California\s|CA\s)?MTUS\s?(?:\(\d{4}\))?\s?[:,-]?\s?/i;
const OTHER_EVIDENCE_LABEL =
  /^(?:the\s)?Other\s?Medical\s?Treatment\s?Guidelines?\s?(?:or\s?Medical\s?Evidence)?\s?:?\s?/i;
const CCR = /California\s?Code\s?of\s?Regulations|\bC\.?C\.?R\.?(?=\s|,|$)|\bTitle\s?8\b/i;
const CCR_SECTION = /(?:section|sec\.|§)\s?\d{3,5}(?:\.\d{1,3})*(?:\([a-z0-9]{1,3}\))*/i;
const ODG = /Official\s?Disability\s?Guidelines?(?:\s?\(ODG\))?|\bODG\b/i;
const ACOEM = /\bACOEM\b/i;
const ACOEM_PREAMBLE =
  /^(?:Practice\s)?(?:Guidelines?)?,?\s?(?:\d(?:st|nd|rd|th)\s(?:Edition|Ed\.?))?,?\s?(?:\(\d{4}\))?/i;
const YEAR_IN_PARENTHESES = /\s?\((?:19|20)\d{2}\)/g;
const EDGE_PUNCTUATION = /^[\s,;:.-]+|[\s,;:.-]+$/g;
// "based their decision on recommendation(s) outside of the MTUS Guidelines." announces the citations that
// follow ("Decision based on Non-MTUS Citation ..."); it cites nothing itself.
const OUTSIDE_MTUS_ANNOUNCEMENT =
  /^recommendations?\s?(?:\(s\))?\s?outside\s?(?:of\s)?(?:the\s)?MTUS(?:\s?Guidelines?)?[\s.]*$/i;
// 2016-17 letters: "MTUS Low Back Complaints 2004, Section(s): Special Studies": the edition, then the topic.
const EDITION_AND_SECTION_LABEL =
  /^\(?(?:19|20)\d{2}\)?(?:\s?,?\s?Section\s?\(s\)\s?:?)?|^Section\s?\(s\)\s?:?/i;

const MAX_PAGES_IN_RANGE = 300;
/** More pages than any guideline has: past this the list is not a citation's. */
const MAX_PAGES = 1000;

function cleanPart(text: string): string | null {
  const cleaned = text.replace(YEAR_IN_PARENTHESES, '').replace(EDGE_PUNCTUATION, '').trim();
  return cleaned.length > 0 ? cleaned : null;
}

/** "74-80" → 74..80; "58-60, 98" → 58, 59, 60, 98. A reversed or huge range is a warning, not a guess. */
export function expandPages(list: string, context: ParseContext): number[] {
  const pages: number[] = [];
  for (const part of list.split(PAGE_LIST_SEPARATOR)) {
    const range = PAGE_RANGE.exec(part.trim());
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to < from || to - from > MAX_PAGES_IN_RANGE) {
        context.warnings.push(`citation page range '${part.trim()}' is not a valid range`);
        continue;
      }
      for (let page = from; page <= to; page++) pages.push(page);
      if (pages.length > MAX_PAGES) break;
    } else if (/^\d{1,4}$/.test(part.trim())) {
      pages.push(Number(part.trim()));
    }
  }
  if (pages.length > MAX_PAGES) {
    context.warnings.push(
      `citation pages '${list.slice(0, 40)}...' list more than ${MAX_PAGES} pages: not read`,
    );
    return [];
  }
  return [...new Set(pages)];
}

function readCitation(piece: string, citedBy: CitedBy, context: ParseContext): Citation | null {
  const text = piece.trim();
  if (text.length === 0) return null;
  if (NO_EVIDENCE.test(text)) return { citedBy, source: 'NONE', text };
  let body = text.replace(CITATION_START, '');
  CITATION_START.lastIndex = 0;
  if (OUTSIDE_MTUS_ANNOUNCEMENT.test(body)) return null;
  // Cheap word checks first: each pattern below runs only when its key word is there.
  const lower = body.toLowerCase();
  let pages: number[] = [];
  const pageMatch = lower.includes('p') ? PAGES.exec(body) : null;
  if (pageMatch) {
    pages = expandPages(pageMatch[1]!, context);
    body = body.slice(0, pageMatch.index) + body.slice(pageMatch.index + pageMatch[0].length);
  }
  const mentionsMtus = lower.includes('mtus');
  const nonMtus = mentionsMtus && NON_MTUS.test(body);
  const inMtus = mentionsMtus && !nonMtus && MTUS_WORD.test(body);
  if (mentionsMtus)
    body = body.replace(NON_MTUS_LABEL, '').replace(PART_OF_MTUS, '').trim().replace(LEADING_MTUS, '');
  const otherEvidence = lower.includes('other') ? OTHER_EVIDENCE_LABEL.exec(body) : null;
  if (otherEvidence) body = body.slice(otherEvidence[0].length);

  const mayBeCcr =
    lower.includes('regulation') || lower.includes('c.r') || lower.includes('ccr') || lower.includes('title');
  if (mayBeCcr && CCR.test(body)) {
    return {
      citedBy,
      source: 'CCR',
      guideline: 'Title 8, California Code of Regulations',
      topic: CCR_SECTION.exec(body)?.[0] ?? null,
      pages,
      text,
    };
  }
  const odg = lower.includes('odg') || lower.includes('disability') ? ODG.exec(body) : null;
  if (odg) {
    const topic = cleanPart(body.slice(odg.index + odg[0].length).replace(/^\s?\(ODG\)/i, ''));
    return { citedBy, source: 'ODG', guideline: 'Official Disability Guidelines', topic, pages, text };
  }
  const chapter = nonMtus ? null : MTUS_CHAPTER_PATTERN.exec(body);
  if (chapter) {
    const guideline = chapterOf(chapter[0]) ?? chapter[0];
    let rest = body.slice(chapter.index + chapter[0].length).replace(EDGE_PUNCTUATION, '');
    // "Chronic Pain Treatment Guidelines Chronic Pain Medical Treatment Guidelines Massage therapy": the
    // chapter named twice; the topic is what follows the last repetition.
    for (let repeats = 0; repeats < 3; repeats++) {
      const repeat = LEADING_MTUS_CHAPTER.exec(rest);
      if (repeat === null || chapterOf(repeat[0].trim()) !== guideline) break;
      rest = rest.slice(repeat[0].length).replace(EDGE_PUNCTUATION, '');
    }
    rest = rest.replace(EDITION_AND_SECTION_LABEL, '');
    return { citedBy, source: 'MTUS', guideline, topic: cleanPart(rest), pages, text };
  }
  const acoem = lower.includes('acoem') ? ACOEM.exec(body) : null;
  if (acoem) {
    const rest = body
      .slice(acoem.index + acoem[0].length)
      .replace(EDGE_PUNCTUATION, '')
      .replace(ACOEM_PREAMBLE, '');
    return inMtus
      ? { citedBy, source: 'MTUS', guideline: 'ACOEM', topic: cleanPart(rest), pages, text }
      : {
          citedBy,
          source: 'ACOEM',
          guideline: 'ACOEM Practice Guidelines',
          topic: cleanPart(rest),
          pages,
          text,
        };
  }
  if (inMtus) return { citedBy, source: 'MTUS', guideline: null, topic: cleanPart(body), pages, text };
  const other = cleanPart(body);
  if (other === null && pages.length === 0) return null;
  return { citedBy, source: 'OTHER', guideline: other, topic: null, pages, text };
}

/**
 * The citations in one guideline paragraph ("Claims Administrator guideline: ...", "MAXIMUS guideline: ...",
 * "Medical Treatment Guideline(s) the Expert Reviewer used: ..."), in the order written.
 */
export function readCitations(paragraph: string, citedBy: CitedBy, context: ParseContext): Citation[] {
  const text = unwrapLines(paragraph);
  if (text.length === 0) return [];
  if (NO_EVIDENCE.test(text) && text.length < 200) return [{ citedBy, source: 'NONE', text }];
  const starts: number[] = [];
  CITATION_START.lastIndex = 0;
  for (let match = CITATION_START.exec(text); match !== null; match = CITATION_START.exec(text)) {
    starts.push(match.index);
    if (match[0].length === 0) CITATION_START.lastIndex++;
  }
  const pieces: string[] = [];
  if (starts.length === 0) pieces.push(text);
  for (let i = 0; i < starts.length; i++) {
    let piece = text.slice(starts[i], starts[i + 1] ?? text.length);
    const sentenceEnd = SENTENCE_AFTER_CITATION.exec(piece);
    if (sentenceEnd) piece = piece.slice(0, sentenceEnd.index + 1);
    // "A, and B, and C": each source its own citation (bounded: a piece only gets shorter).
    for (let second = SECOND_SOURCE.exec(piece); second !== null; second = SECOND_SOURCE.exec(piece)) {
      pieces.push(piece.slice(0, second.index));
      piece = piece.slice(second.index + second[0].length);
    }
    pieces.push(piece);
  }
  const citations: Citation[] = [];
  for (const piece of pieces) {
    const citation = readCitation(piece, citedBy, context);
    if (citation !== null) citations.push(citation);
  }
  return citations;
}
