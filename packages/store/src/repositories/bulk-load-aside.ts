import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { asidePathOf, buildSearchTableAside } from '../search-aside-build';
import { type AsideSearchTable, asideSearchTable, COPIED_SHADOW_TABLES } from '../search-table-aside';
import {
  LETTER_KEY_INDEXES,
  type LetterKeySettlement,
  nothingSettled,
  settleAndCreate,
  tryLetterKeyIndex,
} from './letter-key-dedupe';
import { SQLITE_SEARCH_REBUILDS } from './search.repository';

// Finishing a bulk load of a store in a file with its full-text tables built aside (search-table-aside.ts).
// The work is the same as running the deferred statements in order; what changes is who does it. A connection
// of its own takes the store's write lock first, so the aside builds, which start after it, read every row the
// transaction will index and nothing can commit in between; it builds the indexes while they tokenize, then
// copies their shadow tables in and creates the triggers, and commits once. A crash anywhere rolls the whole
// transaction back and leaves the note of what to build, as before; the scratch files are removed at the end
// and replaced by the next attempt.
//
// Its own connection, not the caller's: FTS5 caches a table's structure per connection and reloads it only when
// another connection has committed, so shadow tables written under the caller's connection could leave it
// reading a stale structure.

export interface DeferredStatement {
  name: string;
  statement: string;
}

export function deferredStatements(sqlite: Database.Database): DeferredStatement[] {
  return sqlite
    .prepare('select name, statement from deferred_schema order by position')
    .all() as DeferredStatement[];
}

export interface FinishSettings {
  /** The caller's `synchronous` (OFF while loading an empty store). */
  synchronous: number;
  /** The caller's page cache in KiB (capped here: see FINISH_CACHE_KIB). */
  cacheKib: number;
}

// Each build's pending-terms buffer. With two builds and the index sorter sharing two cores, 4, 16 and 32 MiB
// took the same 7-8 s at 100k letters and 64 MiB 8.7-9 s; each MiB is resident while it builds.
const ASIDE_HASHSIZE = 16 * 2 ** 20;

// CREATE INDEX sorts in runs of up to cache_size bytes, one per sorter thread (threads = 2: three runs in memory
// at once). With the ingest's 128 MiB cache that was 384 MiB of sort buffers while two full-text builds ran
// beside them: the peak of a 2M-letter ingest (1,040 MB, all of the process). 32 MiB runs still sort an index
// of the 4M items of 2M letters in a handful of runs and one merge; measured at 2M, the peak fell to 766 MB and
// the finish from 250 to 186 s.
const FINISH_CACHE_KIB = 32 * 1024;

/** A scratch file and the journal SQLite may have left beside it (a build killed mid-statement). */
function removeScratch(file: string): void {
  rmSync(file, { force: true });
  rmSync(`${file}-journal`, { force: true });
}

const SEARCH_STEPS = new Map(SQLITE_SEARCH_REBUILDS.map((step) => [step.name, step]));

interface AsideBuild {
  table: AsideSearchTable;
  path: string;
  schema: string;
  done: Promise<number>;
}

function asideTablesOf(db: Database.Database, rows: readonly DeferredStatement[]): AsideSearchTable[] {
  const tables: AsideSearchTable[] = [];
  for (const row of rows) {
    const step = SEARCH_STEPS.get(row.name);
    if (!step?.rebuild) continue;
    const definition = db
      .prepare(`select sql from sqlite_master where type = 'table' and name = ?`)
      .pluck()
      .get(step.table) as string | undefined;
    const aside = definition ? asideSearchTable(definition) : null;
    if (aside) tables.push(aside);
  }
  return tables;
}

function copyShadowTables(db: Database.Database, build: AsideBuild): void {
  const { table } = build.table;
  for (const suffix of COPIED_SHADOW_TABLES) {
    db.exec(`delete from main.${table}_${suffix}`);
    db.exec(`insert into main.${table}_${suffix} select * from ${build.schema}.${table}_${suffix}`);
  }
}

/** finishBulkLoad for the store at `path`; returns the number of deferred statements done and the letters settled late. */
export async function finishBulkLoadAside(
  path: string,
  settings: FinishSettings,
): Promise<{ statements: number; settled: LetterKeySettlement }> {
  const db = new Database(path);
  let builds: AsideBuild[] = [];
  try {
    db.pragma('busy_timeout = 60000');
    db.pragma(`synchronous = ${settings.synchronous}`);
    db.pragma(`cache_size = ${-Math.min(settings.cacheKib, FINISH_CACHE_KIB)}`);
    // The sorter behind CREATE INDEX may use a second core.
    db.pragma('threads = 2');
    // Writing FTS5's shadow tables directly is what SQLite's defensive mode forbids.
    db.unsafeMode(true);
    const rows = deferredStatements(db);
    if (rows.length === 0) return { statements: 0, settled: nothingSettled() };
    builds = asideTablesOf(db, rows).map((table, i) => {
      const file = asidePathOf(path, table.table);
      removeScratch(file);
      return { table, path: file, schema: `aside_${i}`, done: Promise.resolve(0) };
    });
    // ATTACH is refused inside a transaction, and the copies read the files inside it.
    for (const build of builds) db.prepare(`attach database ? as ${build.schema}`).run(build.path);
    db.exec('begin');
    // The first write takes the store's write lock (only the store's: the scratch files stay free for the
    // builds), and undoes itself if the transaction does not commit.
    db.prepare('delete from deferred_schema').run();
    for (const build of builds) {
      build.done = buildSearchTableAside({
        storePath: path,
        asidePath: build.path,
        table: build.table,
        hashsize: ASIDE_HASHSIZE,
      });
      // Awaited in order below; a failure meanwhile must not go unhandled.
      build.done.catch(() => {});
    }
    const byTable = new Map(builds.map((b) => [b.table.table, b]));
    const failed: string[] = [];
    for (const row of rows) {
      const step = SEARCH_STEPS.get(row.name);
      const build = step ? byTable.get(step.table) : undefined;
      if (LETTER_KEY_INDEXES.includes(row.name)) {
        if (!tryLetterKeyIndex(db, row.statement)) failed.push(row.statement);
      } else if (!step || !build) {
        db.exec(row.statement);
      } else if (step.rebuild) {
        await build.done;
        copyShadowTables(db, build);
      }
      // The aside build sets its own pending-terms buffer; the store's stays as it was.
    }
    // After the full text is copied in and its triggers are back, so the deletes keep it in step.
    const settled = settleAndCreate(db, failed);
    db.exec('commit');
    return { statements: rows.length, settled };
  } catch (error) {
    if (db.inTransaction) db.exec('rollback');
    throw error;
  } finally {
    await Promise.allSettled(builds.map((b) => b.done));
    db.close();
    for (const build of builds) removeScratch(build.path);
  }
}
