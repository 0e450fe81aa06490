import type { Kysely } from 'kysely';
import { boundedTwin, currentReadMarks } from './read-marks';

// A lookup by a bounded list of keys through an index, where each key holds a bounded number of rows: entities by
// primary key, a case by its (unique) case number, the items of some cases, the citations, diagnoses or body regions
// of some items; also an unfiltered page of a list, a range scan of an index that stops at the page's end. Such a
// statement costs SQLite microseconds to a few milliseconds (INLINE_KEY_LIMIT), about what a read worker's round
// trip costs (sqlite-read-pool.ts: two process wake-ups and the rows as JSON), and it cannot run long, so there is
// nothing for a worker's deadline to end. A nested page (a case, its items, their citations) is several of these in
// a row, each waiting on the last, so each round trip saved is one the page no longer waits for. The loaders mark
// such reads by reading through `boundedKeyReader`; a read-only SQLite store then runs those statements on the
// main thread's connection (sqlite-read-dialect.ts). Every other statement, a lookup of more keys, and any read
// whose rows per key are not bounded by a letter (a guideline's citations, a reviewer's cases) still go to the
// pool. A read-only PostgreSQL store keeps such statements prepared instead (postgres-statement-names.ts): there
// the round trip stays, and parsing and planning were most of the rest.

/**
 * Keys a lookup may ask for and still be answered on the main thread. At 500 the heaviest such lookup holds the
 * event loop about 1.7 ms (the citations of 500 items, 1,194 rows, at 100k letters; 212 items' took 0.69 ms on the
 * main thread against 1.16 ms through the pool, the citations of a page of 100 cases with their items).
 */
export const INLINE_KEY_LIMIT = 500;

/**
 * `reader` for a lookup of `keyCount` keys each holding a bounded number of rows (one statement): its statements
 * are marked as cheap enough to run at once where the store allows it, unless the keys are too many.
 */
export function boundedKeyReader<D, Dialect>(
  reader: { db: Kysely<D>; dialect: Dialect },
  keyCount: number,
): { db: Kysely<D>; dialect: Dialect } {
  // A new reader of two fields, not a spread: `reader` is often a request's context, with symbol-keyed fields.
  const db = keyCount <= INLINE_KEY_LIMIT ? boundedTwin(reader.db) : reader.db;
  return { db, dialect: reader.dialect };
}

/** Whether the statement being started belongs to a bounded lookup (boundedKeyReader). */
export function isBoundedKeyRead(): boolean {
  return currentReadMarks()?.bounded === true;
}
