import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, IngestErrorRow } from '../database';

// Ingest bookkeeping: one ingest_runs row per run (its counters advance in the same transaction as each batch of
// letters, so they stay true even when a run is killed) and one ingest_errors row per rejected file.

type Executor = Kysely<Database> | Transaction<Database>;

export interface IngestRunCounts {
  filesSeen: number;
  stored: number;
  alreadyPresent: number;
  updated: number;
  superseded: number;
  rejected: number;
}

export interface IngestErrorToRecord {
  file: string;
  sha256: string | null;
  reason: string;
}

export async function startIngestRun(
  db: Executor,
  run: { startedAt: string; parserVersion: string },
): Promise<number> {
  const row = await db
    .insertInto('ingestRuns')
    .values({
      startedAt: run.startedAt,
      parserVersion: run.parserVersion,
      filesSeen: 0,
      stored: 0,
      alreadyPresent: 0,
      updated: 0,
      superseded: 0,
      rejected: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Adds a batch's counts to the run's counters. */
export async function addIngestRunCounts(
  db: Executor,
  runId: number,
  counts: IngestRunCounts,
): Promise<void> {
  await db
    .updateTable('ingestRuns')
    .set((eb) => ({
      filesSeen: eb('filesSeen', '+', counts.filesSeen),
      stored: eb('stored', '+', counts.stored),
      alreadyPresent: eb('alreadyPresent', '+', counts.alreadyPresent),
      updated: eb('updated', '+', counts.updated),
      superseded: eb('superseded', '+', counts.superseded),
      rejected: eb('rejected', '+', counts.rejected),
    }))
    .where('id', '=', runId)
    .execute();
}

export async function finishIngestRun(db: Executor, runId: number, finishedAt: string): Promise<void> {
  await db.updateTable('ingestRuns').set({ finishedAt }).where('id', '=', runId).execute();
}

const ERRORS_PER_INSERT = 1000;

export async function recordIngestErrors(
  db: Executor,
  runId: number | null,
  errors: readonly IngestErrorToRecord[],
  createdAt: string = new Date().toISOString(),
): Promise<void> {
  for (let i = 0; i < errors.length; i += ERRORS_PER_INSERT) {
    const rows = errors
      .slice(i, i + ERRORS_PER_INSERT)
      .map((e) => ({ runId, file: e.file, sha256: e.sha256, reason: e.reason, createdAt }));
    await db.insertInto('ingestErrors').values(rows).execute();
  }
}

export async function listIngestErrors(db: Executor, runId?: number): Promise<IngestErrorRow[]> {
  let query = db.selectFrom('ingestErrors').selectAll().orderBy('id');
  if (runId !== undefined) query = query.where('runId', '=', runId);
  return query.execute();
}

export async function getIngestRun(db: Executor, runId: number) {
  return db.selectFrom('ingestRuns').selectAll().where('id', '=', runId).executeTakeFirst();
}

/**
 * Bulk-load settings for this SQLite connection: a bigger page cache, so the items table's many indexes stay in
 * memory while batches land, and checkpoints (each one fsyncs) every 32 MiB of WAL rather than every 4 MiB.
 * No effect on PostgreSQL.
 */
export async function tuneForBulkWrites(db: Executor, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`pragma cache_size = -131072`.execute(db); // 128 MiB
  await sql`pragma wal_autocheckpoint = 8192`.execute(db); // pages of 4 KiB
}
