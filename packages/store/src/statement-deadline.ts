import { currentReadMarks } from './read-marks';

// The deadline of the request a statement serves: it comes with the statement, on the request's handle
// (read-marks.ts: `withReadMarks(db, { deadline })`). A read-only SQLite store's statements run in worker processes
// (sqlite-read-pool.ts), which hold each statement to it: one that is still running at the deadline is ended with
// its worker. PostgreSQL stops its own with statement_timeout.

/** Thrown when a statement ran past the running work's deadline, or would have started after it. */
export class StatementTimeoutError extends Error {
  override name = 'StatementTimeoutError';
}

/** The deadline (`performance.now()` based) of the statement being started, or undefined for one without. */
export function currentStatementDeadline(): number | undefined {
  return currentReadMarks()?.deadline;
}
