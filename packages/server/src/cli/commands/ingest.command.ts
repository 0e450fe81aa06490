import { formatIngestSummary } from '@imr/ingest/ingest-summary';
import { createProgressReporter } from '@imr/ingest/progress-reporter';
// The ingest modules (parser, workers) load when the command runs, so other commands start without them.
import { openStore, redactTarget, resolveDbTarget } from '@imr/store/client';
import type { Command } from 'commander';

interface IngestCommandOptions {
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

/** `imr ingest PATH... [--db FILE]`: letters from files, folders and globs into the store. */
export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description(
      'store letters (.txt, .md, .html, .pdf) from files, folders (recursively) and globs; exit code 0 when every letter was stored or already present, 1 when any file was rejected, 2 when the run failed',
    )
    .argument('<paths...>', 'files, folders and globs (quote globs so the shell leaves them alone)')
    .option(
      '--db <target>',
      'SQLite file or postgres:// URL (default: $IMR_DB, $DATABASE_URL, ./data/imr.db)',
    )
    .option('--batch <letters>', 'letters per transaction', '500')
    .option('--threads <n>', 'parse worker threads (default: one per core)')
    .option('--no-progress', 'no progress bar or progress lines')
    .action(async (paths: string[], options: IngestCommandOptions) => {
      try {
        const batchSize = positiveInteger('--batch', options.batch);
        const threads =
          options.threads === undefined ? undefined : positiveInteger('--threads', options.threads);
        const target = resolveDbTarget(options.db || process.env.IMR_DB);
        const store = await openStore(target);
        const reporter = options.progress ? createProgressReporter({ label: 'ingest' }) : null;
        try {
          const { ingestFiles } = await import('@imr/ingest/ingest-files');
          const report = await ingestFiles({
            store,
            paths,
            batchSize,
            threads,
            onProgress: reporter?.update,
            onNotice: (message) => {
              reporter?.stop();
              console.error(message);
            },
          });
          reporter?.stop();
          console.log(formatIngestSummary(report, { db: redactTarget(target) }));
          console.log(`  store: ${redactTarget(target)}`);
          process.exitCode = report.rejected > 0 ? 1 : 0;
        } finally {
          reporter?.stop();
          await store.close();
        }
      } catch (error) {
        console.error(`imr ingest: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 2;
      }
    });
}
