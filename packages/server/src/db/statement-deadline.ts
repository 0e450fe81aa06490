import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database as SqliteHandle } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

// A time limit that really stops SQLite. better-sqlite3 runs a statement to completion on the calling thread,
// so nothing in JavaScript can cancel it once started; our patched build (patches/better-sqlite3*.patch) adds
// `db.timeLimit(ms)`, which installs SQLite's progress handler and fails the statement with SQLITE_INTERRUPT
// once the instant passes. The deadline belongs to whatever is running (an API request), carried by
// AsyncLocalStorage, so concurrent requests on one connection each get their own.

/** Thrown instead of SQLITE_INTERRUPT (or before starting a statement) once the running work's deadline passed. */
export class StatementTimeoutError extends Error {
  override name = 'StatementTimeoutError';
}

const deadlines = new AsyncLocalStorage<number>();

/** Runs `work` with every SQLite statement it starts stopped at `performance.now()`-based `deadline`. */
export function runWithStatementDeadline<T>(deadline: number, work: () => T): T {
  return deadlines.run(deadline, work);
}

type TimeLimited = { timeLimit?: (ms: number) => unknown };

/** Whether this better-sqlite3 build can interrupt statements (an unpatched prebuilt binary cannot). */
export function canInterruptStatements(sqlite: SqliteHandle): boolean {
  return typeof (sqlite as unknown as TimeLimited).timeLimit === 'function';
}

function isInterrupt(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_INTERRUPT';
}

/** The handle as Kysely's SqliteDialect wants it, with each statement held to the running work's deadline. */
export function deadlineAwareDatabase(sqlite: SqliteHandle): SqliteDatabase {
  const limiter = (sqlite as unknown as TimeLimited).timeLimit?.bind(sqlite);
  const limited = <T>(run: () => T): T => {
    const deadline = deadlines.getStore();
    if (deadline === undefined || limiter === undefined) return run();
    const remaining = deadline - performance.now();
    if (remaining <= 0)
      throw new StatementTimeoutError('the time limit passed before this statement started');
    limiter(Math.max(1, Math.ceil(remaining)));
    try {
      return run();
    } catch (error) {
      if (isInterrupt(error)) throw new StatementTimeoutError('the statement ran past the time limit');
      throw error;
    } finally {
      limiter(0);
    }
  };
  return {
    close: () => {
      sqlite.close();
    },
    prepare: (source: string): SqliteStatement => {
      const statement = sqlite.prepare(source);
      return {
        reader: statement.reader,
        all: (parameters) => limited(() => statement.all(parameters)),
        run: (parameters) => limited(() => statement.run(parameters)),
        iterate: (parameters) => statement.iterate(parameters),
      };
    },
  };
}
