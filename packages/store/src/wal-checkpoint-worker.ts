import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { WalCheckpointJob, WalCheckpointReport } from './wal-checkpointer';

// Worker thread entry: checkpoints the write-ahead log of the store its writer is filling (wal-checkpointer.ts),
// on a connection of its own that never reads or writes a row. PASSIVE checkpoints never wait for the writer;
// a log past `restartFrames` gets a RESTART checkpoint, which waits for the writer's transaction to end so the
// next one writes the log from its start again (the file stops growing).

const { path, intervalMs, restartFrames, restartBackoffMs } = workerData as WalCheckpointJob;
if (!parentPort)
  throw new Error('wal-checkpoint-worker.ts runs as a worker thread (see wal-checkpointer.ts)');
const port = parentPort;

/**
 * How long a RESTART waits, first for the writer's transaction to end, then for readers to leave the log. It holds
 * the write lock while it waits for readers, so a reader that keeps an old snapshot (a server's long query while an
 * ingest runs) would hold the writer up for as long: it waits this long at most, then leaves restarting alone for
 * a while (the log grows meanwhile, as it does when the writer checkpoints on its own).
 */
const RESTART_WAIT_MS = 1000;

const db = new Database(path, { fileMustExist: true });
db.pragma(`busy_timeout = ${RESTART_WAIT_MS}`);
// This connection's own log hook must never checkpoint on its own account.
db.pragma('wal_autocheckpoint = 0');

port.postMessage({ ready: true } satisfies WalCheckpointReport);

let framesCopied = 0;
let restarts = 0;
let restartsRefused = 0;
/** No RESTART before this time (performance.now()): set after one that could not finish. */
let restartAfter = 0;

interface CheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}

function checkpoint(mode: 'PASSIVE' | 'RESTART'): CheckpointRow {
  const [row] = db.pragma(`wal_checkpoint(${mode})`) as CheckpointRow[];
  return row ?? { busy: 0, log: 0, checkpointed: 0 };
}

/** Frames of the log already copied when the last round ended: SQLite reports a total, not what a round added. */
let backfilled = 0;

function round(): void {
  const passive = checkpoint('PASSIVE');
  const copied = Math.max(passive.checkpointed, 0);
  // Fewer than before: the log was written from its start again since, and counts from zero.
  framesCopied += copied >= backfilled ? copied - backfilled : copied;
  backfilled = copied;
  if (passive.log > restartFrames && performance.now() >= restartAfter) {
    if (checkpoint('RESTART').busy === 0) {
      restarts++;
      backfilled = 0;
    } else {
      restartsRefused++;
      restartAfter = performance.now() + restartBackoffMs;
    }
  }
}

function reportFailure(error: unknown): void {
  port.postMessage({
    error: error instanceof Error ? error.message : String(error),
  } satisfies WalCheckpointReport);
}

const timer = setInterval(() => {
  try {
    round();
  } catch (error) {
    // Reported and stopped: the writer then checkpoints on its own again (wal-checkpointer.ts).
    clearInterval(timer);
    reportFailure(error);
  }
}, intervalMs);

port.on('message', (message: 'stop') => {
  if (message !== 'stop') return;
  clearInterval(timer);
  try {
    round();
    port.postMessage({ framesCopied, restarts, restartsRefused } satisfies WalCheckpointReport);
  } catch (error) {
    reportFailure(error);
  } finally {
    db.close();
    port.close();
  }
});
