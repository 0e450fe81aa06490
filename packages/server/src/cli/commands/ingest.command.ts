import { formatIngestSummary } from '@imr/ingest/ingest-summary';
import { createProgressReporter } from '@imr/ingest/progress-reporter';
// The ingest modules (parser, workers) load when the command runs, so other commands start without them.
import { openStore, redactTarget } from '@imr/store/client';
import type { Command } from 'commander';
import { addWriteRunOptions, type WriteRunOptions, writeRunOf } from './write-run-options';

/** `imr ingest PATH... [--db FILE]`: letters from files, folders and globs into the store. */
export function registerIngestCommand(program: Command): void {
  const command = program
    .command('ingest')
    .description(
      'store letters (.txt, .md, .html, .pdf) from files, folders (recursively) and globs; exit code 0 when every letter was stored or already present, 1 when any file was rejected, 2 when the run failed',
    )
    .argument('<paths...>', 'files, folders and globs (quote globs so the shell leaves them alone)');
  addWriteRunOptions(command).action(async (paths: string[], options: WriteRunOptions) => {
    try {
      const { batchSize, threads, target } = writeRunOf(options);
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
