import { statSync } from 'node:fs';
import SQLite from 'better-sqlite3';

// A bulk load into an empty store writes with a rollback journal (bulk-load.repository.ts). A process killed
// mid-batch leaves that journal "hot": the store's file holds part of an uncommitted batch until a connection rolls
// it back, and SQLite lets only a writable connection do that. A read-only one refuses the store instead
// (SQLITE_READONLY_ROLLBACK), so `serve` and `query` after a killed ingest would fail where `ingest` goes on.

/**
 * Rolls back what a killed writer left in `path`'s journal, through a short-lived writable connection, before a
 * read-only open. Nothing committed changes, and a journal a live writer still holds is not hot, so it is left
 * alone. Best effort: where this cannot run (no write access, a writer holding its lock past the wait), the
 * read-only open reports the store as it finds it.
 */
export function rollBackHotJournal(path: string): void {
  if (!statSync(`${path}-journal`, { throwIfNoEntry: false })?.size) return;
  let writer: SQLite.Database;
  try {
    writer = new SQLite(path, { fileMustExist: true });
  } catch {
    return;
  }
  try {
    writer.pragma('busy_timeout = 5000');
    // The first read of a connection is when SQLite looks for a hot journal and rolls it back.
    writer.prepare('select count(*) from sqlite_master').get();
  } catch {
    // A live writer mid-commit past the wait: its journal is not hot, and the read-only open goes on as it would.
  } finally {
    writer.close();
  }
}
