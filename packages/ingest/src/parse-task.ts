import type { PreparedLetter } from './prepare-letter';

// The messages between the ingest's main thread and its parse workers.

export type ParseTask =
  /** A file on disk: the worker reads, decodes and parses it. */
  | { seq: number; kind: 'file'; path: string }
  /** A stored letter's compressed raw text (reparse): the worker inflates and parses it. */
  | { seq: number; kind: 'stored'; path: string; sizeBytes: number; rawText: Uint8Array };

export type ParseOutcome = PreparedLetter & { seq: number; path: string };

export interface ParseWorkerData {
  parserVersion?: string;
  /** The worker module's URL (read by the bootstrap that loads it from TypeScript source). */
  entry: string;
  /** Where the worker marks the task it is on (running-task.ts), and the epoch of its times. */
  running: SharedArrayBuffer;
  epochMs: number;
}

export type ToWorker = { id: number; tasks: ParseTask[] };
export type FromWorker = { ready: true } | { id: number; outcomes: ParseOutcome[] };
