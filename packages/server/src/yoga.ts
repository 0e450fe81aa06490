import type { GraphQLError } from 'graphql';
import { createGraphQLError, createYoga, maskError, type YogaServerInstance } from 'graphql-yoga';
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
 * The client error behind a resolver error, if it is one. Recognised by its code rather than by `instanceof`:
 * where a tool loads graphql twice (ESM and CommonJS, as under vitest), the classes differ.
 */
function clientErrorOf(error: unknown): { message: string; extensions: Record<string, unknown> } | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { extensions, message, originalError } = current as {
      extensions?: Record<string, unknown>;
      message?: string;
      originalError?: unknown;
    };
    if (typeof message === 'string' && CLIENT_ERROR_CODES.has(String(extensions?.code))) {
      return { message, extensions: extensions! };
    }
    current = originalError;
  }
  return null;
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
        const client = clientErrorOf(error);
        if (!client) return maskError(error, message, isDev);
        const located = error as Partial<GraphQLError>;
        return createGraphQLError(client.message, {
          nodes: located.nodes,
          path: located.path,
          extensions: client.extensions,
        });
      },
    },
  });
}
