// Whether the read-ahead thread (read-ahead-worker.ts) reads its next batch of files or lets it pass. Reading
// ahead pays where files come from the device: at 2M letters with the corpus out of the page cache, a parse
// worker's synchronous read took 170 µs a file, against 15 µs from the cache, and the parse workers waited on
// them. Where files are in the page cache already, reading them twice only costs CPU, so the thread times its
// reads: when the files of a probe averaged below CACHED_READ_MS, the next SKIPPED_BATCHES batches pass unread
// and the batch after them probes again.

/** Mean time a file below which reads are taken for page-cache reads (~12 µs here; the device's: 100-260 µs). */
export const CACHED_READ_MS = 0.05;
/** Batches let pass after a probe found the files cached. */
export const SKIPPED_BATCHES = 32;
/** Files a verdict rests on (one file's time says little: its folder's first lookup, a descheduled thread). */
export const PROBE_FILES = 32;

export class ReadAheadPace {
  private skipLeft = 0;
  private probeFiles = 0;
  private probeMs = 0;

  /** True when the next batch should be read. */
  readNext(): boolean {
    if (this.skipLeft === 0) return true;
    this.skipLeft--;
    return false;
  }

  /** Tells how long reading `files` files of a batch took. */
  read(files: number, ms: number): void {
    if (files === 0) return;
    this.probeFiles += files;
    this.probeMs += ms;
    if (this.probeFiles < PROBE_FILES) return;
    if (this.probeMs / this.probeFiles < CACHED_READ_MS) this.skipLeft = SKIPPED_BATCHES;
    this.probeFiles = 0;
    this.probeMs = 0;
  }
}
