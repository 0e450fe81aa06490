// The messages between the ingest's main thread and its read-ahead thread (file-read-ahead.ts).

export interface ReadAheadWorkerData {
  /** The worker module's URL (read by the bootstrap that loads it from TypeScript source). */
  entry: string;
  /**
   * Two Int32s: at TAKEN, how many of the paths sent the walk has handed to the parse pipeline so far; at DONE,
   * how many the thread has been through (read or not).
   */
  counters: SharedArrayBuffer;
}

export const TAKEN = 0;
export const DONE = 1;

export interface ReadAheadCounts {
  /** Files read into the page cache. */
  read: number;
  /** Files let pass because a probe found the files cached. */
  passed: number;
  /** Files the pipeline had taken before their turn came: reading them would be too late. */
  late: number;
  /** Files that could not be opened or read (the parse worker reports them). */
  failed: number;
  /** Files never sent: the thread was that far behind (a read stuck on a dead mount, say). */
  dropped: number;
}

export type ToReadAhead =
  /** Paths in walk order; `first` is the first one's number among all the paths sent. */
  { kind: 'paths'; first: number; paths: string[] } | { kind: 'counts' };

export type FromReadAhead = { kind: 'counts'; counts: ReadAheadCounts };
