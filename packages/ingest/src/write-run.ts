import { PARSER_VERSION } from '@imr/parser';
import { refreshPlannerStatistics, type Store } from '@imr/store/client';
import {
  finishIngestRun,
  startIngestRun,
  tuneForBulkWrites,
} from '@imr/store/repositories/ingest.repository';
import { WalCheckpointer } from '@imr/store/wal-checkpointer';
import { finishInterruptedBulkLoad } from './bulk-load';
import type { IngestProgress, IngestReport } from './ingest-progress';
import type { LetterBatchWriter } from './letter-batch-writer';
import { LetterPipeline, type LetterPipelineOptions } from './letter-pipeline';
import { RunClock } from './run-clock';

// What ingest and reparse share around their own input: the store made ready for bulk writes, a run recorded in
// ingest_runs, the pipeline of parse workers and batched transactions, progress on a timer, and at the end the
// run closed and reported. Each brings only where its letters come from.

export interface WriteRunOptions {
  store: Store;
  onProgress?: (progress: IngestProgress) => void;
  /** How often onProgress is called. Default 250 ms. */
  progressIntervalMs?: number;
  /**
   * Letters per transaction. Default: defaultBatchSize of the store's dialect. They are written in batches of at
   * most writeBatchSize letters, and a run that reads the store between batches (reparse) commits each batch.
   */
  batchSize?: number;
  /** Parse workers. Default: os.availableParallelism(). */
  threads?: number;
  /** Letters between the input and a commit at most. Default 4 batches. */
  maxInFlight?: number;
  /** Stands in for the parser's version on every record (tests of re-derivation use it). */
  parserVersion?: string;
  /** Hears about slow maintenance that is not the run itself (finishing an interrupted bulk load). */
  onNotice?: (message: string) => void;
}

/**
 * Letters per transaction when the caller does not say. On SQLite each commit journals and rewrites the pages
 * its batches changed that were there before (letter-batch-writer.ts), so a transaction holds several batches:
 * 2M letters on one machine, single runs: 200 letters a commit 719-743 s (94-96 GB written), 1,000 689-718 s
 * (87 GB), 4,000 744 s (80 GB): less written, a few percent at most faster. On PostgreSQL a transaction is one
 * batch.
 */
export function defaultBatchSize(dialect: Store['dialect']): number {
  return dialect === 'sqlite' ? SQLITE_LETTERS_PER_COMMIT : writeBatchSize(dialect);
}

const SQLITE_LETTERS_PER_COMMIT = 1_000;

/**
 * Letters a batch is written in. On SQLite a batch's letters wait on the main thread's young heap until their
 * turn and stay there while the batch is written, so every scavenge copies them: at 500 letters (2,000 in
 * flight) scavenges took 3.5 s of a 100k-letter ingest's main thread, at 200 1.2 s, and the whole run used 12 %
 * less CPU (100 did no better than 200). On PostgreSQL a batch is a few multi-row INSERTs a table, whose round
 * trips a larger batch shares out.
 */
export function writeBatchSize(dialect: Store['dialect']): number {
  return dialect === 'sqlite' ? 200 : 500;
}

/** What a run's input decides about its pipeline. */
export type PipelineChoices = Pick<LetterPipelineOptions, 'deferSearch' | 'mapOutcome'> & {
  /** The input reads the store between batches, which a transaction holding several would keep waiting. */
  commitEachBatch?: boolean;
};

/** A run in progress: its record, its pipeline, and its progress reported every interval once watched. */
export class WriteRun {
  private ticker: NodeJS.Timeout | null = null;
  private total: () => number | null = () => null;

  constructor(
    /** The caller's options. */
    private readonly options: WriteRunOptions,
    readonly runId: number,
    readonly parserVersion: string,
    private readonly clock: RunClock,
    readonly pipeline: LetterPipeline,
    /** Whether the full-text tables are left to a bulk load this run owns (its input's choice). */
    readonly deferSearch: boolean,
    /** Checkpoints the log off the writing thread (SQLite file stores). */
    private readonly checkpointer: WalCheckpointer | null,
  ) {}

  /** Letters per written batch, which is also how many a run's input is best read in at a time. */
  get batchSize(): number {
    return this.pipeline.batchSize;
  }

  progress(): IngestProgress {
    return progressOf(this.pipeline.writer, this.pipeline.found, this.total(), this.clock);
  }

  /** Reports progress every interval from now on, against `total` (null while unknown). */
  watch(total: () => number | null): void {
    this.total = total;
    const { onProgress } = this.options;
    if (onProgress && !this.ticker) {
      this.ticker = setInterval(() => onProgress(this.progress()), this.options.progressIntervalMs ?? 250);
    }
  }

  /** Stops the ticker and the parse workers; call it whatever became of the run. */
  async close(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    try {
      await this.pipeline.close();
    } finally {
      await this.checkpointer?.stop();
    }
  }

  /** Records the run as finished, refreshes the planner's statistics and reports the run. */
  async finish(): Promise<IngestReport> {
    const { store } = this.options;
    await finishIngestRun(store.db, this.runId, new Date().toISOString());
    await refreshPlannerStatistics(store.db, store.dialect);
    this.options.onProgress?.(this.progress());
    return reportOf(this.runId, this.parserVersion, this.pipeline.writer, this.clock.seconds());
  }
}

/**
 * Makes the store ready for bulk writes (finishing a bulk load an earlier run left), lets the input `prepare`
 * what it must before the run is recorded, records the run and starts its pipeline.
 */
export async function startWriteRun(
  options: WriteRunOptions,
  prepare: () => PipelineChoices,
): Promise<WriteRun> {
  const { store } = options;
  const lettersPerCommit = options.batchSize ?? defaultBatchSize(store.dialect);
  const batchSize = Math.min(lettersPerCommit, writeBatchSize(store.dialect));
  const parserVersion = options.parserVersion ?? PARSER_VERSION;
  const clock = new RunClock();
  await tuneForBulkWrites(store.db, store.dialect);
  await finishInterruptedBulkLoad(store, options.onNotice);
  const { commitEachBatch, ...choices } = prepare();
  const runId = await startIngestRun(store.db, { startedAt: clock.startedAt, parserVersion });
  const pipeline = new LetterPipeline({
    store,
    runId,
    batchSize,
    lettersPerCommit: commitEachBatch ? batchSize : lettersPerCommit,
    maxInFlight: options.maxInFlight ?? batchSize * 4,
    threads: options.threads,
    parserVersion: options.parserVersion,
    ...choices,
  });
  const checkpointer = store.sqlite ? WalCheckpointer.start(store.sqlite) : null;
  return new WriteRun(
    options,
    runId,
    parserVersion,
    clock,
    pipeline,
    choices.deferSearch ?? false,
    checkpointer,
  );
}

export function progressOf(
  writer: LetterBatchWriter,
  found: number,
  total: number | null,
  clock: RunClock,
): IngestProgress {
  const { stored, alreadyPresent, updated, superseded, rejected, skipped } = writer.totals;
  return {
    stored,
    alreadyPresent,
    updated,
    superseded,
    rejected,
    skipped,
    done: stored + alreadyPresent + updated + superseded + rejected,
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
  const { stored, alreadyPresent, updated, superseded, rejected, skipped } = writer.totals;
  const settled = stored + alreadyPresent + updated + superseded + rejected;
  return {
    runId,
    parserVersion,
    stored,
    alreadyPresent,
    updated,
    superseded,
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
