import { createYoga, maskError, type YogaServerInstance } from 'graphql-yoga';
import { type Context, createContext } from './context';
import type { Db } from './db/client';
import type { SqlDialect } from './db/repositories/item-filter';
import { EXAMPLE_OPERATIONS } from './graphiql/example-operations';
import { schema } from './schema/index';

export interface BuildAppOptions {
  db: Db;
  dialect?: SqlDialect;
}

/** Error codes the API raises on purpose, with a message meant for the client. */
const CLIENT_ERROR_CODES = new Set(['BAD_USER_INPUT']);

/**
 * Whether a resolver error is one the API raised for the client (the located error the executor wraps around it
 * carries the same extensions). Recognised by its code rather than by `instanceof`: where a tool loads graphql
 * twice (ESM and CommonJS, as vitest does), the GraphQLError classes differ.
 */
function isClientError(error: unknown): boolean {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return typeof code === 'string' && CLIENT_ERROR_CODES.has(code);
}

/** Builds the HTTP app (GraphQL at /graphql, GraphiQL on GET). main.ts only listens. */
export function buildApp(options: BuildAppOptions): YogaServerInstance<Record<string, unknown>, Context> {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => createContext(options.db, options.dialect),
    graphiql: { title: 'IMR Analytics', defaultQuery: EXAMPLE_OPERATIONS },
    // Client errors (BAD_USER_INPUT) reach the client as raised; anything else is masked as "Unexpected
    // error." so no stack trace or SQL leaks (the original is logged on the server).
    maskedErrors: {
      maskError: (error, message, isDev) => {
        if (isClientError(error)) return error as Error;
        return maskError(error, message, isDev);
      },
    },
  });
}
