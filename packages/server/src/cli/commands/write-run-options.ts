import { resolveDbTarget } from '@imr/store/client';
import type { Command } from 'commander';

// What `imr ingest` and `imr reparse` share: both write batches of letters parsed by worker threads.

export interface WriteRunOptions {
  db?: string;
  batch: string;
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
    .option('--batch <letters>', 'letters per transaction', '500')
    .option('--threads <n>', 'parse worker threads (default: one per core)')
    .option('--no-progress', 'no progress bar or progress lines');
}

/** The options checked: batch size, worker threads (undefined: one per core) and the store to write. */
export function writeRunOf(options: WriteRunOptions): {
  batchSize: number;
  threads: number | undefined;
  target: string;
} {
  return {
    batchSize: positiveInteger('--batch', options.batch),
    threads: options.threads === undefined ? undefined : positiveInteger('--threads', options.threads),
    target: resolveDbTarget(options.db || process.env.IMR_DB),
  };
}
