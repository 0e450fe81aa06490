import { type Kysely, sql } from 'kysely';

// Frozen once merged. The guideline aggregates (citedPages, guidelineStats) join the selected items to their
// citations and keep those cited by one party: with citations_item on (item_id, ordinal) alone, every citation
// row was read for its cited_by and guideline_id, a random page read each on a store larger than memory (30 s for
// the 132,000 citations of massage therapy items at two million letters). With those columns in the index the
// join reads only the index, in item order; it still orders an item's citations for the nested connection.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index citations_item`.execute(db);
  await sql`create index citations_item on citations (item_id, ordinal, cited_by, guideline_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index citations_item`.execute(db);
  await sql`create index citations_item on citations (item_id, ordinal)`.execute(db);
}
