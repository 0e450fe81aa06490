import { hash } from 'node:crypto';
import { parseLetter } from '@imr/parser';
import { compressLetterText } from '@imr/store/letter-text-codec';
import type { LetterToSave } from '@imr/store/repositories/letter.repository';

// What a parse worker does with one letter's text: normalise, hash, parse, compress. Pure apart from CPU, so it
// is tested directly, without threads.

export type PreparedLetter =
  | { ok: true; save: LetterToSave }
  | { ok: false; reason: string; sha256: string | null };

export interface LetterSource {
  /** Where the text came from (recorded as the document's source path). */
  path: string;
  /** Size of the file as read (for a PDF, the PDF's size). */
  sizeBytes: number;
}

/** The text a letter's identity is computed from: line endings unified, surrounding whitespace dropped. */
export function normaliseLetterText(text: string): string {
  return (text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n')).trim();
}

export function sha256Hex(text: string): string {
  // The one-shot hash (UTF-8, as Hash.update takes a string) skips building a Hash object a letter.
  return hash('sha256', text, 'hex');
}

/**
 * `parserVersion`, when given, replaces the parser's own version on the record: tests use it to stand in for a
 * newer parser without changing the parser.
 */
export function prepareLetter(text: string, source: LetterSource, parserVersion?: string): PreparedLetter {
  const normalised = normaliseLetterText(text);
  const sha256 = sha256Hex(normalised);
  let result: ReturnType<typeof parseLetter>;
  try {
    result = parseLetter(normalised);
  } catch (error) {
    // The parser promises never to throw; if it does, the file is reported and the run goes on.
    return {
      ok: false,
      reason: `parser failed: ${error instanceof Error ? error.message : String(error)}`,
      sha256,
    };
  }
  if (!result.ok) {
    // The parser's own "not an IMR decision letter: why" would otherwise read "not an IMR letter: not an IMR...".
    const why = result.error.replace(/^not an IMR decision letter: /, '');
    return { ok: false, reason: `not an IMR letter: ${why}`, sha256 };
  }
  const letter = parserVersion === undefined ? result.letter : { ...result.letter, parserVersion };
  return {
    ok: true,
    save: {
      letter,
      document: {
        sha256,
        sourcePath: source.path,
        sizeBytes: source.sizeBytes,
        rawText: compressLetterText(text),
      },
    },
  };
}
