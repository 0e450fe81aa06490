import { existsSync, readFileSync } from 'node:fs';
import { isPostgresTarget, openStore, resolveDbTarget } from '@imr/store/client';
import type { Command } from 'commander';
import { buildApp } from '../../yoga';
import { type Json, resultToCsv } from '../result-csv';

export interface QueryCommandOptions {
  db?: string;
  variables?: string;
  operationName?: string;
  format: string;
}

interface GraphQLResponse {
  data?: Record<string, Json> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

function parseVariables(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new Error(
      `--variables is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('--variables must be a JSON object, e.g. \'{"first": 10}\'');
  }
  return parsed as Record<string, unknown>;
}

/** Runs one GraphQL operation in-process through the API's schema, as an HTTP client would. */
export async function runQuery(
  target: string,
  query: string,
  variables?: Record<string, unknown>,
  operationName?: string,
): Promise<GraphQLResponse> {
  if (!isPostgresTarget(target) && !existsSync(target)) {
    throw new Error(`no store at ${target}: create it with \`pnpm imr ingest <letters> --db ${target}\``);
  }
  const store = await openStore(target, { readonly: true });
  try {
    const yoga = buildApp({ db: store.db, dialect: store.dialect });
    const response = await yoga.fetch('http://imr.local/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables, operationName }),
    });
    return (await response.json()) as GraphQLResponse;
  } finally {
    await store.close();
  }
}

export interface QueryOutput {
  out: (text: string) => void;
  err: (line: string) => void;
}

const consoleOutput: QueryOutput = {
  out: (text) => process.stdout.write(text),
  err: (line) => console.error(line),
};

/** What `imr query` does, given its arguments: writes the answer or the errors, returns the exit code. */
export async function queryCommand(
  operation: string,
  options: QueryCommandOptions,
  output: QueryOutput = consoleOutput,
): Promise<number> {
  try {
    if (options.format !== 'json' && options.format !== 'csv') {
      throw new Error(`--format must be json or csv, got "${options.format}"`);
    }
    const query = operation.startsWith('@') ? readFileSync(operation.slice(1), 'utf8') : operation;
    const target = resolveDbTarget(options.db || process.env.IMR_DB);
    const result = await runQuery(target, query, parseVariables(options.variables), options.operationName);
    if (result.errors?.length) {
      for (const e of result.errors) {
        const where = e.path ? ` (at ${e.path.join('.')})` : '';
        const code = e.extensions?.code ? ` [${e.extensions.code}]` : '';
        output.err(`imr query: ${e.message}${where}${code}`);
      }
      return 1;
    }
    const data = result.data ?? {};
    output.out(options.format === 'csv' ? resultToCsv(data) : `${JSON.stringify(data, null, 2)}\n`);
    return 0;
  } catch (error) {
    output.err(`imr query: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** `imr query [--db FILE] 'GRAPHQL' [--variables JSON] [--format json|csv]`. */
export function registerQueryCommand(program: Command): void {
  program
    .command('query')
    .description(
      'run a GraphQL operation against the store and print the data as JSON, or as CSV (the rows of a list, connection or stats groups); errors go to stderr with exit code 1',
    )
    .argument('<operation>', 'the GraphQL document, or @path/to/file.graphql')
    .option(
      '--db <target>',
      'SQLite file or postgres:// URL (default: $IMR_DB, $DATABASE_URL, ./data/imr.db)',
    )
    .option('--variables <json>', 'variables as a JSON object')
    .option('--operation-name <name>', 'which operation to run when the document has several')
    .option('--format <format>', 'json or csv', 'json')
    .action(async (operation: string, options: QueryCommandOptions) => {
      process.exitCode = await queryCommand(operation, options);
    });
}
