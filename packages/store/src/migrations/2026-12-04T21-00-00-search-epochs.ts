import { type Kysely, sql } from 'kysely';
import { isPostgres } from './migration-dialect';

// Frozen once merged. PostgreSQL: a search ranks the newest 10,000 matches of each kind. For a word in a few
// percent of the rows, those lie among the newest few hundred thousand ids, and finding them meant ANDing the
// word's whole posting list with a bitmap of the primary key's newest ids, ~70 ms each bitmap at two million
// letters. Each search row now carries its epoch (its id's 65,536-id block), and one GIN index holds the epoch
// beside the vector (btree_gin supplies the integer operator class), so "this word in these epochs" is a single
// index scan that reads only the posting lists it needs (12-18 ms there). A search on the words alone uses the same
// index. Adding a stored generated column rewrites the tables: 18 s at 100k letters, minutes on a large store.
// SQLite's FTS5 tables are untouched.

const TABLES = [
  { table: 'item_search', id: 'item_id' },
  { table: 'case_search', id: 'case_id' },
] as const;

/** Ids per epoch, as a shift: postgres-window-plan.ts's EPOCH_BITS must stay equal to this. */
const EPOCH_BITS = 16;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  // An extension belongs to the database, not to a store's schema: in public, so that dropping a store's schema
  // never takes it (and every other store's index) along. Stores migrating at once take turns here.
  await sql`select pg_advisory_xact_lock(hashtext('imr: create extension btree_gin'))`.execute(db);
  await sql`create extension if not exists btree_gin schema public`.execute(db);
  for (const { table, id } of TABLES) {
    await sql`alter table ${sql.table(table)} add column epoch integer not null
      generated always as (${sql.ref(id)} >> ${sql.raw(String(EPOCH_BITS))}) stored`.execute(db);
    await sql`create index ${sql.raw(`${table}_epoch_gin`)} on ${sql.table(table)} using gin (epoch, search)`.execute(
      db,
    );
    await sql`drop index ${sql.raw(`${table}_gin`)}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const { table } of TABLES) {
    await sql`create index ${sql.raw(`${table}_gin`)} on ${sql.table(table)} using gin (search)`.execute(db);
    await sql`drop index ${sql.raw(`${table}_epoch_gin`)}`.execute(db);
    await sql`alter table ${sql.table(table)} drop column epoch`.execute(db);
  }
}
