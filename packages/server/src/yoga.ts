import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { type Context, createContext } from './context';
import type { Db } from './db/client';
import type { SqlDialect } from './db/repositories/item-filter';
import { schema } from './schema/index';

export interface BuildAppOptions {
  db: Db;
  dialect?: SqlDialect;
}

/** Builds the HTTP app (GraphQL at /graphql, GraphiQL on GET). main.ts only listens. */
export function buildApp(options: BuildAppOptions): YogaServerInstance<Record<string, unknown>, Context> {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => createContext(options.db, options.dialect),
    graphiql: { title: 'IMR Analytics' },
  });
}
