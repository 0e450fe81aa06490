import { endBulkLoad, startBulkLoad } from './bulk-load';
import type { IngestReport } from './ingest-progress';
import { listInputFiles } from './list-input-files';
import { startWriteRun, type WriteRunOptions } from './write-run';

// Files on disk → committed rows. The walker streams paths; parse workers read, decode, hash, parse and compress;
// this thread only writes, a batch per transaction. At most `maxInFlight` letters are between the walker and a
// commit, so memory is flat however many files there are.

export interface IngestFilesOptions extends WriteRunOptions {
  /** Files, folders (walked recursively) and globs. */
  paths: readonly string[];
  /** Count the input alongside the run so progress has a total (default: when onProgress is given). */
  countTotal?: boolean;
}

// Below this the indexes build in well under a second: not worth a line.
const NOTICE_FROM_LETTERS = 20_000;

export async function ingestFiles(options: IngestFilesOptions): Promise<IngestReport> {
  const { store, paths } = options;
  // Into a new store, indexes and full text are built once at the end (bulk-load.repository.ts).
  const run = await startWriteRun(options, () => ({ deferSearch: startBulkLoad(store) }));
  const { pipeline } = run;
  let total: number | null = null;
  let listed = false;
  run.watch(() => total ?? (listed ? pipeline.found : null));
  if (options.onProgress && (options.countTotal ?? true)) {
    countLetterFiles(paths).then(
      (n) => {
        total = n;
      },
      () => {}, // Only the estimate is lost; the run itself reports unreadable paths.
    );
  }
  let failure: unknown = null;
  try {
    for await (const entry of listInputFiles(paths)) {
      if (entry.kind === 'skipped') pipeline.skip();
      else if (entry.kind === 'unreadable') await pipeline.reject(entry.path, entry.reason);
      else await pipeline.parse({ kind: 'file', path: entry.path });
    }
    listed = true;
    await pipeline.finish();
  } catch (error) {
    failure = error;
  } finally {
    await run.close();
  }
  if (run.deferSearch) {
    // Also after a failure: what was stored stays searchable and indexed.
    const { stored, updated } = pipeline.writer.totals;
    const noticed = stored + updated >= NOTICE_FROM_LETTERS;
    if (noticed) {
      options.onNotice?.(
        `building indexes and full-text search for ${(stored + updated).toLocaleString('en-US')} letters…`,
      );
    }
    // Tens of megabytes at two million letters, freed before the finish's sort buffers and full-text builds.
    pipeline.writer.forgetLoadedKeys();
    try {
      const started = performance.now();
      pipeline.writer.settle(await endBulkLoad(store));
      if (noticed) {
        options.onNotice?.(
          `indexes and full-text search built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      }
    } catch (error) {
      // After a failed run (disk full...) the run's own error is the one to report; the note of what is left to
      // build stays in the store for the next writer.
      failure ??= error;
    }
  }
  if (failure) throw failure;
  return run.finish();
}

async function countLetterFiles(paths: readonly string[]): Promise<number> {
  let n = 0;
  for await (const entry of listInputFiles(paths)) if (entry.kind !== 'skipped') n++;
  return n;
}
