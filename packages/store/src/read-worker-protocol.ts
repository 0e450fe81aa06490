// Messages between the read pool (sqlite-read-pool.ts) and each read worker (sqlite-read-worker.ts).
//
// The channel carries JSON, not V8's structured serialization ('advanced'): with 'advanced', the rows that
// crossed survived the scavenges after them (a loop of 20-row statements: 8-16 MB surviving each, pauses up to
// 34 ms; with JSON 0.5 ms), and a statement's round trip took 0.62 ms instead of 0.38. JSON has no bytes, so a
// blob crosses as base64: a parameter at a position listed beside it, a cell as `{ base64 }` (every other cell
// is a number, a string or null, and a column may hold blobs in some rows and text in others).

/** One compiled statement to run on the worker's read-only connection. */
export interface ReadRequest {
  id: number;
  sql: string;
  parameters: readonly unknown[];
  /** Positions of the parameters sent as base64 that are bytes. */
  blobParameters?: number[];
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
      /** Positions of the columns holding a blob in some row; each blob cell is sent as `{ base64 }`. */
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

/** A blob cell as the channel carries it. */
interface EncodedBlob {
  base64: string;
}

function base64Of(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** The statement's parameters as JSON carries them, with the positions of those that were bytes. */
export function encodeParameters(parameters: readonly unknown[]): {
  parameters: unknown[];
  blobParameters?: number[];
} {
  const blobParameters: number[] = [];
  const encoded = parameters.map((value, i) => {
    if (typeof value === 'bigint') {
      throw new TypeError(`parameter ${i + 1} is a bigint, which the read pool cannot carry`);
    }
    if (!(value instanceof Uint8Array)) return value;
    blobParameters.push(i);
    return base64Of(value);
  });
  return blobParameters.length > 0 ? { parameters: encoded, blobParameters } : { parameters: encoded };
}

/** The parameters as sent, bytes restored. */
export function decodeParameters(request: ReadRequest): unknown[] {
  const parameters = [...request.parameters];
  for (const i of request.blobParameters ?? [])
    parameters[i] = Buffer.from(parameters[i] as string, 'base64');
  return parameters;
}

/** Replaces each blob cell of `rows` by `{ base64 }` (in place) and returns the columns that held one. */
export function encodeBlobCells(rows: unknown[][], width: number): number[] {
  const columns: number[] = [];
  for (let column = 0; column < width; column++) {
    let blob = false;
    for (const row of rows) {
      const value = row[column];
      if (value instanceof Uint8Array) {
        row[column] = { base64: base64Of(value) } satisfies EncodedBlob;
        blob = true;
      }
    }
    if (blob) columns.push(column);
  }
  return columns;
}

/** Restores the blob cells of `rows` (in place) as Buffers. */
export function decodeBlobCells(rows: unknown[][], blobColumns: readonly number[]): void {
  if (blobColumns.length === 0) return;
  for (const row of rows) {
    for (const column of blobColumns) {
      const value = row[column];
      if (typeof value === 'object' && value !== null)
        row[column] = Buffer.from((value as EncodedBlob).base64, 'base64');
    }
  }
}
