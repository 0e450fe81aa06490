import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, writeTransaction } from '../src/client';
import { saveLetters } from '../src/repositories/letter.repository';
import type { LetterToSave } from '../src/repositories/letter-rows';
import { goldLetters } from './gold-letters.fixture';

export interface GoldStoreFile {
  /** The SQLite file: open it read-only (`openStore(path, { readonly: true })`) as `serve` does. */
  path: string;
  /** Saves more letters in a writer's own transaction, as a concurrent ingest commits them. */
  add: (letters: LetterToSave[]) => Promise<void>;
  /** Deletes the file and its folder (close the stores opened on it first). */
  remove: () => void;
}

/**
 * A SQLite store file in a fresh temporary folder holding `letters` (by default the gold seed letters, saved as
 * the gold file describes them, without the parser), for tests of a read-only store with its read pool.
 */
export async function goldStoreFile(letters: LetterToSave[] = goldLetters()): Promise<GoldStoreFile> {
  const dir = mkdtempSync(join(tmpdir(), 'imr-gold-'));
  const path = join(dir, 'imr.db');
  const add = async (more: LetterToSave[]) => {
    const writer = await openStore(path);
    try {
      await writeTransaction(writer, (tx) => saveLetters(tx, more));
    } finally {
      await writer.close();
    }
  };
  await add(letters);
  return { path, add, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
