import type { IngestProgress, IngestReport } from '@imr/ingest/ingest-progress';
import { formatIngestSummary } from '@imr/ingest/ingest-summary';
import { createProgressReporter } from '@imr/ingest/progress-reporter';
import { defaultBatchSize } from '@imr/ingest/write-run';
import { openStore, redactTarget, resolveDbTarget, type Store } from '@imr/store/client';
import type { Command } from 'commander';

// What `imr ingest` and `imr reparse` share: both write batches of letters parsed by worker threads.

export interface WriteRunOptions {
  db?: string;
  batch?: string;
  threads?: string;
  progress: boolean;
}

/** A positive integer option, or a clear error naming the option. */
export function positiveInteger(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

export function addWriteRunOptions(command: Command): Command {
  return command
    .option(
      '--db <target>',
      'SQLite file or postgres:// URL (default: $IMR_DB, $DATABASE_URL, ./data/imr.db)',
    )
    .option(
      '--batch <letters>',
      `letters per transaction (default: ${defaultBatchSize('sqlite')} on SQLite, ${defaultBatchSize('postgres')} on PostgreSQL)`,
    )
    .option('--threads <n>', 'parse worker threads (default: one per core)')
    .option('--no-progress', 'no progress bar or progress lines');
}

/** The options checked: batch size, worker threads (undefined: one per core) and the store to write. */
export function writeRunOf(options: WriteRunOptions): {
  /** Undefined: the store's default (defaultBatchSize in write-run.ts). */
  batchSize: number | undefined;
  threads: number | undefined;
  target: string;
} {
  return {
    batchSize: options.batch === undefined ? undefined : positiveInteger('--batch', options.batch),
    threads: options.threads === undefined ? undefined : positiveInteger('--threads', options.threads),
    target: resolveDbTarget(options.db || process.env.IMR_DB),
  };
}

/** What a write command's run is given: the open store, the checked options, and where progress goes. */
export interface WriteRun {
  store: Store;
  /** Undefined: the store's default. */
  batchSize: number | undefined;
  threads: number | undefined;
  onProgress: ((progress: IngestProgress) => void) | undefined;
  /** Prints a notice on stderr, clearing the progress bar first. */
  onNotice: (message: string) => void;
}

/**
 * Runs `imr ingest` or `imr reparse`: opens the store, shows progress, prints the summary and sets the exit
 * code: 0 when every letter was stored or already present, 1 when any was rejected, 2 when the run failed.
 */
export async function runWrite(
  name: 'ingest' | 'reparse',
  options: WriteRunOptions,
  write: (run: WriteRun) => Promise<IngestReport>,
): Promise<void> {
  try {
    const { batchSize, threads, target } = writeRunOf(options);
    const store = await openStore(target);
    const reporter = options.progress ? createProgressReporter({ label: name }) : null;
    try {
      const report = await write({
        store,
        batchSize,
        threads,
        onProgress: reporter?.update,
        onNotice: (message) => {
          reporter?.stop();
          console.error(message);
        },
      });
      reporter?.stop();
      const verb = name === 'ingest' ? 'ingested' : 'reparsed';
      console.log(formatIngestSummary(report, { verb, db: redactTarget(target) }));
      console.log(`  store: ${redactTarget(target)}`);
      process.exitCode = report.rejected > 0 ? 1 : 0;
    } finally {
      reporter?.stop();
      await store.close();
    }
  } catch (error) {
    console.error(`imr ${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
