import { withReadMarks } from '@imr/store/read-marks';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context';

export interface TimeLimitOptions {
  /** Milliseconds an operation may run in all (resolvers, SQL and completing its result), from its start. */
  ms: number;
}

export const DEFAULT_TIME_LIMIT_MS = 30_000;

/**
 * Gives each operation one deadline for all of its work, in its context: a SQLite statement still running at it
 * is interrupted inside SQLite (the context's store handle carries the deadline to every statement, read-marks.ts;
 * on PostgreSQL statement_timeout does that job), and a field that starts after it fails
 * (schema/operation-deadline.ts), so neither slow SQL nor a huge result runs on. Either way the answer says
 * TIME_LIMIT_EXCEEDED (yoga.ts maps the error).
 */
export function useTimeLimit(options: TimeLimitOptions): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => {
        const deadline = performance.now() + options.ms;
        const context = args.contextValue as Context;
        context.deadline = deadline;
        context.db = withReadMarks(context.db, { deadline });
        return executeFn(args);
      });
    },
  };
}
