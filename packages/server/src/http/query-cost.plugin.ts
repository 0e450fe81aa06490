import { createComplexityRule } from '@pothos/plugin-complexity';
import {
  type DocumentNode,
  GraphQLError,
  getEnterLeaveForKind,
  getOperationAST,
  Kind,
  TypeInfo,
  ValidationContext,
  visit,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface QueryCostOptions {
  /** Highest cost accepted (nodes an operation may return, schema/field-cost.ts). */
  limit: number;
  /** Called with each operation's cost before it runs, e.g. to charge the client's budget. */
  onCost?: (context: object, cost: number) => void;
}

/**
 * The cost of the operation about to run, by Pothos' complexity analysis (linear in the operation's size).
 * The complexity rule does all its work when it enters the operation, so it is entered there alone: run through
 * `validate`, it would walk every definition of the document with type info first (GraphiQL's examples are one
 * document of a dozen operations), a walk that cost more than the answer of a small page.
 */
function operationCost(args: ExecuteArgs): number | null {
  // No operation by that name, or several and none named: execution reports it as it always does.
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation) return null;
  let cost: number | null = null;
  const rule = createComplexityRule({
    context: args.contextValue as object,
    variableValues: (args.variableValues ?? {}) as Record<string, unknown>,
    operationName: operation.name?.value,
    // The limit is checked below, with our own error; this only reads the result.
    validate: () => {},
    onResult: (result) => {
      cost = result.complexity;
    },
  });
  // Variables that do not fit the operation leave no result: execution reports them as it always does.
  const context = new ValidationContext(args.schema, args.document, new TypeInfo(args.schema), () => {});
  const { enter, leave } = getEnterLeaveForKind(rule(context), Kind.OPERATION_DEFINITION);
  enter?.call(undefined, operation, undefined, undefined, [], []);
  leave?.call(undefined, operation, undefined, undefined, [], []);
  return cost;
}

type ExecuteArgs = Parameters<NonNullable<Plugin['onExecute']>>[0]['args'];

/** The arguments whose values a cost depends on: those field-cost.ts reads, and @include/@skip's `if`. */
const COST_ARGUMENTS = new Set(['ids', 'first', 'exhaustive', 'if']);
/** Costs remembered per document; past this many variable combinations its memo starts again. */
const COSTS_PER_DOCUMENT = 256;

const costVariablesOf = new WeakMap<DocumentNode, string[]>();
const costsOf = new WeakMap<DocumentNode, Map<string, number>>();

/** The variables of a document that feed an argument the cost reads (found once per parsed document). */
function costVariables(document: DocumentNode): string[] {
  let names = costVariablesOf.get(document);
  if (names === undefined) {
    const found = new Set<string>();
    visit(document, {
      Argument(argument) {
        if (!COST_ARGUMENTS.has(argument.name.value)) return;
        visit(argument.value, {
          Variable(variable) {
            found.add(variable.name.value);
          },
        });
      },
    });
    names = [...found].sort();
    costVariablesOf.set(document, names);
  }
  return names;
}

/**
 * The operation's cost, remembered per parsed document (Yoga reuses the parse of a document it has seen) and
 * the values of the variables the cost reads: a dashboard asks the same document with a new filter each time,
 * and the cost walk was a twentieth of the main thread. Only computed costs are remembered: an operation whose
 * variables do not fit has none, and remembering that would let a later one with the same page sizes skip the
 * limit.
 */
function rememberedOperationCost(args: ExecuteArgs): number | null {
  // An absent variable takes its declared default and a null one does not: they are keyed apart.
  const variables = (args.variableValues ?? {}) as Record<string, unknown>;
  const key = `${args.operationName ?? ''}\0${JSON.stringify(costVariables(args.document).map((name) => (name in variables ? [variables[name]] : [])))}`;
  let costs = costsOf.get(args.document);
  const known = costs?.get(key);
  if (known !== undefined) return known;
  const cost = operationCost(args);
  if (cost === null) return null;
  if (costs === undefined || costs.size >= COSTS_PER_DOCUMENT) {
    costs = new Map();
    costsOf.set(args.document, costs);
  }
  costs.set(key, cost);
  return cost;
}

/**
 * Computes each operation's cost before it runs, refuses one over the limit (code COST_LIMIT_EXCEEDED), and
 * reports `extensions.cost { requested, limit }` on every answer so callers can budget (as Shopify does).
 */
export function useQueryCost(options: QueryCostOptions): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = rememberedOperationCost(args);
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
