import { runWithStatementDeadline } from '@imr/store/statement-deadline';
import type { Plugin } from 'graphql-yoga';
import { runWithOperationDeadline } from '../schema/operation-deadline';

export interface TimeLimitOptions {
  /** Milliseconds an operation may run in all (resolvers, SQL and completing its result), from its start. */
  ms: number;
}

export const DEFAULT_TIME_LIMIT_MS = 30_000;

/**
 * Gives each operation one deadline for all of its work: a SQLite statement still running at it is interrupted
 * inside SQLite (db/statement-deadline.ts; on PostgreSQL statement_timeout does that job), and a field that
 * starts after it fails (schema/operation-deadline.ts), so neither slow SQL nor a huge result runs on. Either
 * way the answer says TIME_LIMIT_EXCEEDED (yoga.ts maps the error).
 */
export function useTimeLimit(options: TimeLimitOptions): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => {
        const deadline = performance.now() + options.ms;
        return runWithOperationDeadline(deadline, () =>
          runWithStatementDeadline(deadline, () => executeFn(args)),
        );
      });
    },
  };
}
