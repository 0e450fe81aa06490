import { type Kysely, sql } from 'kysely';

// Frozen once merged. caseStats scans every case (counts, items and a histogram of days, per group); this index
// holds every column it reads, so the scan reads ~50 bytes a case instead of whole case rows with their summaries
// (seconds at two million cases). Same SQL on both backends.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index cases_stats on cases (date_decision, days_to_decision, item_count, priority, patient_sex,
    patient_age_band, reviewer_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index cases_stats`.execute(db);
}
