import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { operationCost } from './query-cost';

export interface QueryCostOptions {
  /** Highest cost accepted (nodes an operation may return). */
  limit: number;
  /** Called with each operation's cost, e.g. for the request log. */
  onCost?: (context: object, cost: number) => void;
}

/**
 * Computes each operation's cost before it runs, refuses one over the limit (code COST_LIMIT_EXCEEDED), and
 * reports `extensions.cost { requested, limit }` on every answer so callers can budget (as Shopify does).
 */
export function useQueryCost(options: QueryCostOptions): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(args.schema, args.document, args.operationName, args.variableValues);
      options.onCost?.(args.contextValue as object, cost);
      const extensions = { cost: { requested: cost, limit: options.limit } };
      if (cost > options.limit) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `query cost ${cost} exceeds the limit of ${options.limit}: request smaller pages (first) or fewer nested connections`,
              { extensions: { code: 'COST_LIMIT_EXCEEDED', cost, limit: options.limit } },
            ),
          ],
          extensions,
        });
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if ('data' in result || 'errors' in result) {
            setResult({ ...result, extensions: { ...(result.extensions ?? {}), ...extensions } });
          }
        },
      };
    },
  };
}
