import type { Plugin } from 'graphql-yoga';
import { runWithStatementDeadline } from '../db/statement-deadline';

export interface TimeLimitOptions {
  /** Milliseconds an operation's SQL may run in all, from the start of its execution. */
  ms: number;
}

export const DEFAULT_TIME_LIMIT_MS = 30_000;

/**
 * Gives each operation a deadline its SQLite statements are held to: a statement still running at the deadline
 * is interrupted inside SQLite (not merely abandoned) and the field answers TIME_LIMIT_EXCEEDED (yoga.ts maps
 * the error). On PostgreSQL the server's statement_timeout does the same job.
 */
export function useTimeLimit(options: TimeLimitOptions): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => runWithStatementDeadline(performance.now() + options.ms, () => executeFn(args)));
    },
  };
}
