import { type Kysely, sql } from 'kysely';

// Frozen once merged. An item whose request utilization review partly certified ("The remaining IMR eligible
// portion of the original request, ..."). An integer 0/1 on both backends: SQLite has no boolean, and the one
// row builder (letter-rows.ts) writes the same value to either. Rows stored before read 0 until `reparse`
// (the parser version changed with this field).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table items add column partially_certified integer not null default 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table items drop column partially_certified`.execute(db);
}
