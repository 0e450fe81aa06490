import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// The 160 published 2016-17 letters live beside the repository (`../shared`, as CI clones it), never in it:
// tests read them where they are and skip when they are absent, except under CI, where absence is a failure.

const ROOT = join(import.meta.dirname, '..');
export const REAL_CORPUS_DIR = join(ROOT, '..', 'shared', 'corpus', 'real-2016-17');

export type RealCorpus = { present: true; files: string[] } | { present: false; reason: string };

/** The real letters' PDF file names, sorted, or why they cannot be read here. */
export function realCorpus(): RealCorpus {
  if (!existsSync(REAL_CORPUS_DIR)) {
    return { present: false, reason: `${REAL_CORPUS_DIR} is absent (../shared not cloned next to the repo)` };
  }
  const files = readdirSync(REAL_CORPUS_DIR)
    .filter((name) => name.endsWith('.pdf'))
    .sort();
  return { present: true, files };
}

/** Under CI the corpus must be there: a skipped real-letter test would pass CI without reading one letter. */
export function assertCorpusOutsideCi(corpus: RealCorpus): void {
  if (!corpus.present && process.env.CI) throw new Error(`real letters required under CI: ${corpus.reason}`);
}
