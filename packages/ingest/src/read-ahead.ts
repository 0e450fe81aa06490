import { Worker } from 'node:worker_threads';
import { ingestWorkerEntry } from './worker-entry';

// Reads input files into the page cache a little before their parse worker reads them. A parse worker reads
// synchronously: from the page cache that is ~15 µs of CPU a file, where each read from the device would stop it
// for the device's latency. Reading them through libuv's pool instead cost the worker four hand-offs a file, each
// waiting for its event loop, which is busy parsing: at 2M letters from the device the parse workers stood idle
// or blocked a quarter of the time. This thread reads each chunk's files in order as the pool hands the chunk to
// a worker (which holds up to four, so the reads run that far ahead of the parsing) and waits on the device in
// their place. When it lags, a parse worker reads the file itself, as before; when it fails, files are simply
// read by the parse workers.

// The thread only holds a scratch buffer and the paths in flight.
const READ_AHEAD_HEAP_MB = 32;

export class ReadAhead {
  private worker: Worker | null = null;
  private failed = false;

  /** Reads `paths` ahead, in order, after those already handed over. */
  read(paths: readonly string[]): void {
    if (paths.length === 0 || this.failed) return;
    this.worker ??= this.spawn();
    this.worker.postMessage(paths);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private spawn(): Worker {
    const { url, entry } = ingestWorkerEntry('read-ahead-worker');
    const worker = new Worker(url, {
      workerData: { entry },
      resourceLimits: { maxOldGenerationSizeMb: READ_AHEAD_HEAP_MB },
    });
    // Only a speed-up: without it every file is still read, by its parse worker.
    const stop = () => {
      this.failed = true;
      if (this.worker === worker) this.worker = null;
    };
    worker.on('error', stop);
    worker.on('exit', stop);
    // Never what keeps a finished process alive.
    worker.unref();
    return worker;
  }
}
