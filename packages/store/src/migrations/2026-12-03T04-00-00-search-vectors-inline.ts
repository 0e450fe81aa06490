import { type Kysely, sql } from 'kysely';
import { isPostgres } from './migration-dialect';

// Frozen once merged. PostgreSQL: a search finds the newest matches of a common word by testing each row's
// tsvector along the primary key, then ranks them with ts_rank, so every row it walks is read whole. A tsvector
// over about 2 kB went to the TOAST table (most case summaries, a tenth of the item rationales), so those rows
// cost a TOAST index lookup and chunk reads for the test and again for ts_rank: half the CPU of ranking the case
// window. Stored in the row instead (storage main: compressed and moved out only when a row would not fit a
// page; toast_tuple_target: no compression below that either), a vector is read where the row is. The rows
// already stored are rewritten under the new settings (CLUSTER rewrites the table and its indexes, expanding
// each out-of-line value into the new row): on a large store this migration takes minutes. SQLite's FTS5 tables
// are untouched.

const TABLES = [
  { table: 'item_search', key: 'item_search_pkey' },
  { table: 'case_search', key: 'case_search_pkey' },
] as const;

/** The largest row PostgreSQL keeps whole on an 8 kB page (TOAST_TUPLE_TARGET_MAIN with the default block size). */
const ROW_TARGET = 8160;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const { table, key } of TABLES) {
    await sql`alter table ${sql.table(table)} alter column search set storage main`.execute(db);
    await sql`alter table ${sql.table(table)} set (toast_tuple_target = ${sql.raw(String(ROW_TARGET))})`.execute(
      db,
    );
    // A new store has nothing to rewrite (tests open many).
    const { rows } = await sql<{
      stored: boolean;
    }>`select exists (select 1 from ${sql.table(table)}) as stored`.execute(db);
    if (rows[0]?.stored) await sql`cluster ${sql.table(table)} using ${sql.ref(key)}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const { table } of TABLES) {
    await sql`alter table ${sql.table(table)} reset (toast_tuple_target)`.execute(db);
    await sql`alter table ${sql.table(table)} alter column search set storage extended`.execute(db);
  }
}
