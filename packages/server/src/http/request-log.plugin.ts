import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface RequestLogLine {
  time: string;
  operation: string | null;
  cost: number | null;
  durationMs: number;
  errors: number;
  cached: boolean;
}

/** One structured line per GraphQL execution: operation name, cost, duration, error count, cache hit. */
export function useRequestLog(write: (line: RequestLogLine) => void): Plugin {
  return {
    onExecute({ args }) {
      const started = performance.now();
      return {
        onExecuteDone({ result }) {
          if (!('data' in result) && !('errors' in result)) return;
          const extensions = (result.extensions ?? {}) as {
            cost?: { requested?: number };
            responseCache?: { hit?: boolean };
          };
          write({
            time: new Date().toISOString(),
            operation: args.operationName ?? getOperationAST(args.document)?.name?.value ?? null,
            cost: extensions.cost?.requested ?? null,
            durationMs: Number((performance.now() - started).toFixed(2)),
            errors: result.errors?.length ?? 0,
            cached: extensions.responseCache?.hit === true,
          });
        },
      };
    },
  };
}
