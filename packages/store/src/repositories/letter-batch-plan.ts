import { type LetterToSave, letterKeyOf, type SaveOutcome } from './letter-rows';

// What a batch of letters does to the store, decided the same way on both backends; only how a stored letter is
// found differs (PostgreSQL looks the whole batch up first, SQLite asks a prepared statement per letter).

/** A letter already in the store, as the plan needs it. */
export interface StoredLetter {
  id: number;
  parserVersion: string;
  documentId: number;
}

export interface LetterToWrite {
  save: LetterToSave;
  key: string;
}

export interface LetterBatchPlan {
  /** One per input letter, in input order. */
  outcomes: SaveOutcome[];
  toWrite: LetterToWrite[];
  /** The cases to delete before their letters are written again, with their documents (same positions). */
  replacedCaseIds: number[];
  replacedDocumentIds: number[];
}

/**
 * What to do with each letter: leave one stored by the same parser version (or met earlier in the batch), replace
 * one stored by another, store the rest. `findStored` finds a letter by its key or, for a letter a newer parser
 * keys differently (e.g. it now reads the case number), by the hash of its text.
 */
export function planLetterBatch(
  batch: readonly LetterToSave[],
  findStored: (key: string, sha256: string) => StoredLetter | undefined,
): LetterBatchPlan {
  const plan: LetterBatchPlan = { outcomes: [], toWrite: [], replacedCaseIds: [], replacedDocumentIds: [] };
  const replaced = new Set<number>();
  const seen = new Set<string>();
  for (const save of batch) {
    const key = letterKeyOf(save.letter, save.document.sha256);
    const found = findStored(key, save.document.sha256);
    if (seen.has(key) || (found && found.parserVersion === save.letter.parserVersion)) {
      plan.outcomes.push('already-present');
      continue;
    }
    seen.add(key);
    if (found) {
      if (replaced.has(found.id)) {
        plan.outcomes.push('already-present');
        continue;
      }
      replaced.add(found.id);
      plan.replacedCaseIds.push(found.id);
      plan.replacedDocumentIds.push(found.documentId);
      plan.outcomes.push('updated');
    } else {
      plan.outcomes.push('stored');
    }
    plan.toWrite.push({ save, key });
  }
  return plan;
}
