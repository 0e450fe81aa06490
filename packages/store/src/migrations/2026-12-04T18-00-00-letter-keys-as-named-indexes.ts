import { type Kysely, type RawBuilder, sql } from 'kysely';
import { isPostgres } from './migration-dialect';

// Frozen once merged. SQLite: the uniqueness of a letter's key (cases.letter_key) and of a document's text
// (documents.sha256) was declared in the column, so SQLite kept it in an automatic index that cannot be dropped.
// Both keys are random, so every letter written dirtied a page of each index at a random place: at two million
// letters that was half the pages a bulk load wrote. As named unique indexes (the same constraint to SQLite,
// ON CONFLICT included) a bulk load into an empty store can build them once at the end, after it has settled
// which of two letters with one case number is kept (letter-key-dedupe.ts). SQLite cannot drop a column
// constraint, so the two tables are rebuilt (SQLite's documented twelve-step procedure), with foreign keys off
// while the rows move: dropping the old table would otherwise delete every row referencing it. On a large store
// this copies its documents once. PostgreSQL keeps its constraints: it never defers them.

const TABLES = [
  { table: 'documents', column: 'sha256', index: 'documents_sha256' },
  { table: 'cases', column: 'letter_key', index: 'cases_letter_key' },
] as const;

async function one<T>(db: Kysely<unknown>, query: RawBuilder<T>): Promise<T | undefined> {
  return (await query.execute(db)).rows[0];
}

async function rebuildWithoutColumnUnique(
  db: Kysely<unknown>,
  { table, column, index }: (typeof TABLES)[number],
): Promise<void> {
  const definition = (
    await one(
      db,
      sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = ${table}`,
    )
  )?.sql;
  if (!definition) throw new Error(`the store has no ${table} table`);
  const declared = `"${column}" text not null unique`;
  if (!definition.includes(declared)) throw new Error(`${table}.${column} is not declared as "${declared}"`);
  const rebuilt = definition
    .replace(declared, `"${column}" text not null`)
    .replace(/^CREATE TABLE "?\w+"?/i, `CREATE TABLE "${table}_rebuilt"`);
  // Its indexes and triggers go with the old table and are made again as they were.
  const { rows: dependents } = await sql<{
    sql: string;
  }>`select sql from sqlite_master where tbl_name = ${table} and type in ('index', 'trigger') and sql is not null
     order by type, name`.execute(db);
  const sequence = (
    await one(db, sql<{ seq: number }>`select seq from sqlite_sequence where name = ${table}`)
  )?.seq;
  await sql.raw(rebuilt).execute(db);
  await sql`insert into ${sql.table(`${table}_rebuilt`)} select * from ${sql.table(table)}`.execute(db);
  await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`alter table ${sql.table(`${table}_rebuilt`)} rename to ${sql.table(table)}`.execute(db);
  for (const dependent of dependents) await sql.raw(dependent.sql).execute(db);
  await sql`create unique index ${sql.ref(index)} on ${sql.table(table)} (${sql.ref(column)})`.execute(db);
  // AUTOINCREMENT never reuses an id, even one whose row is gone: the new table carries on from the old count.
  if (sequence !== undefined) {
    await sql`update sqlite_sequence set seq = max(seq, ${sequence}) where name = ${table}`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) return;
  // Outside a transaction, or SQLite ignores it.
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    try {
      for (const table of TABLES) await rebuildWithoutColumnUnique(db, table);
      // The rows kept their ids, so what references them still holds; what they reference is checked.
      for (const { table } of TABLES) {
        const { rows: broken } = await sql`select * from pragma_foreign_key_check(${table})`.execute(db);
        if (broken.length > 0) throw new Error(`${broken.length} ${table} rows lost their foreign key`);
      }
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function down(): Promise<void> {
  // The named indexes enforce the same uniqueness as the column constraints they replaced.
}
