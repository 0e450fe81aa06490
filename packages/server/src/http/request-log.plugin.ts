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

interface LoggedExtensions {
  cost?: { requested?: number };
  responseCache?: { hit?: boolean };
}

/** The operation a request names, else the name of its document's only named operation (no parse). */
function operationNameOf(params: { operationName?: string | null; query?: string | null }): string | null {
  if (params.operationName) return params.operationName;
  return (
    /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(params.query ?? '')?.[1] ?? null
  );
}

/**
 * One structured line per GraphQL request: operation name, cost, duration, error count, cache hit. An executed
 * operation is logged when its execution ends; an answer the response cache gave (no execution) when it is sent.
 */
export function useRequestLog(write: (line: RequestLogLine) => void): Plugin {
  const asked = new WeakMap<Request, { started: number; operation: string | null }>();
  return {
    onParams({ request, params }) {
      asked.set(request, { started: performance.now(), operation: operationNameOf(params) });
    },
    onExecute({ args }) {
      const started = performance.now();
      return {
        onExecuteDone({ result }) {
          if (!('data' in result) && !('errors' in result)) return;
          const extensions = (result.extensions ?? {}) as LoggedExtensions;
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
    onExecutionResult({ request, result }) {
      const question = asked.get(request);
      asked.delete(request);
      const extensions = ((result as { extensions?: unknown } | undefined)?.extensions ??
        {}) as LoggedExtensions;
      if (question === undefined || extensions.responseCache?.hit !== true) return;
      write({
        time: new Date().toISOString(),
        operation: question.operation,
        cost: null,
        durationMs: Number((performance.now() - question.started).toFixed(2)),
        errors: 0,
        cached: true,
      });
    },
  };
}
