import { refreshPlannerStatistics, type Store, writeTransaction } from '@imr/store/client';
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

// Collects parse outcomes and writes them in batches, one transaction per batch: the letters (saveLetters),
// the rejected files (ingest_errors) and the run's counters land together or not at all, so a run killed at any
// moment leaves the store and its bookkeeping consistent. Batches are written one after another, in order.

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
  batchSize: number;
  /** Called after each batch commits, with the number of outcomes it settled. */
  onWritten?: (count: number) => void;
  /** Called once when a batch fails in a way that must stop the run (disk full, connection lost). */
  onFailure?: (error: Error) => void;
  /** Leave the full-text tables to the bulk load this run owns (bulk-load.ts). */
  deferSearch?: boolean;
  /** PostgreSQL: letters a store holds at its first statistics refresh in the run (planner-statistics-schedule.ts). */
  firstStatisticsRefreshAt?: number;
}

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
    if (this.pending.length >= this.options.batchSize) this.schedule();
  }

  /** Counts a file passed over for its extension (in the run's files seen). */
  skip(): void {
    this.pendingSkipped++;
  }

  /** Writes whatever is pending and waits for every batch to commit; throws what stopped writing. */
  async flush(): Promise<void> {
    if (this.pending.length > 0 || this.pendingSkipped > 0) this.schedule();
    await this.chain;
    if (this.failure) throw this.failure;
  }

  private schedule(): void {
    const batch = this.pending;
    const skipped = this.pendingSkipped;
    this.pending = [];
    this.pendingSkipped = 0;
    this.chain = this.chain
      .then(() => (this.failure ? undefined : this.write(batch, skipped)))
      .catch((error: unknown) => {
        if (this.failure) return;
        this.failure = error instanceof Error ? error : new Error(String(error));
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
      outcomes = await this.commit(
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
          outcomes.push(...(await this.commit([letter.save], [], 0, at)));
        } catch (single) {
          if (!isPerLetterError(single)) throw single;
          rejected.push(this.describeFailure(letter, single));
        }
      }
      await this.commit([], rejected, skipped, at);
    }
    const storedBefore = this.totals.stored;
    for (const outcome of outcomes) {
      if (outcome === 'stored') this.totals.stored++;
      else if (outcome === 'updated') this.totals.updated++;
      else if (outcome === 'superseded') this.totals.superseded++;
      else this.totals.alreadyPresent++;
    }
    this.totals.rejected += rejected.length;
    this.totals.skipped += skipped;
    if (this.statistics?.stored(this.totals.stored - storedBefore)) {
      await refreshPlannerStatistics(this.store.db, this.store.dialect);
    }
    for (const r of rejected) {
      if (this.firstRejected.length < FIRST_REJECTED_KEPT)
        this.firstRejected.push({ file: r.file, reason: r.reason });
      const group = reasonGroup(r.reason);
      this.rejections.set(group, (this.rejections.get(group) ?? 0) + 1);
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

  private async commit(
    saves: LetterToSave[],
    rejected: IngestErrorToRecord[],
    skipped: number,
    at: string,
  ): Promise<SaveOutcome[]> {
    if (saves.length === 0 && rejected.length === 0 && skipped === 0) return [];
    const outcomes = await writeTransaction(this.store, async (tx) => {
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
    }).catch((error: unknown) => {
      // Rolled back: the ids it learnt may name nothing.
      this.knownIds.rollback();
      this.loadedKeys.rollback();
      throw error;
    });
    this.knownIds.commit();
    this.loadedKeys.commit();
    return outcomes;
  }
}
