import {
  countDocumentsNotParsedBy,
  listDocumentsNotParsedBy,
} from '@imr/store/repositories/document.repository';
import type { IngestReport } from './ingest-progress';
import { startWriteRun, type WriteRunOptions } from './write-run';

// Re-derives the rows of every letter an older (or other) parser version produced, from the raw text stored with
// it: no files needed. Same workers, batches and bookkeeping as ingest; a letter the current parser rejects keeps
// its old rows and is recorded in ingest_errors.

export type ReparseLettersOptions = WriteRunOptions;

export async function reparseLetters(options: ReparseLettersOptions): Promise<IngestReport> {
  const { store } = options;
  const run = await startWriteRun(
    { ...options, onNotice: options.onNotice ?? ((message) => console.error(message)) },
    () => ({
      // It reads the next page of stored letters from the store while the batches before it are written.
      commitEachBatch: true,
      mapOutcome: (outcome) =>
        outcome.ok ? outcome : { ...outcome, reason: `reparse kept the old rows: ${outcome.reason}` },
    }),
  );
  const { pipeline, parserVersion } = run;
  try {
    const total = await countDocumentsNotParsedBy(store.db, parserVersion);
    run.watch(() => total);
    // Keyset pages by id: re-derived letters get new, higher ids but carry the current version, so they are
    // not visited again.
    let afterId = 0;
    for (;;) {
      const page = await listDocumentsNotParsedBy(store.db, { parserVersion, afterId, limit: run.batchSize });
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
    await run.close();
  }
  return run.finish();
}
