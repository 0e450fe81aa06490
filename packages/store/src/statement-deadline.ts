import { AsyncLocalStorage } from 'node:async_hooks';

// The deadline of whatever is running (an API request), carried by AsyncLocalStorage so concurrent requests each
// get their own. A read-only SQLite store's statements run in worker processes (sqlite-read-pool.ts), which hold
// each statement to it: one that is still running at the deadline is ended with its worker. PostgreSQL stops
// its own with statement_timeout.

/** Thrown when a statement ran past the running work's deadline, or would have started after it. */
export class StatementTimeoutError extends Error {
  override name = 'StatementTimeoutError';
}

const deadlines = new AsyncLocalStorage<number>();

/** Runs `work` with every SQLite statement it starts held to `performance.now()`-based `deadline`. */
export function runWithStatementDeadline<T>(deadline: number, work: () => T): T {
  return deadlines.run(deadline, work);
}

/** The running work's deadline (`performance.now()` based), or undefined outside any. */
export function currentStatementDeadline(): number | undefined {
  return deadlines.getStore();
}
