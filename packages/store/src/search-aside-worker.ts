import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { SearchAsideJob } from './search-aside-build';

// Worker thread entry: builds one full-text table aside (search-table-aside.ts). It only reads the store, in a
// snapshot taken when it starts (the store's writer holds the write lock by then, so nothing newer commits), and
// writes a file no one else reads until it is done.

const { storePath, asidePath, table, hashsize } = workerData as SearchAsideJob;

/** Segments of a level before FTS5 merges them anyway: its ceiling (FTS5_MAX_SEGMENT is 2000). */
const CRISIS_MERGE = 1999;
if (!parentPort)
  throw new Error('search-aside-worker.ts runs as a worker thread (see search-aside-build.ts)');

const aside = new Database(asidePath);
try {
  // The file is scratch until the store has copied it: no journal, no syncing.
  aside.pragma('journal_mode = OFF');
  aside.pragma('synchronous = OFF');
  aside.prepare('attach database ? as store').run(storePath);
  aside.exec(table.createAside);
  // FTS5 takes the size as an integer, and a bound JavaScript number arrives as a real.
  if (!Number.isSafeInteger(hashsize)) throw new Error(`hashsize must be an integer, got ${hashsize}`);
  aside.exec(`insert into main.${table.table} (${table.table}, rank) values ('hashsize', ${hashsize})`);
  // No merging while it fills, one merge of everything at the end: FTS5 otherwise merges every few flushes, and
  // at 4M items its levels rewrote the postings again and again (items at 2M letters: 141 s by default, 70 s to
  // fill without merging plus 26 s to optimize, leaving one segment, the fastest to query). The settings live in
  // this scratch file's config table, which is not copied: the store's table keeps FTS5's defaults.
  aside.exec(`insert into main.${table.table} (${table.table}, rank) values ('automerge', 0)`);
  aside.exec(
    `insert into main.${table.table} (${table.table}, rank) values ('crisismerge', ${CRISIS_MERGE})`,
  );
  const columns = table.columns.join(', ');
  const filled = aside
    .prepare(
      `insert into main.${table.table} (rowid, ${columns})
       select ${table.contentRowid}, ${columns} from store.${table.contentTable} order by ${table.contentRowid}`,
    )
    .run();
  aside.exec(`insert into main.${table.table} (${table.table}) values ('optimize')`);
  parentPort.postMessage({ rows: filled.changes });
} catch (error) {
  // Posted as text: a better-sqlite3 error reaches the parent's 'error' event without its message.
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  aside.close();
}
