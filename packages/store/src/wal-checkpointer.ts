import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';
import { workerThreadEntry } from './worker-thread-entry';

// A SQLite store's writer checkpoints its write-ahead log itself by default, inside the commit that crosses
// `wal_autocheckpoint`: it copies every page the log holds into the database file, on the writing thread. In a
// long ingest that thread is the bottleneck once the store is large (at about a million letters the main thread
// ran at 100 % while the parse workers waited at a third of a core each), and a perf profile of it then gave
// 19 % of its time to checkpoints. This moves them to a thread of their own (wal-checkpoint-worker.ts), on the
// core the parse workers leave idle: the writer's automatic checkpoints are turned off while it runs, and back on
// (as they were) when it stops or fails.

export interface WalCheckpointJob {
  path: string;
  intervalMs: number;
  /** Log frames past which a checkpoint restarts the log (a RESTART checkpoint, which waits for the writer). */
  restartFrames: number;
  /** How long restarting is left alone after a RESTART that could not finish. */
  restartBackoffMs: number;
  entry: string;
}

export type WalCheckpointReport =
  | { ready: true }
  | {
      framesCopied: number;
      restarts: number;
      /** RESTARTs that gave up waiting (for the writer or a reader): each is followed by a pause without one. */
      restartsRefused: number;
    }
  | { error: string };

/** How often the log is checkpointed: a commit of a 500-letter batch takes about 200 ms on a large store. */
const INTERVAL_MS = 100;
/** 256 MiB of 4 KiB pages: the log may grow that far between two restarts. */
const RESTART_FRAMES = 65_536;
/** A RESTART holds the writer up for up to a second while it waits (wal-checkpoint-worker.ts): at most 1 s in 6. */
const RESTART_BACKOFF_MS = 5_000;

export class WalCheckpointer {
  private readonly done: Promise<WalCheckpointReport>;
  private stopped: Promise<WalCheckpointReport> | null = null;
  private markReady: () => void = () => {};
  /** Resolves once the thread has its connection (or has ended): tests wait for it before timing anything. */
  readonly ready = new Promise<void>((resolve) => {
    this.markReady = resolve;
  });

  private constructor(
    private readonly sqlite: SQLite.Database,
    private readonly worker: Worker,
    private readonly autocheckpoint: number,
  ) {
    this.done = new Promise((resolve) => {
      let report: WalCheckpointReport = { error: 'the checkpoint thread exited without a report' };
      worker.on('message', (message: WalCheckpointReport) => {
        if ('ready' in message) {
          this.markReady();
          return;
        }
        report = message;
        // A failed checkpoint thread hands checkpoints back to the writer at once.
        if ('error' in message) this.restoreAutocheckpoint();
      });
      worker.on('error', (error) => {
        report = { error: error.message };
      });
      worker.on('exit', () => {
        this.markReady();
        this.restoreAutocheckpoint();
        resolve(report);
      });
    });
  }

  /**
   * Starts checkpointing the log of the store `sqlite` writes to, on a thread of its own; null for a store
   * without a file (nothing else can open it) or one not in WAL mode.
   */
  static start(
    sqlite: SQLite.Database,
    pace: { intervalMs?: number; restartFrames?: number; restartBackoffMs?: number } = {},
  ): WalCheckpointer | null {
    if (sqlite.memory || sqlite.name === '' || sqlite.readonly) return null;
    if (String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return null;
    const autocheckpoint = Number(sqlite.pragma('wal_autocheckpoint', { simple: true }));
    const { url, entry } = workerThreadEntry('wal-checkpoint-worker');
    const job: WalCheckpointJob = {
      path: sqlite.name,
      intervalMs: pace.intervalMs ?? INTERVAL_MS,
      restartFrames: pace.restartFrames ?? RESTART_FRAMES,
      restartBackoffMs: pace.restartBackoffMs ?? RESTART_BACKOFF_MS,
      entry,
    };
    const worker = new Worker(url, { workerData: job });
    // It never holds a process open: one that ends without stop() leaves the log to the next opening.
    worker.unref();
    sqlite.pragma('wal_autocheckpoint = 0');
    return new WalCheckpointer(sqlite, worker, autocheckpoint);
  }

  /** Checkpoints what is left, ends the thread and gives checkpoints back to the writer; resolves with its report. */
  stop(): Promise<WalCheckpointReport> {
    if (!this.stopped) {
      // Held open until it has answered: unreferenced, a process awaiting the answer would simply end.
      this.worker.ref();
      this.worker.postMessage('stop');
      this.stopped = this.done;
    }
    return this.stopped;
  }

  private restoreAutocheckpoint(): void {
    if (this.sqlite.open) this.sqlite.pragma(`wal_autocheckpoint = ${this.autocheckpoint}`);
  }
}
