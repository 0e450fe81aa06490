import { type Kysely, sql } from 'kysely';
import { isPostgres } from './migration-dialect';

// Frozen once merged. PostgreSQL: every statement that changes what the API answers (a letter stored, replaced
// or rejected; an ingest run's counters) sends a notification on channel `imr:<the store's schema>` when its
// transaction commits (notifications are per database; the schema keeps stores side by side apart; a name too
// long for a channel sends none, and its readers ask the store instead), so a server learns of a commit without asking the store before every request
// (postgres-store-changes.ts). Statement-level triggers: one notification a statement, and PostgreSQL folds
// identical ones within a transaction into one. SQLite has `PRAGMA data_version` for this.

const TABLES = ['cases', 'ingest_errors', 'ingest_runs'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create or replace function imr_store_changed() returns trigger language plpgsql as $$
    declare
      channel text := 'imr:' || tg_table_schema;
    begin
      if octet_length(channel) <= 63 then
        perform pg_notify(channel, '');
      end if;
      return null;
    end $$`.execute(db);
  for (const table of TABLES) {
    await sql`create trigger ${sql.ref(`${table}_store_changed`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function imr_store_changed()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const table of TABLES) {
    await sql`drop trigger if exists ${sql.ref(`${table}_store_changed`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists imr_store_changed()`.execute(db);
}
