import { Worker } from 'node:worker_threads';
import { workerThreadEntry } from '@imr/store/worker-thread-entry';
import type { InputEntry } from './list-input-files';
import {
  DONE,
  type FromReadAhead,
  type ReadAheadCounts,
  type ReadAheadWorkerData,
  TAKEN,
  type ToReadAhead,
} from './read-ahead-task';

// Reading files ahead of the parse workers (read-ahead-worker.ts). The walk runs up to `depth` entries ahead of
// the pipeline (readAheadOf); the paths it finds go to a thread of their own in batches, and the count of paths
// the pipeline has taken is shared, so the thread skips the ones it would read too late. At 2M letters with the
// corpus out of the page cache, a parse worker waited 170 µs a file on its synchronous reads.

/** Paths a message: a message costs the main thread about as much as a few paths. */
export const READ_AHEAD_BATCH = 64;
/** Entries the walk runs ahead of the pipeline: about a second of ingest, well past the parse workers' queue. */
export const READ_AHEAD_DEPTH = 4096;
/**
 * Paths that may wait in the thread's queue. Past the depth: a thread behind the pipeline skips late paths in
 * microseconds, and the paths sent meanwhile are the ones worth reading.
 */
export const READ_AHEAD_QUEUE = 4 * READ_AHEAD_DEPTH;

/** What readAheadOf tells of the files it finds and hands on. */
export interface ReadAheadSink {
  add(path: string): void;
  take(): void;
}

export class FileReadAhead implements ReadAheadSink {
  private worker: Worker | null = null;
  private readonly shared = new SharedArrayBuffer(8);
  private readonly counters = new Int32Array(this.shared);
  private batch: string[] = [];
  /** Paths sent, and paths never sent because the thread was too far behind; numbered together. */
  private sent = 0;
  private dropped = 0;
  private closed = false;

  /** Queues a file the walk found; the thread starts with the first full batch, so a small run never pays for it. */
  add(path: string): void {
    if (this.closed) return;
    this.batch.push(path);
    if (this.batch.length >= READ_AHEAD_BATCH) this.send();
  }

  /** Counts one file handed to the pipeline (files are taken in the order they were added). */
  take(): void {
    Atomics.add(this.counters, TAKEN, 1);
  }

  /** What the thread has done so far (zeros when it never started). */
  async counts(): Promise<ReadAheadCounts> {
    const worker = this.worker;
    if (!worker) return { read: 0, passed: 0, late: 0, failed: 0, dropped: this.dropped };
    return new Promise((resolve, reject) => {
      const onMessage = (message: FromReadAhead) => {
        worker.off('error', reject);
        resolve({ ...message.counts, dropped: this.dropped });
      };
      worker.once('message', onMessage);
      worker.once('error', reject);
      worker.postMessage({ kind: 'counts' } satisfies ToReadAhead);
    });
  }

  /** Stops the thread. Not awaited: a read stuck on a dead mount must not hold the run's end (the thread is unref'd). */
  close(): void {
    this.closed = true;
    this.batch = [];
    void this.worker?.terminate().catch(() => {});
    this.worker = null;
  }

  private send(): void {
    const paths = this.batch;
    this.batch = [];
    const first = this.sent + this.dropped;
    // Messages wait in the thread's queue: a thread stuck on one read would otherwise gather every path of the run.
    if (this.sent - Atomics.load(this.counters, DONE) >= READ_AHEAD_QUEUE) {
      this.dropped += paths.length;
      return;
    }
    if (!this.worker) this.worker = this.spawn();
    this.worker.postMessage({ kind: 'paths', first, paths } satisfies ToReadAhead);
    this.sent += paths.length;
  }

  private spawn(): Worker {
    const { url, entry } = workerThreadEntry('read-ahead-worker', import.meta.url);
    const workerData: ReadAheadWorkerData = { entry, counters: this.shared };
    const worker = new Worker(url, { workerData, resourceLimits: { maxOldGenerationSizeMb: 64 } });
    // Reading ahead only saves time: a thread that fails leaves the parse workers to read as they always did.
    worker.on('error', () => {
      if (this.worker === worker) this.closed = true;
    });
    worker.unref();
    return worker;
  }
}

/** One waiter at a time, woken by the other side (a wake with nobody waiting is kept for the next wait). */
class Signal {
  private waiter: (() => void) | null = null;
  private woken = false;

  wait(): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  wake(): void {
    const waiter = this.waiter;
    this.waiter = null;
    if (waiter) waiter();
    else this.woken = true;
  }
}

/**
 * The walk's entries in order, pulled up to `depth` ahead of the consumer; each letter file is given to
 * `readAhead` when it is found and counted as taken when it is yielded. A failure of the walk comes after the
 * entries found before it, as it would without the look-ahead.
 */
export async function* readAheadOf(
  entries: AsyncIterable<InputEntry>,
  readAhead: ReadAheadSink,
  depth: number = READ_AHEAD_DEPTH,
): AsyncGenerator<InputEntry> {
  const source = entries[Symbol.asyncIterator]();
  const buffered: InputEntry[] = [];
  const found = new Signal();
  const room = new Signal();
  const state: { ended: boolean; stopped: boolean; failure: { error: unknown } | null } = {
    ended: false,
    stopped: false,
    failure: null,
  };
  const walk = (async () => {
    try {
      while (!state.stopped) {
        if (buffered.length >= depth) {
          await room.wait();
          continue;
        }
        const next = await source.next();
        if (next.done) break;
        if (next.value.kind === 'letter') readAhead.add(next.value.path);
        buffered.push(next.value);
        found.wake();
      }
    } catch (error) {
      state.failure = { error };
    } finally {
      state.ended = true;
      found.wake();
    }
  })();
  try {
    for (;;) {
      const entry = buffered.shift();
      if (entry === undefined) {
        if (state.ended) break;
        await found.wait();
        continue;
      }
      room.wake();
      if (entry.kind === 'letter') readAhead.take();
      yield entry;
    }
    if (state.failure) throw state.failure.error;
  } finally {
    state.stopped = true;
    room.wake();
    await walk;
    await source.return?.();
  }
}
