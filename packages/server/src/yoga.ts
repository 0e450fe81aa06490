import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Db } from '@imr/store/client';
import type { SqlDialect } from '@imr/store/repositories/item-filter';
import { readStoreVersion } from '@imr/store/repositories/store-version.repository';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { type Context, createContext } from './context';
import { EXAMPLE_OPERATIONS } from './graphiql/example-operations';
import { renderOfflineGraphiQL, useOfflineGraphiQLAssets } from './graphiql/offline-graphiql';
import { ByteBoundedCache } from './http/byte-bounded-cache';
import { ClientGate } from './http/client-gate';
import { useCoalescedExecution } from './http/coalesce.plugin';
import { useCompiledExecution } from './http/compiled-execution.plugin';
import { useDashboard } from './http/dashboard.plugin';
import { useFairExecution } from './http/fair-execution.plugin';
import { useInputBounds } from './http/input-bounds.plugin';
import { useOperationalEndpoints } from './http/operational.plugin';
import { useQueryCost } from './http/query-cost.plugin';
import { ClientRateLimiter } from './http/rate-limit';
import { REQUEST_LIMITS, requestLimitPlugins } from './http/request-limits';
import { type RequestLogLine, useRequestLog } from './http/request-log.plugin';
import { useRequestScopeRelease } from './http/request-scope.plugin';
import { useResponseCache } from './http/response-cache.plugin';
import { DEFAULT_TIME_LIMIT_MS, useTimeLimit } from './http/time-limit.plugin';
import { schema } from './schema/index';

export interface BuildAppOptions {
  db: Db;
  dialect?: SqlDialect;
  /** Production: masked errors without details, no field suggestions, GraphiQL off unless asked for. */
  production?: boolean;
  /** Serve GraphiQL on GET /graphql (default: on, off in production). */
  graphiql?: boolean;
  /** Cache answers until the store changes (keyed by the store's data version). */
  responseCache?: boolean;
  /** Requests a minute per client (token bucket); off when absent. */
  rateLimitPerMinute?: number;
  /** Cost (schema/field-cost.ts units) a minute per client, charged as operations run; off when absent. */
  costPerMinute?: number;
  /** Operations of one client run at once (more wait their turn); off when absent. */
  concurrentPerClient?: number;
  /** Bytes of answers the response cache holds (default 64 MB). */
  responseCacheBytes?: number;
  /** Trust X-Forwarded-For for the rate limit's client key (behind a load balancer): its right-most entry. */
  trustProxy?: boolean;
  /** Allowed CORS origins; absent: any origin. Never with credentials. */
  corsOrigins?: string[];
  /** When set, only these operations (sha256 hash → document) may run (persisted operations). */
  persistedOperations?: ReadonlyMap<string, string>;
  /** Milliseconds an operation may run, its SQL, resolvers and result included (default 30 s, as on PostgreSQL). */
  timeLimitMs?: number;
  /** The built dashboard served at `/` (default: packages/dashboard/dist, written by `pnpm build`). */
  dashboardDist?: string;
  /** Run operations compiled by graphql-jit (default) rather than interpreted by graphql-js. */
  compiledExecution?: boolean;
  /** Receives one structured line per GraphQL execution. */
  log?: (line: RequestLogLine) => void;
}

/** Bytes of answers the response cache holds by default. */
export const DEFAULT_RESPONSE_CACHE_BYTES = 64 * 1024 * 1024;

/** Error codes the API raises on purpose, with a message meant for the client. */
const CLIENT_ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'COST_LIMIT_EXCEEDED',
  'TIME_LIMIT_EXCEEDED',
  'RATE_LIMITED',
]);

/**
 * Whether a resolver error is one the API raised for the client (the located error the executor wraps around it
 * carries the same extensions). Recognised by its code rather than by `instanceof`: where a tool loads graphql
 * twice (ESM and CommonJS, as vitest does), the GraphQLError classes differ.
 */
function isClientError(error: unknown): boolean {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return typeof code === 'string' && CLIENT_ERROR_CODES.has(code);
}

/** Errors of work the time limit stopped: a statement (db/statement-deadline.ts) or a field (schema/operation-deadline.ts). */
const TIME_LIMIT_ERRORS = new Set(['StatementTimeoutError', 'OperationTimeoutError']);

/** Whether the time limit stopped this work, found by name for the same dual-realm reason. */
function isTimeLimitError(error: unknown): boolean {
  const original = (error as { originalError?: unknown } | null)?.originalError;
  const name = (original as { name?: unknown } | null)?.name;
  return typeof name === 'string' && TIME_LIMIT_ERRORS.has(name);
}

/**
 * The store version, read at most once per turn of the event loop: the response cache and the coalescer key
 * every request by it, and under load hundreds of requests share a turn. A commit landing within the same turn
 * is indistinguishable from one landing just after it.
 */
function storeVersionPerTurn(db: Db, dialect: SqlDialect): () => Promise<string> {
  let current: Promise<string> | null = null;
  return () => {
    if (current === null) {
      current = readStoreVersion(db, dialect);
      setImmediate(() => {
        current = null;
      });
    }
    return current;
  };
}

/** Builds the HTTP app (GraphQL at /graphql, GraphiQL on GET). main.ts only listens. */
export function buildApp(options: BuildAppOptions): YogaServerInstance<Record<string, unknown>, Context> {
  const dialect = options.dialect ?? 'sqlite';
  const production = options.production ?? false;
  const storeVersion = storeVersionPerTurn(options.db, dialect);
  const graphiql = options.graphiql ?? !production;
  const plugins: Plugin[] = [
    useOperationalEndpoints({
      db: options.db,
      dialect,
      rateLimiter: options.rateLimitPerMinute ? new ClientRateLimiter(options.rateLimitPerMinute) : undefined,
      trustProxy: options.trustProxy,
    }),
    useInputBounds(),
    ...requestLimitPlugins({ production }),
    useDashboard({ dist: options.dashboardDist }),
  ];
  if (graphiql) plugins.push(useOfflineGraphiQLAssets());
  if (options.persistedOperations) {
    const operations = options.persistedOperations;
    plugins.push(
      usePersistedOperations({
        getPersistedOperation: (hash) => operations.get(hash) ?? null,
        allowArbitraryOperations: false,
      }),
    );
  }
  // Before the time limit and the coalescer, which wrap whichever execute function is in place.
  if (options.compiledExecution ?? true) plugins.push(useCompiledExecution());
  plugins.push(useRequestScopeRelease() as Plugin);
  const costs = new WeakMap<object, number>();
  plugins.push(
    useQueryCost({ limit: REQUEST_LIMITS.cost, onCost: (context, cost) => costs.set(context, cost) }),
  );
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  plugins.push(useTimeLimit({ ms: timeLimitMs }));
  // After the time limit, so an operation's time starts when its turn comes, not while it waits.
  if (options.costPerMinute !== undefined || options.concurrentPerClient !== undefined) {
    plugins.push(
      useFairExecution({
        gate: new ClientGate(options.concurrentPerClient ?? Number.POSITIVE_INFINITY, 32),
        costBudget:
          options.costPerMinute === undefined
            ? undefined
            : new ClientRateLimiter(
                options.costPerMinute,
                Math.max(options.costPerMinute / 4, REQUEST_LIMITS.cost),
              ),
        costOf: (context) => costs.get(context) ?? 0,
        trustProxy: options.trustProxy ?? false,
      }),
    );
  }
  plugins.push(useCoalescedExecution({ storeVersion }));
  // After the cost plugin, so the logged line sees the cost it added.
  if (options.log) plugins.push(useRequestLog(options.log));
  if (options.responseCache) {
    plugins.push(
      useResponseCache({
        cache: new ByteBoundedCache(options.responseCacheBytes ?? DEFAULT_RESPONSE_CACHE_BYTES),
        storeVersion,
        ttlMs: 10 * 60_000,
      }),
    );
  }
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => createContext(options.db, options.dialect),
    graphiql: graphiql ? { title: 'IMR Analytics', defaultQuery: EXAMPLE_OPERATIONS } : false,
    renderGraphiQL: renderOfflineGraphiQL,
    // Never credentials: the API reads no cookie, and Yoga's default would answer any origin with
    // `access-control-allow-credentials: true`.
    cors: { origin: options.corsOrigins ?? '*', methods: ['GET', 'POST'], credentials: false },
    plugins,
    // Bodies are bounded before they are read: input-bounds.plugin.ts refuses a POST without a Content-Length
    // or with one past its limit, and Node's HTTP parser reads no more than the length said. Yoga's own limit
    // would pipe every body through a stream transform, and a second Request, to count the same bytes again.
    maxRequestBodySize: false,
    // Client errors (BAD_USER_INPUT) reach the client as raised; anything else is masked as "Unexpected
    // error." so no stack trace or SQL leaks (the original is logged on the server).
    maskedErrors: {
      isDev: !production && process.env.NODE_ENV === 'development',
      maskError: (error, message, isDev) => {
        if (isClientError(error)) return error as Error;
        if (isTimeLimitError(error)) {
          const located = error as { path?: readonly (string | number)[] };
          return new GraphQLError(
            `this query ran past the ${timeLimitMs / 1000} s time limit and was stopped: narrow its filter, group by fewer dimensions or ask for smaller pages`,
            { path: located.path, extensions: { code: 'TIME_LIMIT_EXCEEDED', limitMs: timeLimitMs } },
          );
        }
        return maskError(error, message, isDev);
      },
    },
  });
}
