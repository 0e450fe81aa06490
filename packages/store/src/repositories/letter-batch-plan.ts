import { type LetterToSave, letterKeyOf, type SaveOutcome } from './letter-rows';

// What a batch of letters does to the store, decided the same way on both backends; only how a stored letter is
// found differs (PostgreSQL looks the whole batch up first, SQLite asks a prepared statement per letter).
//
// One case number, one letter: the published corpus has letters that share a case number (a decision issued
// again), and so do generated corpora. Which one is kept must not depend on the order files are read or parse
// workers finish, nor on how they fall into batches or runs, so it is decided by the letters alone (isKeptOver).

/** A letter already in the store, as the plan needs it. */
export interface StoredLetter {
  id: number;
  parserVersion: string;
  documentId: number;
  dateDecision: string | null;
  sha256: string;
}

/** What decides which of two letters with one key is kept. */
export interface LetterRank {
  dateDecision: string | null;
  sha256: string;
}

/**
 * True when `a` is kept over `b`, another letter with the same key: the later decision (a letter without a
 * decision date is the earliest), then, to make the choice total, the greater sha256 of the text. The same text
 * is not kept over itself. letter-key-dedupe.ts orders the same way in SQL.
 */
export function isKeptOver(a: LetterRank, b: LetterRank): boolean {
  const da = a.dateDecision ?? '';
  const db = b.dateDecision ?? '';
  if (da !== db) return da > db;
  return a.sha256 > b.sha256;
}

export function rankOf(save: LetterToSave): LetterRank {
  return { dateDecision: save.letter.dates.decision, sha256: save.document.sha256 };
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
 * What to do with each letter. Of the batch's letters with one key, only the one isKeptOver prefers goes on;
 * the others are `already-present` (the same text) or `superseded`. That one is then stored, or, against a letter
 * stored under its key (found by key or, for a letter a newer parser keys differently, by the hash of its text):
 * - the same text by the same parser version: `already-present`;
 * - the same text by another parser version, or another text isKeptOver prefers: `updated`, replacing it;
 * - another text that loses to the stored one: `superseded`.
 */
export function planLetterBatch(
  batch: readonly LetterToSave[],
  findStored: (key: string, sha256: string) => StoredLetter | undefined,
): LetterBatchPlan {
  const plan: LetterBatchPlan = { outcomes: [], toWrite: [], replacedCaseIds: [], replacedDocumentIds: [] };
  const keys = batch.map((save) => letterKeyOf(save.letter, save.document.sha256));
  const kept = new Map<string, number>();
  keys.forEach((key, i) => {
    const rival = kept.get(key);
    if (rival === undefined || isKeptOver(rankOf(batch[i]!), rankOf(batch[rival]!))) kept.set(key, i);
  });
  const replaced = new Set<number>();
  batch.forEach((save, i) => {
    const key = keys[i]!;
    const sha256 = save.document.sha256;
    const keptIndex = kept.get(key)!;
    if (keptIndex !== i) {
      plan.outcomes.push(batch[keptIndex]!.document.sha256 === sha256 ? 'already-present' : 'superseded');
      return;
    }
    const found = findStored(key, sha256);
    if (found) {
      const sameText = found.sha256 === sha256;
      if (sameText && found.parserVersion === save.letter.parserVersion) {
        plan.outcomes.push('already-present');
        return;
      }
      if (!sameText && !isKeptOver(rankOf(save), found)) {
        plan.outcomes.push('superseded');
        return;
      }
      // Two keys of the batch may find one stored letter by its text: it is replaced once.
      if (replaced.has(found.id)) {
        plan.outcomes.push('already-present');
        return;
      }
      replaced.add(found.id);
      plan.replacedCaseIds.push(found.id);
      plan.replacedDocumentIds.push(found.documentId);
      plan.outcomes.push('updated');
    } else {
      plan.outcomes.push('stored');
    }
    plan.toWrite.push({ save, key });
  });
  return plan;
}
