import { formatIngestSummary } from '@imr/ingest/ingest-summary';
import { createProgressReporter } from '@imr/ingest/progress-reporter';
// The ingest modules (parser, workers) load when the command runs, so other commands start without them.
import { openStore, redactTarget } from '@imr/store/client';
import type { Command } from 'commander';
import { addWriteRunOptions, type WriteRunOptions, writeRunOf } from './write-run-options';

/** `imr reparse [--db FILE]`: re-derive letters stored by another parser version from their stored text. */
export function registerReparseCommand(program: Command): void {
  const command = program
    .command('reparse')
    .description(
      're-derive the rows of letters stored by another parser version from their stored raw text (no files needed); exit code 1 when the current parser rejects any of them (their old rows are kept)',
    );
  addWriteRunOptions(command).action(async (options: WriteRunOptions) => {
    try {
      const { batchSize, threads, target } = writeRunOf(options);
      const store = await openStore(target);
      const reporter = options.progress ? createProgressReporter({ label: 'reparse' }) : null;
      try {
        const { reparseLetters } = await import('@imr/ingest/reparse-letters');
        const report = await reparseLetters({ store, batchSize, threads, onProgress: reporter?.update });
        reporter?.stop();
        console.log(formatIngestSummary(report, { verb: 'reparsed', db: redactTarget(target) }));
        console.log(`  store: ${redactTarget(target)}`);
        process.exitCode = report.rejected > 0 ? 1 : 0;
      } finally {
        reporter?.stop();
        await store.close();
      }
    } catch (error) {
      console.error(`imr reparse: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    }
  });
}
