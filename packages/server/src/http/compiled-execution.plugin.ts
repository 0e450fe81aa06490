import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  getOperationAST,
  valueFromASTUntyped,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { makeExecute } from 'graphql-yoga';

// graphql-js walks the operation's AST for every object it completes: it collects the fields, looks up each
// definition, builds a resolve info and coerces the arguments again, for each of a page's hundred cases and each
// of their items. graphql-jit compiles an operation once into a function that only calls the resolvers and
// shapes the answer. Compiled operations are kept per parsed document (yoga's parser cache hands the same
// DocumentNode to every request with the same text) and per operation name: one document may hold several
// operations (GraphiQL's examples), so the document alone does not say which was compiled.
//
// Answers are written by JSON.stringify, not by the JSON writer graphql-jit can generate for an operation
// (fast-json-stringify from the selection's types). That writer built a 108 KB nested page as a string of
// thousands of joined pieces, which V8 had to flatten before anything could read it. Measured end to end, two
// servers side by side on a 100k store, three runs: a nested page of 100 cases cost 4 %, 2 % and 0 % less server
// CPU with JSON.stringify, a page of 20 items 4 % and 5 % less and 1 % more: the writer gained nothing.
//
// Must come before any plugin that wraps the execute function (time limit, coalescing): each of those wraps the
// function in place when its hook runs, so the compiled one has to be there first or it would replace them.

type Compiled = CompiledQuery<Record<string, unknown>, Record<string, unknown>>;

function compile(args: ExecutionArgs): Compiled | ExecutionResult {
  // Errors the API raises carry their own message and code; a stack trace per null is wasted work.
  return compileQuery(args.schema, args.document, args.operationName ?? undefined, {
    disablingCapturingStackErrors: true,
  }) as Compiled | ExecutionResult;
}

interface CompiledOperations {
  schema: GraphQLSchema;
  /** By operation name ('' when the request names none); null when graphql-jit cannot compile it. */
  byName: Map<string, Compiled | null>;
}

/**
 * The variables with each omitted one that declares a default filled in with it, as the client would have sent
 * it. graphql-js applies defaults itself; graphql-jit 0.8 drops the default of a non-null variable
 * (`$q: String! = "x"`) and reports it missing.
 */
function withDefaultVariables(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): Record<string, unknown> {
  const filled: Record<string, unknown> = { ...(variables ?? {}) };
  for (const definition of getOperationAST(document, operationName)?.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (definition.defaultValue && !Object.hasOwn(filled, name)) {
      filled[name] = valueFromASTUntyped(definition.defaultValue);
    }
  }
  return filled;
}

export function useCompiledExecution(): Plugin {
  const cache = new WeakMap<DocumentNode, CompiledOperations>();

  function compiledFor(args: ExecutionArgs): Compiled | null {
    let operations = cache.get(args.document);
    if (operations === undefined || operations.schema !== args.schema) {
      operations = { schema: args.schema, byName: new Map() };
      cache.set(args.document, operations);
    }
    const name = args.operationName ?? '';
    let compiled = operations.byName.get(name);
    if (compiled === undefined) {
      const result = compile(args);
      compiled = isCompiledQuery(result) ? (result as Compiled) : null;
      operations.byName.set(name, compiled);
    }
    return compiled;
  }

  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(
        makeExecute((args: ExecutionArgs) => {
          const compiled = compiledFor(args);
          // What graphql-jit refuses to compile, graphql-js runs (and explains, if it is an error).
          if (compiled === null) return executeFn(args);
          return compiled.query(
            args.rootValue,
            args.contextValue,
            withDefaultVariables(args.document, args.operationName, args.variableValues),
          ) as ExecutionResult | Promise<ExecutionResult>;
        }),
      );
    },
  };
}
