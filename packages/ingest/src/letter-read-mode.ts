// Which way a parse worker reads its next chunk of files (read-letter-file.ts): synchronously while files come
// from the page cache, in parallel through the thread pool once they come from the device. A synchronous chunk
// that averages more than SLOW_READ_MS a file says the device is working; parallel reads then go on for a while,
// and a synchronous chunk probes again.

/** Mean time a file above which a chunk's reads are taken for device reads (a page-cache read is ~20 µs). */
export const SLOW_READ_MS = 0.5;
/** Parallel chunks between two synchronous probes. */
export const PARALLEL_CHUNKS = 16;

export class LetterReadMode {
  private parallelLeft = 0;

  /** True when the next chunk should be read in parallel. */
  parallel(): boolean {
    if (this.parallelLeft === 0) return false;
    this.parallelLeft--;
    return true;
  }

  /** Tells how long a synchronous chunk took to read. */
  readSynchronously(files: number, ms: number): void {
    if (files > 0 && ms / files > SLOW_READ_MS) this.parallelLeft = PARALLEL_CHUNKS;
  }
}
