import { type Kysely, sql } from 'kysely';
import { isPostgres } from './migration-dialect';

// Frozen once merged. On SQLite the letter write path fills the FTS5 tables itself, once per batch
// (sqlite-letter.repository.ts): the per-row insert triggers made FTS5 write a segment per item, which cost
// more than every other part of an insert. The delete and update triggers stay. PostgreSQL's statement-level
// triggers already run once per statement and are kept.

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`drop trigger if exists items_ai`.execute(db);
  await sql`drop trigger if exists cases_ai`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`create trigger items_ai after insert on items begin
    insert into item_search(rowid, title, rationale) values (new.id, new.title, new.rationale); end`.execute(
    db,
  );
  await sql`create trigger cases_ai after insert on cases begin
    insert into case_search(rowid, summary) values (new.id, coalesce(new.summary, '')); end`.execute(db);
}
