import { PARSER_VERSION } from '@imr/parser';
import { refreshPlannerStatistics, type Store } from '@imr/store/client';
import {
  finishIngestRun,
  startIngestRun,
  tuneForBulkWrites,
} from '@imr/store/repositories/ingest.repository';
import { endBulkLoad, finishInterruptedBulkLoad, startBulkLoad } from './bulk-load';
import type { IngestProgress, IngestReport } from './ingest-progress';
import type { LetterBatchWriter } from './letter-batch-writer';
import { LetterPipeline } from './letter-pipeline';
import { listInputFiles } from './list-input-files';
import { RunClock } from './run-clock';

// Files on disk → committed rows. The walker streams paths; parse workers read, decode, hash, parse and compress;
// this thread only writes, a batch per transaction. At most `maxInFlight` letters are between the walker and a
// commit, so memory is flat however many files there are.

export interface IngestFilesOptions {
  store: Store;
  /** Files, folders (walked recursively) and globs. */
  paths: readonly string[];
  onProgress?: (progress: IngestProgress) => void;
  /** How often onProgress is called. Default 250 ms. */
  progressIntervalMs?: number;
  /** Count the input alongside the run so progress has a total (default: when onProgress is given). */
  countTotal?: boolean;
  /** Letters per transaction. Default 500. */
  batchSize?: number;
  /** Parse workers. Default: os.availableParallelism(). */
  threads?: number;
  /** Letters between the walker and a commit at most. Default 4 batches. */
  maxInFlight?: number;
  /** Stands in for the parser's version on every record (tests of re-derivation use it). */
  parserVersion?: string;
  /** Hears about slow maintenance that is not the run itself (finishing an interrupted bulk load). */
  onNotice?: (message: string) => void;
}

export const DEFAULT_BATCH_SIZE = 500;
// Below this the indexes build in well under a second: not worth a line.
const NOTICE_FROM_LETTERS = 20_000;

export async function ingestFiles(options: IngestFilesOptions): Promise<IngestReport> {
  const { store, paths, onProgress } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const parserVersion = options.parserVersion ?? PARSER_VERSION;
  const clock = new RunClock();
  await tuneForBulkWrites(store.db, store.dialect);
  finishInterruptedBulkLoad(store, options.onNotice);
  const runId = await startIngestRun(store.db, { startedAt: clock.startedAt, parserVersion });
  // Into a new store, indexes and full text are built once at the end (bulk-load.repository.ts).
  const bulk = startBulkLoad(store);
  const pipeline = new LetterPipeline({
    store,
    runId,
    batchSize,
    maxInFlight: options.maxInFlight ?? batchSize * 4,
    threads: options.threads,
    parserVersion: options.parserVersion,
    deferSearch: bulk,
  });

  let total: number | null = null;
  let listed = false;
  const progress = (): IngestProgress =>
    progressOf(pipeline.writer, pipeline.found, total ?? (listed ? pipeline.found : null), clock);
  const ticker = onProgress
    ? setInterval(() => onProgress(progress()), options.progressIntervalMs ?? 250)
    : null;
  if (onProgress && (options.countTotal ?? true)) {
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
    if (ticker) clearInterval(ticker);
    await pipeline.close();
  }
  if (bulk) {
    // Also after a failure: what was stored stays searchable and indexed.
    const { stored, updated } = pipeline.writer.totals;
    const noticed = stored + updated >= NOTICE_FROM_LETTERS;
    if (noticed) {
      options.onNotice?.(
        `building indexes and full-text search for ${(stored + updated).toLocaleString('en-US')} letters…`,
      );
    }
    try {
      const started = performance.now();
      endBulkLoad(store);
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
  await finishIngestRun(store.db, runId, new Date().toISOString());
  await refreshPlannerStatistics(store.db, store.dialect);
  onProgress?.(progress());
  return reportOf(runId, parserVersion, pipeline.writer, clock.seconds());
}

async function countLetterFiles(paths: readonly string[]): Promise<number> {
  let n = 0;
  for await (const entry of listInputFiles(paths)) if (entry.kind !== 'skipped') n++;
  return n;
}

export function progressOf(
  writer: LetterBatchWriter,
  found: number,
  total: number | null,
  clock: RunClock,
): IngestProgress {
  const { stored, alreadyPresent, updated, rejected, skipped } = writer.totals;
  return {
    stored,
    alreadyPresent,
    updated,
    rejected,
    skipped,
    done: stored + alreadyPresent + updated + rejected,
    parsed: writer.added,
    found,
    total,
    elapsedSeconds: clock.seconds(),
  };
}

export function reportOf(
  runId: number,
  parserVersion: string,
  writer: LetterBatchWriter,
  seconds: number,
): IngestReport {
  const { stored, alreadyPresent, updated, rejected, skipped } = writer.totals;
  const settled = stored + alreadyPresent + updated + rejected;
  return {
    runId,
    parserVersion,
    stored,
    alreadyPresent,
    updated,
    rejected,
    skipped,
    rejections: [...writer.rejections]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    firstRejected: [...writer.firstRejected],
    seconds,
    lettersPerSecond: seconds > 0 ? settled / seconds : 0,
  };
}
