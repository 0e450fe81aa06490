import type { ParseOptions } from '../parse-context';
import { parseLetter } from '../parse-letter';
import type { ParseResult } from '../types';
import { DEFAULT_PDF_TEXT_LIMITS, PdfLimitError, type PdfTextLimits, pdfiumPageTexts } from './pdfium-text';

const HAS_VISIBLE_TEXT = /\S/;

/**
 * The text layer of a PDF, pages separated by form feeds (which the parser reads as page breaks). Bytes in,
 * text out: reading the file is the caller's business. Rejects with a clear message when the bytes are not a
 * PDF, the PDF has no text layer (a scanned image), or it goes past one of `limits` (a PdfLimitError, whose
 * message starts "PDF over its limits").
 */
export async function extractPdfText(
  bytes: Uint8Array,
  limits: PdfTextLimits = DEFAULT_PDF_TEXT_LIMITS,
): Promise<string> {
  let pages: string[];
  try {
    pages = await pdfiumPageTexts(bytes, limits);
  } catch (error) {
    if (error instanceof PdfLimitError) throw new PdfLimitError(`PDF over its limits: ${error.message}`);
    throw new Error(`not a readable PDF: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = pages.join('\n\f');
  if (!HAS_VISIBLE_TEXT.test(text)) {
    throw new Error(`the PDF has no text layer (${pages.length} page(s), no text: a scanned image?)`);
  }
  return text;
}

/** extractPdfText then parseLetter; never rejects: PDF problems come back as `{ ok: false, error }`. */
export async function parseLetterPdf(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParseResult> {
  let text: string;
  try {
    text = await extractPdfText(bytes);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  return parseLetter(text, options);
}
