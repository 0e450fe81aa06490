import os from 'node:os';
import type { Store } from '@imr/store/client';
import { InFlightLimit } from './in-flight-limit';
import { LetterBatchWriter, type WriteTotals } from './letter-batch-writer';
import type { ParseOutcome, ParseTask } from './parse-task';
import { ParseWorkerPool } from './parse-worker-pool';

// The machinery ingest and reparse share: tasks go to the parse workers, their outcomes to the batch writer, and
// a limit on letters in flight makes the producer wait while the database catches up. A failure that must stop
// the run (a worker that cannot start, a database error) ends every wait with that error.

export interface LetterPipelineOptions {
  store: Store;
  runId: number;
  /** Letters a batch is written in. */
  batchSize: number;
  /** Letters a transaction holds at most, in whole batches (LetterBatchWriterOptions). */
  lettersPerCommit: number;
  maxInFlight: number;
  threads?: number;
  parserVersion?: string;
  /** Leave the full-text tables to the bulk load this run owns. */
  deferSearch?: boolean;
  /** Rewrites an outcome before it is written (reparse prefixes its rejection reasons). */
  mapOutcome?: (outcome: ParseOutcome) => ParseOutcome;
}

type TaskWithoutSeq = ParseTask extends infer T ? (T extends ParseTask ? Omit<T, 'seq'> : never) : never;

export class LetterPipeline {
  readonly writer: LetterBatchWriter;
  private readonly limit: InFlightLimit;
  private readonly pool: ParseWorkerPool;
  private seq = 0;
  private ended = false;
  private fatal: Error | null = null;
  private settle: () => void = () => {};
  private readonly allParsed = new Promise<void>((resolve) => {
    this.settle = resolve;
  });

  constructor(private readonly options: LetterPipelineOptions) {
    this.limit = new InFlightLimit(Math.max(options.maxInFlight, options.batchSize + 1));
    this.writer = new LetterBatchWriter(options.store, {
      runId: options.runId,
      batchSize: options.batchSize,
      lettersPerCommit: options.lettersPerCommit,
      deferSearch: options.deferSearch,
      onWritten: (count) => this.limit.release(count),
      onFailure: (error) => this.fail(error),
    });
    const map = options.mapOutcome ?? ((o: ParseOutcome) => o);
    this.pool = new ParseWorkerPool({
      threads: options.threads ?? os.availableParallelism(),
      parserVersion: options.parserVersion,
      onOutcome: (outcome) => {
        this.writer.add(map(outcome));
        this.checkAllParsed();
      },
      onFatal: (error) => this.fail(error),
    });
  }

  /** Letters a batch is written in. */
  get batchSize(): number {
    return this.options.batchSize;
  }

  /** Letters handed to the pipeline so far. */
  get found(): number {
    return this.seq;
  }

  get totals(): WriteTotals {
    return this.writer.totals;
  }

  /** Queues a task for the parse workers, once there is room. */
  async parse(task: TaskWithoutSeq): Promise<void> {
    await this.limit.acquire();
    this.pool.submit({ ...task, seq: this.seq++ } as ParseTask);
  }

  /** Records a file that was rejected before parsing (e.g. unreadable), once there is room. */
  async reject(path: string, reason: string): Promise<void> {
    await this.limit.acquire();
    this.writer.add({ seq: this.seq++, path, ok: false, reason, sha256: null });
  }

  skip(): void {
    this.writer.skip();
  }

  /** Waits for every queued letter to be parsed and committed. */
  async finish(): Promise<void> {
    this.ended = true;
    this.checkAllParsed();
    await this.allParsed;
    if (this.fatal) throw this.fatal;
    await this.writer.flush();
  }

  /** Stops the workers and commits what was written; call always, also after a failure. */
  async close(): Promise<void> {
    try {
      await this.pool.close();
    } finally {
      await this.writer.commitWritten();
    }
  }

  private checkAllParsed(): void {
    if (this.ended && this.writer.added === this.seq) this.settle();
  }

  private fail(error: Error): void {
    this.fatal ??= error;
    this.limit.abort(error);
    this.settle();
  }
}
