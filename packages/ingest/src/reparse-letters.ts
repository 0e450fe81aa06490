import { PARSER_VERSION } from '@imr/parser';
import { refreshPlannerStatistics, type Store } from '@imr/store/client';
import {
  countDocumentsNotParsedBy,
  listDocumentsNotParsedBy,
} from '@imr/store/repositories/document.repository';
import {
  finishIngestRun,
  startIngestRun,
  tuneForBulkWrites,
} from '@imr/store/repositories/ingest.repository';
import { finishInterruptedBulkLoad } from './bulk-load';
import { progressOf, reportOf } from './ingest-files';
import type { IngestProgress, IngestReport } from './ingest-progress';
import { LetterPipeline } from './letter-pipeline';
import { RunClock } from './run-clock';

// Re-derives the rows of every letter an older (or other) parser version produced, from the raw text stored with
// it: no files needed. Same workers, batches and bookkeeping as ingest; a letter the current parser rejects keeps
// its old rows and is recorded in ingest_errors.

export interface ReparseLettersOptions {
  store: Store;
  onProgress?: (progress: IngestProgress) => void;
  progressIntervalMs?: number;
  batchSize?: number;
  threads?: number;
  maxInFlight?: number;
  /** Stands in for the parser's version (tests). */
  parserVersion?: string;
}

export async function reparseLetters(options: ReparseLettersOptions): Promise<IngestReport> {
  const { store, onProgress } = options;
  const batchSize = options.batchSize ?? 500;
  const parserVersion = options.parserVersion ?? PARSER_VERSION;
  const clock = new RunClock();
  await tuneForBulkWrites(store.db, store.dialect);
  finishInterruptedBulkLoad(store, (message) => console.error(message));
  const total = await countDocumentsNotParsedBy(store.db, parserVersion);
  const runId = await startIngestRun(store.db, { startedAt: clock.startedAt, parserVersion });
  const pipeline = new LetterPipeline({
    store,
    runId,
    batchSize,
    maxInFlight: options.maxInFlight ?? batchSize * 4,
    threads: options.threads,
    parserVersion: options.parserVersion,
    mapOutcome: (outcome) =>
      outcome.ok ? outcome : { ...outcome, reason: `reparse kept the old rows: ${outcome.reason}` },
  });
  const progress = () => progressOf(pipeline.writer, pipeline.found, total, clock);
  const ticker = onProgress
    ? setInterval(() => onProgress(progress()), options.progressIntervalMs ?? 250)
    : null;
  try {
    // Keyset pages by id: re-derived letters get new, higher ids but carry the current version, so they are
    // not visited again.
    let afterId = 0;
    for (;;) {
      const page = await listDocumentsNotParsedBy(store.db, { parserVersion, afterId, limit: batchSize });
      if (page.length === 0) break;
      for (const doc of page) {
        await pipeline.parse({
          kind: 'stored',
          path: doc.sourcePath,
          sizeBytes: doc.sizeBytes,
          rawText: doc.rawText,
        });
        afterId = doc.id;
      }
    }
    await pipeline.finish();
  } finally {
    if (ticker) clearInterval(ticker);
    await pipeline.close();
  }
  await finishIngestRun(store.db, runId, new Date().toISOString());
  await refreshPlannerStatistics(store.db, store.dialect);
  onProgress?.(progress());
  return reportOf(runId, parserVersion, pipeline.writer, clock.seconds());
}
