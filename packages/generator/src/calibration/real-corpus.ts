import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractPdfText, parseLetter } from '@imr/parser';
import type { ReadLetter } from './letter-profile';

// The 160 published letters of December 2016 to February 2017 live beside the repository, in
// `../shared/corpus/real-2016-17` (CI clones next to `shared/`); they are never copied into it. Tests and
// benchmarks that need them ask here, and skip with the reason when they are absent (fail under CI).

export const REAL_CORPUS_RELATIVE = '../shared/corpus/real-2016-17';

/** The repository root, from this file's place in it. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../../..');

export type RealCorpusLocation = { dir: string; files: string[] } | { dir: null; reason: string };

/** The real letters' folder and its PDFs, or why they are not there. */
export function locateRealCorpus(repoRoot: string = REPO_ROOT): RealCorpusLocation {
  const dir = resolve(repoRoot, REAL_CORPUS_RELATIVE);
  if (!existsSync(dir)) {
    return {
      dir: null,
      reason: `the real letters are absent: ${dir} does not exist (clone shared/ beside the repo)`,
    };
  }
  const files = readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.pdf'))
    .sort();
  if (files.length === 0) return { dir: null, reason: `the real letters are absent: ${dir} holds no PDF` };
  return { dir, files };
}

export interface RealLetter {
  file: string;
  /** The text the project's PDF path extracts. */
  text: string;
  letter: ReadLetter;
}

/**
 * Every real letter through the project's own PDF path (extractPdfText, then parseLetter). A letter the
 * parser refuses is an error naming the file: a profile silently missing letters would mislead.
 */
export async function readRealLetters(dir: string, files: readonly string[]): Promise<RealLetter[]> {
  const letters: RealLetter[] = [];
  for (const file of files) {
    const text = await extractPdfText(readFileSync(join(dir, file)));
    const result = parseLetter(text);
    if (!result.ok) throw new Error(`${file}: the parser refused the letter: ${result.error}`);
    const { parserVersion: _version, ...letter } = result.letter;
    letters.push({ file, text, letter });
  }
  return letters;
}
