import { createComplexityRule } from '@pothos/plugin-complexity';
import { GraphQLError, validate } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface QueryCostOptions {
  /** Highest cost accepted (nodes an operation may return, schema/field-cost.ts). */
  limit: number;
  /** Called with each operation's cost before it runs, e.g. to charge the client's budget. */
  onCost?: (context: object, cost: number) => void;
}

/** The cost of the operation about to run, by Pothos' complexity analysis (linear in the document's size). */
function operationCost(args: Parameters<NonNullable<Plugin['onExecute']>>[0]['args']): number | null {
  let cost: number | null = null;
  const rule = createComplexityRule({
    context: args.contextValue as object,
    variableValues: (args.variableValues ?? {}) as Record<string, unknown>,
    operationName: args.operationName,
    // The limit is checked below, with our own error; this only reads the result.
    validate: () => {},
    onResult: (result) => {
      cost = result.complexity;
    },
  });
  // Variables that do not fit the operation leave no result: execution reports them as it always does.
  validate(args.schema, args.document, [rule]);
  return cost;
}

/**
 * Computes each operation's cost before it runs, refuses one over the limit (code COST_LIMIT_EXCEEDED), and
 * reports `extensions.cost { requested, limit }` on every answer so callers can budget (as Shopify does).
 */
export function useQueryCost(options: QueryCostOptions): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(args);
      if (cost === null) return;
      options.onCost?.(args.contextValue as object, cost);
      const extensions = { cost: { requested: cost, limit: options.limit } };
      if (cost > options.limit) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `query cost ${cost} exceeds the limit of ${options.limit}: request smaller pages (first), fewer ids or fewer nested connections`,
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
