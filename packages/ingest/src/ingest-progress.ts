// What an ingest or reparse run reports while it works (to a progress bar, a log, a benchmark).

export interface IngestProgress {
  /** Files settled so far (written to the store): letters stored, already present, updated or superseded, files
   * rejected. */
  done: number;
  /** Files read and parsed so far (settled or waiting for their batch's transaction). */
  parsed: number;
  /** Letter files found so far (files passed over for their extension are not letters). */
  found: number;
  /** Every letter the run will see, once known (a counting pass runs alongside); null until then. */
  total: number | null;
  stored: number;
  alreadyPresent: number;
  updated: number;
  /** Letters not kept: another letter with the same case number is (letter-batch-plan.ts). */
  superseded: number;
  rejected: number;
  /** Files passed over for their extension. */
  skipped: number;
  elapsedSeconds: number;
}

export interface IngestReport {
  runId: number;
  parserVersion: string;
  stored: number;
  alreadyPresent: number;
  updated: number;
  superseded: number;
  rejected: number;
  skipped: number;
  /** Rejected files by reason, most frequent first. */
  rejections: { reason: string; count: number }[];
  /** The first few files rejected, with their full reason (every one is in `ingest_errors`). */
  firstRejected: { file: string; reason: string }[];
  seconds: number;
  /** Letters settled (every outcome but skipped) per second. */
  lettersPerSecond: number;
}
