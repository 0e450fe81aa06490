import { detectLayout } from './layouts/detect-layout';
import type { ParseContext, ParseOptions } from './parse-context';
import { PARSER_VERSION } from './parser-version';
import { mergeRepeatedItems, toDisputedItem } from './sections/disputed-items';
import { isPlainAscii, MAX_LETTER_CHARS, rejectUnreadableInput } from './text/input-guard';
import { normaliseText } from './text/normalise-text';
import type { LetterDates, ParsedLetter, ParseResult } from './types';

const IMR_WORDING = /Independent\s?Medical\s?Review|\bIMR\b|MAXIMUS/i;

function completeDates(dates: Partial<LetterDates>): LetterDates {
  return {
    assigned: dates.assigned ?? null,
    injury: dates.injury ?? null,
    decision: dates.decision ?? null,
    urDenial: dates.urDenial ?? null,
    applicationReceived: dates.applicationReceived ?? null,
  };
}

function parseNormalised(raw: string, options: ParseOptions): ParseResult {
  // One scan tells most letters apart as plain ASCII, which spares the guard and the normaliser a scan each.
  const plainAscii = typeof raw === 'string' && raw.length <= MAX_LETTER_CHARS && isPlainAscii(raw);
  const rejection = rejectUnreadableInput(raw, plainAscii);
  if (rejection !== null) return { ok: false, error: rejection };
  const { text, footerCaseNumber } = normaliseText(raw, plainAscii);
  if (text.length === 0) return { ok: false, error: 'empty input' };
  const layout = detectLayout(text);
  if (layout === null) {
    return {
      ok: false,
      error: IMR_WORDING.test(text)
        ? 'not an IMR decision letter: no decision section found (truncated before "IMR ISSUES, DECISIONS AND RATIONALES"?)'
        : 'not an IMR decision letter: no decision section found',
    };
  }
  const context: ParseContext = { now: options.now ?? new Date(), warnings: [] };
  const reading = layout.read(text, context);
  const items = mergeRepeatedItems(reading.items, context).map(toDisputedItem);
  if (items.length === 0) context.warnings.push('the decision section has no readable disputed items');
  const letter: ParsedLetter = {
    caseNumber: reading.caseNumber ?? footerCaseNumber,
    format: reading.format,
    dates: completeDates(reading.dates),
    priority: reading.priority,
    reviewer: reading.reviewer,
    patient: reading.patient,
    diagnoses: reading.diagnoses,
    summary: reading.summary,
    items,
    warnings: [...new Set(context.warnings)],
    parserVersion: PARSER_VERSION,
  };
  return { ok: true, letter };
}

/**
 * Reads one IMR decision letter (text as extracted from the published PDFs, HTML or markdown, any layout)
 * into the parse contract's record. Pure and total: never throws, and refuses what is not a letter with a
 * reason ("empty input", "binary data (NUL bytes)", "not an IMR decision letter: ...").
 */
export function parseLetter(text: string, options: ParseOptions = {}): ParseResult {
  try {
    return parseNormalised(text, options);
  } catch (error) {
    return { ok: false, error: `parser failure: ${error instanceof Error ? error.message : String(error)}` };
  }
}
