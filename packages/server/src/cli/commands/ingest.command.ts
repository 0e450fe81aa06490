import type { Command } from 'commander';
import { addWriteRunOptions, runWrite, type WriteRunOptions } from './write-run-options';

// The ingest modules (parser, workers) load when the command runs, so other commands start without them.

/** `imr ingest PATH... [--db FILE]`: letters from files, folders and globs into the store. */
export function registerIngestCommand(program: Command): void {
  const command = program
    .command('ingest')
    .description(
      'store letters (.txt, .md, .html, .pdf) from files, folders (recursively) and globs; exit code 0 when every letter was stored or already present, 1 when any file was rejected, 2 when the run failed',
    )
    .argument('<paths...>', 'files, folders and globs (quote globs so the shell leaves them alone)');
  addWriteRunOptions(command).action((paths: string[], options: WriteRunOptions) =>
    runWrite('ingest', options, async (run) => {
      const { ingestFiles } = await import('@imr/ingest/ingest-files');
      return ingestFiles({ ...run, paths });
    }),
  );
}
