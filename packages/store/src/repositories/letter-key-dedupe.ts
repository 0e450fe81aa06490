import type SQLite from 'better-sqlite3';
import { isKeptOver } from './letter-batch-plan';
import { deleteLetterSqlite } from './sqlite-letter.repository';

// The finish of a bulk load into an empty store, before its unique indexes are built. That load found the
// letters it had written in its writer's memory (letter-key-table.ts), but a writer without that memory (another
// process writing meanwhile, a run killed and finished by the next) may have written a case number twice. Here
// one letter per key is kept, chosen as the write path chooses (isKeptOver), and the others' rows are deleted.
// The run that wrote them counted them stored; its counters move them to already present (the same text twice)
// or superseded, in the same transaction. It runs only when a key index will not build, so a load with nothing
// to settle pays for the key indexes alone (the settling's sort of 2M keys took 12 s).

export interface LetterKeySettlement {
  /** Letters deleted because the same text was kept under their key. */
  alreadyPresent: number;
  /** Letters deleted because another letter with their key was kept. */
  superseded: number;
}

interface KeyedCase {
  id: number;
  documentId: number;
  letterKey: string;
  dateDecision: string | null;
  sha256: string;
}

/**
 * The unique indexes ingest looks letters up by. Into an empty store a bulk load defers them too: nothing stored
 * before the load can be found by them, and the letters of the load itself are settled at its finish. A store
 * with letters keeps them.
 */
export const LETTER_KEY_INDEXES = ['cases_letter_key', 'documents_sha256'];

/** A settlement that kept every letter. */
export function nothingSettled(): LetterKeySettlement {
  return { alreadyPresent: 0, superseded: 0 };
}

/** The cases to delete so that each key keeps one, with why each goes. */
function losersOf(cases: readonly KeyedCase[]): { loser: KeyedCase; sameText: boolean }[] {
  const byKey = new Map<string, KeyedCase[]>();
  for (const c of cases) {
    const group = byKey.get(c.letterKey);
    if (group) group.push(c);
    else byKey.set(c.letterKey, [c]);
  }
  const losers: { loser: KeyedCase; sameText: boolean }[] = [];
  for (const group of byKey.values()) {
    // In id order, so of two copies of one text the first written stays.
    let kept = group[0]!;
    for (const c of group) if (isKeptOver(c, kept)) kept = c;
    for (const c of group) if (c !== kept) losers.push({ loser: c, sameText: c.sha256 === kept.sha256 });
  }
  return losers;
}

/** Keeps one letter per key, in the caller's transaction. */
function settleLetterKeys(sqlite: SQLite.Database): LetterKeySettlement {
  const settlement: LetterKeySettlement = nothingSettled();
  const cases = sqlite
    .prepare(
      `select cases.id, cases.document_id as documentId, cases.letter_key as letterKey,
         cases.date_decision as dateDecision, documents.sha256
       from cases join documents on documents.id = cases.document_id
       where cases.letter_key in (select letter_key from cases group by letter_key having count(*) > 1)
       order by cases.id`,
    )
    .all() as KeyedCase[];
  const losers = losersOf(cases);
  if (losers.length === 0) return settlement;
  for (const { loser, sameText } of losers) {
    deleteLetterSqlite(sqlite, loser.id, loser.documentId);
    if (sameText) settlement.alreadyPresent++;
    else settlement.superseded++;
  }
  // The run that wrote them: a bulk load's run is the last one not finished (it finishes after this; one
  // killed never does, and the next writer finishes its bulk load before starting its own run).
  sqlite
    .prepare(
      `update ingest_runs set stored = stored - ?, already_present = already_present + ?,
         superseded = superseded + ?
       where id = (select max(id) from ingest_runs where finished_at is null)`,
    )
    .run(losers.length, settlement.alreadyPresent, settlement.superseded);
  return settlement;
}

/**
 * Creates a deferred letter-key index in the finishing transaction, or returns false (nothing changed) when a
 * letter is there twice: then settleAndCreate, once the full text and its triggers are in place.
 */
export function tryLetterKeyIndex(sqlite: SQLite.Database, statement: string): boolean {
  sqlite.exec('savepoint letter_key_index');
  try {
    sqlite.exec(statement);
    sqlite.exec('release letter_key_index');
    return true;
  } catch (error) {
    sqlite.exec('rollback to letter_key_index');
    sqlite.exec('release letter_key_index');
    if ((error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
    return false;
  }
}

/**
 * Keeps one letter per key in the finishing transaction, where no writer can come between, then creates the
 * key indexes tryLetterKeyIndex could not. Run last: the deletes keep the full text in step through its triggers.
 */
export function settleAndCreate(sqlite: SQLite.Database, statements: readonly string[]): LetterKeySettlement {
  if (statements.length === 0) return nothingSettled();
  const settled = settleLetterKeys(sqlite);
  for (const statement of statements) sqlite.exec(statement);
  return settled;
}
