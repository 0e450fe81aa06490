import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// The 160 real letters DWC published (PDFs of 2016-17) live in `shared/` beside the repository, never in it (their
// README says why). Tests and benches find them here; without them a test skips with the reason, except under CI,
// where their absence is a failure.

export const REAL_LETTERS_DIR = join(import.meta.dirname, '../../../../shared/corpus/real-2016-17');

export type RealLetters = { ok: true; dir: string; files: string[] } | { ok: false; reason: string };

/** The real letters' PDF paths, sorted, or why there are none. */
export function findRealLetters(dir: string = REAL_LETTERS_DIR): RealLetters {
  if (!existsSync(dir)) {
    return {
      ok: false,
      reason: `the real letters are not at ${dir} (shared/ is cloned beside the repository)`,
    };
  }
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.pdf'))
    .sort()
    .map((f) => join(dir, f));
  if (files.length === 0) return { ok: false, reason: `no PDF in ${dir}` };
  return { ok: true, dir, files };
}

/** For tests: the real letters, or a skip reason; throws under CI, where they must be there. */
export function realLettersForTests(): RealLetters {
  const found = findRealLetters();
  if (!found.ok && process.env.CI) throw new Error(`CI is set but ${found.reason}`);
  if (!found.ok) console.warn(`skipping tests on real letters: ${found.reason}`);
  return found;
}
