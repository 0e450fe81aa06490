import { type Kysely, sql } from 'kysely';

// Frozen once merged. How many letters of a run were not kept because another letter with the same case number
// wins (a later decision, letter-batch-plan.ts): counted apart from "already present", which is the same text.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table ingest_runs add column superseded integer not null default 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table ingest_runs drop column superseded`.execute(db);
}
