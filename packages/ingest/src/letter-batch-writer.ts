import { BatchedTransaction } from '@imr/store/batched-transaction';
import { refreshPlannerStatistics, type Store, type WriteTransaction } from '@imr/store/client';
import { countCases } from '@imr/store/repositories/case.repository';
import { CommittedIds } from '@imr/store/repositories/committed-ids';
import {
  addIngestRunCounts,
  type IngestErrorToRecord,
  type IngestRunCounts,
  recordIngestErrors,
} from '@imr/store/repositories/ingest.repository';
import { type LetterToSave, type SaveOutcome, saveLetters } from '@imr/store/repositories/letter.repository';
import { LetterKeyTable } from '@imr/store/repositories/letter-key-table';
import type { ParseOutcome } from './parse-task';
import { PlannerStatisticsSchedule } from './planner-statistics-schedule';

// Collects parse outcomes and writes them in batches, one after another, in order. A batch is written in a
// savepoint of the open transaction: the letters (saveLetters), the rejected files (ingest_errors) and the run's
// counters land together or not at all, so a run killed at any moment leaves the store and its bookkeeping
// consistent. A transaction holds several batches when the run allows it (lettersPerCommit): each commit
// journals and rewrites every page its batches changed that existed before, the right-most pages of every table
// and index among them, so fewer commits write less (write-run.ts, defaultBatchSize), while a batch's letters
// leave memory as soon as it is written.

export interface WriteTotals {
  stored: number;
  alreadyPresent: number;
  updated: number;
  superseded: number;
  rejected: number;
  skipped: number;
}

export interface LetterBatchWriterOptions {
  runId: number;
  /** Letters a batch is written in (one savepoint, and what a batch holds in memory while it waits). */
  batchSize: number;
  /**
   * Letters a transaction holds at most, in whole batches. Default: one batch. More than one keeps the store's
   * write lock between batches, so only for a run that does not read the store while it writes.
   */
  lettersPerCommit?: number;
  /** Milliseconds a transaction stays open at most, however few letters it holds. Default COMMIT_INTERVAL_MS. */
  commitIntervalMs?: number;
  /** Called after each batch is written (committed at the latest by flush), with the outcomes it settled. */
  onWritten?: (count: number) => void;
  /** Called once when a batch fails in a way that must stop the run (disk full, connection lost). */
  onFailure?: (error: Error) => void;
  /** Leave the full-text tables to the bulk load this run owns (bulk-load.ts). */
  deferSearch?: boolean;
  /** PostgreSQL: letters a store holds at its first statistics refresh in the run (planner-statistics-schedule.ts). */
  firstStatisticsRefreshAt?: number;
}

/**
 * How long a transaction holding several batches stays open at most: at full speed 1,000 letters come in ~0.4 s;
 * when they trickle in (slow files, a slow device) what was written is committed anyway, and another writer
 * waiting for the store gets its turn.
 */
export const COMMIT_INTERVAL_MS = 2_000;

// Between slices of a batch: the event loop takes in parse results, so workers are fed during a long write.
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How many rejected files the summary names; the rest are listed by `imr query '{ ingestErrors ... }'`. */
export const FIRST_REJECTED_KEPT = 5;

/**
 * How rejections are grouped in the summary: the reason up to its first ': ' (details such as the parser's
 * message differ from file to file), except for unreadable files, whose cause (EACCES, ELOOP...) is the point.
 */
export function reasonGroup(reason: string): string {
  const parts = reason.split(': ');
  if ((parts[0] === 'unreadable' || parts[0] === 'unreadable folder') && parts.length > 1) {
    return `${parts[0]}: ${parts[1]}`;
  }
  return parts[0]!;
}

/**
 * True for an error about the data of one letter (a constraint, a value the database will not take), false for
 * one about the database itself (disk full, I/O error, lost connection), which must stop the run.
 */
export function isPerLetterError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return true;
  if (code.startsWith('SQLITE_')) return /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)/.test(code);
  // PostgreSQL SQLSTATE: class 22 data exception, class 23 integrity constraint violation.
  if (/^[0-9A-Z]{5}$/.test(code)) return code.startsWith('22') || code.startsWith('23');
  return false;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What became of a savepoint or transaction, which the ids and letter keys its batches learnt follow. */
type LearntStep = 'releaseSavepoint' | 'rollbackSavepoint' | 'commit' | 'rollback';

/** The transaction the batches are written in, open between them until it is committed. */
interface OpenTransaction {
  tx: BatchedTransaction;
  /** Letters (and rejected files) its batches wrote. */
  settled: number;
  /** Letters its batches stored, for the PostgreSQL statistics schedule. */
  stored: number;
  /** Commits it when COMMIT_INTERVAL_MS has passed, if nothing did before. */
  timer: NodeJS.Timeout | null;
}

export class LetterBatchWriter {
  readonly totals: WriteTotals = {
    stored: 0,
    alreadyPresent: 0,
    updated: 0,
    superseded: 0,
    rejected: 0,
    skipped: 0,
  };
  /** Rejected files by reason group. */
  readonly rejections = new Map<string, number>();
  /** The first FIRST_REJECTED_KEPT rejected files with their reasons, for the summary. */
  readonly firstRejected: { file: string; reason: string }[] = [];
  /** Outcomes handed to add(). */
  added = 0;
  private pending: ParseOutcome[] = [];
  private pendingSkipped = 0;
  private chain: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  private open: OpenTransaction | null = null;
  /** Reviewer and guideline ids the committed batches learnt (committed-ids.ts). */
  private readonly knownIds = new CommittedIds();
  /** The letters a bulk load into an empty store has written, by key (letter-key-table.ts). */
  private loadedKeys = new LetterKeyTable();
  /** PostgreSQL: when to refresh the planner's statistics on the way; made at the first batch. */
  private statistics: PlannerStatisticsSchedule | undefined;

  constructor(
    private readonly store: Store,
    private readonly options: LetterBatchWriterOptions,
  ) {}

  /** The error that stopped writing, if any. */
  get failed(): Error | null {
    return this.failure;
  }

  add(outcome: ParseOutcome): void {
    this.added++;
    this.pending.push(outcome);
    if (this.pending.length >= this.options.batchSize) this.scheduleBatch();
  }

  /** Counts a file passed over for its extension (in the run's files seen). */
  skip(): void {
    this.pendingSkipped++;
  }

  /** Writes whatever is pending, commits, and waits for it all; throws what stopped writing. */
  async flush(): Promise<void> {
    if (this.pending.length > 0 || this.pendingSkipped > 0) this.scheduleBatch();
    await this.commitWritten();
    if (this.failure) throw this.failure;
  }

  /**
   * Commits the batches written so far, once those already queued are written; never throws (a failure is in
   * `failed`). A run stopped for another reason (a parse worker that cannot start) keeps what it wrote, and
   * leaves no transaction open for what runs after it (the bulk load's finish).
   */
  async commitWritten(): Promise<void> {
    this.enqueue(() => this.commitOpen());
    await this.chain;
  }

  private scheduleBatch(): void {
    const batch = this.pending;
    const skipped = this.pendingSkipped;
    this.pending = [];
    this.pendingSkipped = 0;
    this.enqueue(() => this.write(batch, skipped));
  }

  /** Runs `step` after everything queued before it; the first failure stops the rest and rolls back. */
  private enqueue(step: () => Promise<void>): void {
    this.chain = this.chain
      .then(() => (this.failure ? undefined : step()))
      .catch(async (error: unknown) => {
        if (this.failure) return;
        this.failure = error instanceof Error ? error : new Error(String(error));
        await this.rollbackOpen();
        this.options.onFailure?.(this.failure);
      });
  }

  private async write(batch: ParseOutcome[], skipped: number): Promise<void> {
    if (this.store.dialect === 'postgres' && this.statistics === undefined) {
      const lettersAtStart = await countCases({ db: this.store.db, dialect: this.store.dialect }, {});
      this.statistics = new PlannerStatisticsSchedule(lettersAtStart, this.options.firstStatisticsRefreshAt);
    }
    const letters: { path: string; save: LetterToSave }[] = [];
    const rejected: IngestErrorToRecord[] = [];
    for (const outcome of batch) {
      if (outcome.ok) letters.push({ path: outcome.path, save: outcome.save });
      else rejected.push({ file: outcome.path, sha256: outcome.sha256, reason: outcome.reason });
    }
    const at = new Date().toISOString();
    let outcomes: SaveOutcome[];
    try {
      outcomes = await this.save(
        letters.map((l) => l.save),
        rejected,
        skipped,
        at,
      );
    } catch (error) {
      if (letters.length === 0 || !isPerLetterError(error)) throw error;
      // One letter spoils the batch: store the letters one by one and reject only those that fail alone.
      outcomes = [];
      for (const letter of letters) {
        try {
          outcomes.push(...(await this.save([letter.save], [], 0, at)));
        } catch (single) {
          if (!isPerLetterError(single)) throw single;
          rejected.push(this.describeFailure(letter, single));
        }
      }
      await this.save([], rejected, skipped, at);
    }
    let stored = 0;
    for (const outcome of outcomes) {
      if (outcome === 'stored') stored++;
      else if (outcome === 'updated') this.totals.updated++;
      else if (outcome === 'superseded') this.totals.superseded++;
      else this.totals.alreadyPresent++;
    }
    this.totals.stored += stored;
    this.totals.rejected += rejected.length;
    this.totals.skipped += skipped;
    for (const r of rejected) {
      if (this.firstRejected.length < FIRST_REJECTED_KEPT)
        this.firstRejected.push({ file: r.file, reason: r.reason });
      const group = reasonGroup(r.reason);
      this.rejections.set(group, (this.rejections.get(group) ?? 0) + 1);
    }
    if (this.open) {
      this.open.settled += batch.length;
      this.open.stored += stored;
      if (this.open.settled >= (this.options.lettersPerCommit ?? this.options.batchSize))
        await this.commitOpen();
    }
    this.options.onWritten?.(batch.length);
  }

  /** The load is over: what it wrote is found from now on by the indexes its finish builds. */
  forgetLoadedKeys(): void {
    this.loadedKeys = new LetterKeyTable();
  }

  /** Moves letters a bulk load's finish deleted (letter-key-dedupe.ts) from stored to what became of them. */
  settle(deleted: { alreadyPresent: number; superseded: number }): void {
    this.totals.stored -= deleted.alreadyPresent + deleted.superseded;
    this.totals.alreadyPresent += deleted.alreadyPresent;
    this.totals.superseded += deleted.superseded;
  }

  private describeFailure(letter: { path: string; save: LetterToSave }, error: unknown): IngestErrorToRecord {
    return {
      file: letter.path,
      sha256: letter.save.document.sha256,
      reason: `could not store: ${message(error)}`,
    };
  }

  private async transaction(): Promise<OpenTransaction> {
    if (this.open) return this.open;
    const open: OpenTransaction = {
      tx: await BatchedTransaction.begin(this.store),
      settled: 0,
      stored: 0,
      timer: null,
    };
    if ((this.options.lettersPerCommit ?? 0) > this.options.batchSize) {
      open.timer = setTimeout(() => {
        open.timer = null;
        this.enqueue(() => (this.open === open ? this.commitOpen() : Promise.resolve()));
      }, this.options.commitIntervalMs ?? COMMIT_INTERVAL_MS);
      open.timer.unref();
    }
    this.open = open;
    return open;
  }

  /** Writes one batch (or one letter of a spoilt batch) in a savepoint of the open transaction. */
  private async save(
    saves: LetterToSave[],
    rejected: IngestErrorToRecord[],
    skipped: number,
    at: string,
  ): Promise<SaveOutcome[]> {
    if (saves.length === 0 && rejected.length === 0 && skipped === 0) return [];
    const { tx } = await this.transaction();
    let outcomes: SaveOutcome[];
    try {
      // A per-letter error leaves the transaction open (the batch's letters are then written one by one); any
      // other stops the run, which rolls the transaction back.
      outcomes = await tx.inSavepoint(
        (w) => this.saveBatch(w, saves, rejected, skipped, at),
        isPerLetterError,
      );
    } catch (error) {
      // Rolled back: the ids it learnt may name nothing.
      this.learnt('rollbackSavepoint');
      throw error;
    }
    this.learnt('releaseSavepoint');
    return outcomes;
  }

  private async saveBatch(
    tx: WriteTransaction,
    saves: LetterToSave[],
    rejected: IngestErrorToRecord[],
    skipped: number,
    at: string,
  ): Promise<SaveOutcome[]> {
    const { trx } = tx;
    const outcomes =
      saves.length > 0
        ? await saveLetters(tx, saves, at, {
            deferSearch: this.options.deferSearch,
            pause: nextTurn,
            knownIds: this.knownIds,
            loadedKeys: this.loadedKeys,
          })
        : [];
    if (rejected.length > 0) await recordIngestErrors(trx, this.options.runId, rejected, at);
    const counts: IngestRunCounts = {
      filesSeen: saves.length + rejected.length + skipped,
      stored: outcomes.filter((o) => o === 'stored').length,
      alreadyPresent: outcomes.filter((o) => o === 'already-present').length,
      updated: outcomes.filter((o) => o === 'updated').length,
      superseded: outcomes.filter((o) => o === 'superseded').length,
      rejected: rejected.length,
    };
    await addIngestRunCounts(trx, this.options.runId, counts);
    return outcomes;
  }

  /** Commits the open transaction, if any; then, on PostgreSQL, refreshes the planner's statistics when due. */
  private async commitOpen(): Promise<void> {
    const open = this.takeOpen();
    if (!open) return;
    try {
      await open.tx.commit();
    } catch (error) {
      this.learnt('rollback');
      throw error;
    }
    this.learnt('commit');
    if (this.statistics?.stored(open.stored)) {
      await refreshPlannerStatistics(this.store.db, this.store.dialect);
    }
  }

  /** After a failure: the open transaction's batches are undone (if the database has not undone them already). */
  private async rollbackOpen(): Promise<void> {
    const open = this.takeOpen();
    if (!open) return;
    this.learnt('rollback');
    await open.tx.rollback();
  }

  /** The open transaction, no longer open to new batches nor to its commit timer. */
  private takeOpen(): OpenTransaction | null {
    const open = this.open;
    this.open = null;
    if (open?.timer) clearTimeout(open.timer);
    return open;
  }

  /** Tells the ids and the letter keys what became of the savepoint or transaction that learnt them. */
  private learnt(step: LearntStep): void {
    this.knownIds[step]();
    this.loadedKeys[step]();
  }
}
