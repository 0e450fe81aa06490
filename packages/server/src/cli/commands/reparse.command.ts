import type { Command } from 'commander';
import { addWriteRunOptions, runWrite, type WriteRunOptions } from './write-run-options';

// The ingest modules (parser, workers) load when the command runs, so other commands start without them.

/** `imr reparse [--db FILE]`: re-derive letters stored by another parser version from their stored text. */
export function registerReparseCommand(program: Command): void {
  const command = program
    .command('reparse')
    .description(
      're-derive the rows of letters stored by another parser version from their stored raw text (no files needed); exit code 1 when the current parser rejects any of them (their old rows are kept)',
    );
  addWriteRunOptions(command).action((options: WriteRunOptions) =>
    runWrite('reparse', options, async (run) => {
      const { reparseLetters } = await import('@imr/ingest/reparse-letters');
      return reparseLetters(run);
    }),
  );
}
