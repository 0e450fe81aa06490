import type SQLite from 'better-sqlite3';
import { deferredStatements, finishBulkLoadAside } from './bulk-load-aside';
import {
  LETTER_KEY_INDEXES,
  type LetterKeySettlement,
  settleAndCreate,
  tryLetterKeyIndex,
} from './letter-key-dedupe';
import { SQLITE_SEARCH_REBUILDS } from './search.repository';

// Bulk loading a new SQLite store: inserting into a table with a dozen secondary indexes costs a B-tree insert per
// index per row, and the full-text index a segment per batch to merge later, so a large first ingest spends most
// of its time on them. Instead, the secondary indexes of the letter tables and the full-text delete/update
// triggers are dropped, the rows go in bare, and at the end each index is built once from sorted rows and the
// full-text tables are rebuilt in one pass. The statements that restore them are written to `deferred_schema` in
// the same transaction that drops them, so a run killed in between leaves the store consistent (every row is
// there) and a note of what is left to build, which the next writer finishes (finishBulkLoad).

/** A store with more items than this is loaded the ordinary way: rebuilding its indexes would cost more. */
export const BULK_LOAD_MAX_ITEMS = 100_000;

const LETTER_TABLES = ['cases', 'diagnoses', 'items', 'item_body_regions', 'citations', 'citation_pages'];

export { LETTER_KEY_INDEXES };

/**
 * The indexes that find a case's rows by its id, kept through every bulk load: deleting a case (a letter
 * replaced by a newer parser's or by one with a later decision) reads the whole of each table without them.
 * Rows arrive in id order, so each insert adds to the end of them: cheap to keep, and not built at the finish.
 */
export const PARENT_KEY_INDEXES = ['items_case', 'citations_item', 'cases_document'];

export interface PendingBulkLoad {
  ownerPid: number;
  deferredAt: string;
  /** Statements still to run: indexes, full-text rebuilds, triggers. */
  statements: number;
}

interface SchemaObject {
  name: string;
  type: 'index' | 'trigger';
  sql: string;
}

/**
 * Starts a bulk load owned by process `ownerPid` when the store is small enough and no other bulk load is
 * pending: drops the letter tables' secondary indexes and the full-text triggers, recording how to restore them.
 * Returns false (and changes nothing) otherwise. The indexes by parent key stay; so do the unique indexes of a
 * store with letters (ingest looks letters up by them), where an empty store defers them too.
 *
 * Into an empty store, this connection also stops syncing to disk until finishBulkLoad (about a quarter of the
 * commit time went to the checkpoints' fsyncs). A killed process loses nothing by it (the operating system holds
 * the writes); a power cut during the load may leave the file unusable, which costs only the load itself, since
 * the store held no letters before it. See loadWithoutWal for the journal and foreign keys.
 */
export function beginBulkLoad(
  sqlite: SQLite.Database,
  ownerPid: number,
  at: string,
  maxItems: number = BULK_LOAD_MAX_ITEMS,
): boolean {
  const began = sqlite
    .transaction((): false | { empty: boolean } => {
      if (pendingBulkLoad(sqlite)) return false;
      const items = sqlite
        .prepare('select count(*) as n from (select 1 from items limit ?)')
        .get(maxItems + 1) as { n: number };
      if (items.n > maxItems) return false;
      const empty = !sqlite.prepare('select 1 from cases limit 1').get();
      const placeholders = LETTER_TABLES.map(() => '?').join(', ');
      const objects = sqlite
        .prepare(
          `select name, type, sql from sqlite_master
           where type in ('index', 'trigger') and sql is not null
             and (tbl_name in (${placeholders}) or name in (${LETTER_KEY_INDEXES.map(() => '?').join(', ')}))
           order by type, name`,
        )
        .all(...LETTER_TABLES, ...LETTER_KEY_INDEXES) as SchemaObject[];
      const deferred = objects.filter((o) => {
        if (o.type === 'trigger') return true;
        if (PARENT_KEY_INDEXES.includes(o.name)) return false;
        if (LETTER_KEY_INDEXES.includes(o.name)) return empty;
        return !/^\s*create\s+unique\b/i.test(o.sql);
      });
      const insert = sqlite.prepare(
        `insert into deferred_schema (name, position, statement, owner_pid, deferred_at)
         values (?, ?, ?, ?, ?)`,
      );
      // Indexes first (the rebuilds read the tables, not them), then the full-text rebuilds, then the triggers
      // that keep full text in step from then on.
      let position = 0;
      for (const o of deferred.filter((d) => d.type === 'index')) {
        insert.run(o.name, position++, o.sql, ownerPid, at);
      }
      for (const { name, statement } of SQLITE_SEARCH_REBUILDS) {
        insert.run(name, position++, statement, ownerPid, at);
      }
      for (const o of deferred.filter((d) => d.type === 'trigger')) {
        insert.run(o.name, position++, o.sql, ownerPid, at);
      }
      for (const o of deferred) sqlite.exec(`drop ${o.type} ${o.name}`);
      return { empty };
    })
    .immediate();
  if (began !== false && began.empty) {
    sqlite.pragma('synchronous = OFF');
    loadWithoutWal(sqlite);
  }
  return began !== false;
}

/**
 * A load into an empty store appends nearly every page it writes. In write-ahead-log mode each of them is written
 * twice (its frame in the log, then the checkpoint's copy into the file, on a thread of its own); a rollback
 * journal keeps only the few pages a transaction changes that were there before it, so each appended page is
 * written once. At 100k letters the log's way cost the ingest 2-4 s of its ~30 (checkpoints, and commits twice as
 * long). Foreign keys are not checked while it loads: its own writer adds every parent row before its children,
 * with the ids it got, and deletes a replaced letter's rows itself (no cascade needed), so the checks (a parent
 * look-up per reference, two a row) found nothing to refuse: about a tenth of the writer's time. finishBulkLoad
 * brings both back before it builds anything (the aside builds read the store while its transaction is open,
 * which only the log allows).
 *
 * A process killed mid-batch leaves a hot journal, which the next writable connection rolls back
 * (openDatabase does so before a read-only open, too). Leaving the log needs the store to itself: when another
 * process has it open, the load keeps the log.
 */
function loadWithoutWal(sqlite: SQLite.Database): void {
  const wait = Number(sqlite.pragma('busy_timeout', { simple: true }));
  sqlite.pragma('busy_timeout = 0');
  try {
    sqlite.pragma('journal_mode = TRUNCATE');
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${wait}`);
  }
  sqlite.pragma('foreign_keys = OFF');
}

/** Undoes loadWithoutWal (harmless when the load kept the log). */
function backToWal(sqlite: SQLite.Database): void {
  if (String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') {
    sqlite.pragma('journal_mode = WAL');
    // A checkpoint on this connection before it has read through the log fails with SQLITE_LOCKED.
    sqlite.prepare('select count(*) from sqlite_master').get();
  }
  sqlite.pragma('foreign_keys = ON');
}

/** The bulk load whose indexes are not built yet, if any. */
export function pendingBulkLoad(sqlite: SQLite.Database): PendingBulkLoad | null {
  const row = sqlite
    .prepare(
      `select owner_pid as ownerPid, min(deferred_at) as deferredAt, count(*) as statements
       from deferred_schema group by owner_pid`,
    )
    .get() as PendingBulkLoad | undefined;
  return row ?? null;
}

/**
 * Builds what a bulk load deferred, in one transaction: the indexes, the full-text tables, the triggers, keeping
 * one letter per key where a load into an empty store wrote one twice (letter-key-dedupe.ts: only when a key
 * index will not build, since the load's own writer already found its repeats). Returns the number of statements
 * run (0 when nothing was pending) and the letters that did not stay.
 *
 * A store in a file has its full-text tables built aside, on threads of their own, while this thread builds the
 * indexes (bulk-load-aside.ts): at 100k letters the three took 13.5 s one after the other and 8.2 s together. An
 * in-memory store, which no other connection can open, runs every statement here.
 */
export async function finishBulkLoad(
  sqlite: SQLite.Database,
): Promise<{ statements: number; settled: LetterKeySettlement }> {
  const aside = !(sqlite.memory || sqlite.name === '');
  // The finishing connection and the builds bring caches of their own: this idle one's goes first.
  if (aside) sqlite.pragma('shrink_memory');
  backToWal(sqlite);
  const { statements, settled } = !aside
    ? finishBulkLoadHere(sqlite)
    : await finishBulkLoadAside(sqlite.name, {
        synchronous: Number(sqlite.pragma('synchronous', { simple: true })),
        cacheKib: cacheKibOf(sqlite),
      });
  // Back to the store's durability; the checkpoint syncs the write-ahead log, and with it the whole load.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('wal_checkpoint(PASSIVE)');
  return { statements, settled };
}

/** The connection's page cache in KiB (cache_size counts pages when positive, KiB when negative). */
function cacheKibOf(sqlite: SQLite.Database): number {
  const size = Number(sqlite.pragma('cache_size', { simple: true }));
  return size < 0 ? -size : (size * Number(sqlite.pragma('page_size', { simple: true }))) / 1024;
}

function finishBulkLoadHere(sqlite: SQLite.Database): { statements: number; settled: LetterKeySettlement } {
  // The sorter behind CREATE INDEX may use a second core.
  sqlite.pragma('threads = 2');
  return sqlite
    .transaction(() => {
      const rows = deferredStatements(sqlite);
      const failed: string[] = [];
      for (const { name, statement } of rows) {
        if (!LETTER_KEY_INDEXES.includes(name)) sqlite.exec(statement);
        else if (!tryLetterKeyIndex(sqlite, statement)) failed.push(statement);
      }
      const settled = settleAndCreate(sqlite, failed);
      sqlite.prepare('delete from deferred_schema').run();
      return { statements: rows.length, settled };
    })
    .immediate();
}
