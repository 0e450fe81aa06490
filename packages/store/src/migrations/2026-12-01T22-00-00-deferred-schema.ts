import { type Kysely, sql } from 'kysely';

// Frozen once merged. A bulk load into a new store drops the secondary indexes and full-text triggers and builds
// them once at the end (bulk-load.repository.ts); this table holds the statements that put them back, so a run
// killed in between leaves the store a note of what to rebuild, and the next writer finishes it. PostgreSQL has
// the table too (one schema for both), and never fills it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table deferred_schema (
    name text primary key,
    position integer not null,
    statement text not null,
    owner_pid integer not null,
    deferred_at text not null)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table deferred_schema`.execute(db);
}
