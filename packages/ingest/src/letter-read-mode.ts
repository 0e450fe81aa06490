// Which way a parse worker reads its next chunk of files (read-letter-file.ts): synchronously while files come
// from the page cache, in parallel through the thread pool once they come from the device. Synchronous reads
// that average more than SLOW_READ_MS a file say the device is working; parallel reads then go on for a while,
// and synchronous chunks probe again.

/** Mean time a file above which reads are taken for device reads (a page-cache read is ~20 µs). */
export const SLOW_READ_MS = 0.5;
/** Parallel chunks between two synchronous probes. */
export const PARALLEL_CHUNKS = 16;
/**
 * Files a verdict rests on. Short chunks come when the walker lags (at a folder's edge), and one file that took
 * long there (its folder's first lookup, the thread descheduled) turned 7 of 583 probes of a 20k ingest from the
 * page cache into 16 parallel chunks each, at ~10x the CPU a file; so short chunks' reads are pooled until there
 * are this many.
 */
export const PROBE_FILES = 16;

export class LetterReadMode {
  private parallelLeft = 0;
  private probeFiles = 0;
  private probeMs = 0;

  /** True when the next chunk should be read in parallel. */
  parallel(): boolean {
    if (this.parallelLeft === 0) return false;
    this.parallelLeft--;
    return true;
  }

  /** Tells how long a synchronous chunk took to read. */
  readSynchronously(files: number, ms: number): void {
    if (files === 0) return;
    this.probeFiles += files;
    this.probeMs += ms;
    if (this.probeFiles < PROBE_FILES) return;
    if (this.probeMs / this.probeFiles > SLOW_READ_MS) this.parallelLeft = PARALLEL_CHUNKS;
    this.probeFiles = 0;
    this.probeMs = 0;
  }
}
