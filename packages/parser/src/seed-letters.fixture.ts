import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

// The five real seed letters and their hand-checked answers (test/fixtures), for the parser's tests.
export const FIXTURES_DIR = join(import.meta.dirname, '../../../test/fixtures');
export const SEED_LETTERS_DIR = join(FIXTURES_DIR, 'letters');

export interface GoldLetter {
  file: string;
  [field: string]: unknown;
}

export interface SeedLetter {
  name: string;
  text: string;
  gold: GoldLetter;
}

/** Each gold entry with its letter's text (gold names files "seeds/<name>", stored under letters/). */
export function loadSeedLetters(): SeedLetter[] {
  const gold = JSON.parse(readFileSync(join(FIXTURES_DIR, 'seeds.gold.json'), 'utf8')) as {
    letters: GoldLetter[];
  };
  return gold.letters.map((entry) => {
    const name = basename(entry.file);
    return { name, text: readFileSync(join(SEED_LETTERS_DIR, name), 'utf8'), gold: entry };
  });
}
