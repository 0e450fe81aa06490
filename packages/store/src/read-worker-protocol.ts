// Messages between the read pool (sqlite-read-pool.ts) and each read worker (sqlite-read-worker.ts).

/** One compiled statement to run on the worker's read-only connection. */
export interface ReadRequest {
  id: number;
  sql: string;
  parameters: readonly unknown[];
}

/**
 * Statements of one operation issued in the same turn, run one after the other and answered in one message: a
 * message each way costs a wake-up of both processes, more than a small page's statement itself.
 */
export interface ReadBatch {
  batch: ReadRequest[];
}

export interface ReadFailure {
  message: string;
  /** SQLite's error code (`SQLITE_ERROR`...), when SQLite raised it. */
  code?: string;
}

export type ReadReply =
  | {
      id: number;
      /** The statement's column names, once: each row is its values in this order. */
      columns: string[];
      rows: unknown[][];
      /** Positions of the columns holding a blob in some row: the channel hands them over as Uint8Array, not Buffer. */
      blobColumns: number[];
    }
  | { id: number; changes: number; lastInsertRowid: number }
  | { id: number; error: ReadFailure };

export type FromReadWorker = { replies: ReadReply[] } | { ready: true } | { failed: string };

/** What a read worker is started with (its command-line argument, as JSON). */
export interface ReadWorkerSpec {
  path: string;
  /** The TypeScript module to import after the bootstrap registered tsx (running from source only). */
  entry?: string;
}
