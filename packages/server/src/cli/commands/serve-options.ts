import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DEFAULT_HOST, DEFAULT_PORT, type ServeOptions } from '../../main';

// Options shared by `imr serve` and `imr start`.

export interface ServeCommandOptions {
  db?: string;
  port?: string;
  host?: string | boolean;
  production?: boolean;
  rateLimit?: string;
  costLimit?: string;
  cors?: string;
  trustProxy?: boolean;
  persistedOperations?: string;
  cache?: boolean;
  requestLog?: boolean;
  timeLimit?: string;
}

/** A client's cost budget in production: five operations at the cost limit a minute, or 10,000 aggregates. */
export const PRODUCTION_COST_PER_MINUTE = 250_000;
/** Operations of one client running at once in production; more wait their turn. */
export const PRODUCTION_CONCURRENT_PER_CLIENT = 2;

/** Adds the app options shared by `imr serve` and `imr start`. */
export function addAppOptions(command: Command): Command {
  return command
    .option('--production', 'masked errors, no field suggestions, no GraphiQL (also NODE_ENV=production)')
    .option('--rate-limit <perMinute>', 'requests a minute per client (default: 600 in production, else off)')
    .option(
      '--cost-limit <perMinute>',
      `query cost a minute per client (default: ${PRODUCTION_COST_PER_MINUTE} in production, else off)`,
    )
    .option('--cors <origins>', 'comma-separated allowed origins (default: any)')
    .option('--trust-proxy', 'take the client address from X-Forwarded-For (behind a load balancer)')
    .option('--persisted-operations <file>', 'JSON {sha256: document}: only these operations may run')
    .option(
      '--time-limit <seconds>',
      'stop an operation that runs longer than this, SQL and resolvers alike (default: 30, as on PostgreSQL)',
    )
    .option('--no-cache', 'do not cache answers (they are cached until the store changes by default)')
    .option('--no-request-log', 'do not log one JSON line per request on stderr');
}

/** The app options a command line asks for; bad values are errors naming the flag. */
export function appOptionsOf(options: ServeCommandOptions): NonNullable<ServeOptions['app']> {
  const production = options.production === true || process.env.NODE_ENV === 'production';
  let rateLimitPerMinute: number | undefined = production ? 600 : undefined;
  if (options.rateLimit !== undefined) {
    const n = Number(options.rateLimit);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`--rate-limit must be a positive integer, got "${options.rateLimit}"`);
    rateLimitPerMinute = n;
  }
  let costPerMinute: number | undefined = production ? PRODUCTION_COST_PER_MINUTE : undefined;
  if (options.costLimit !== undefined) {
    const n = Number(options.costLimit);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`--cost-limit must be a positive integer, got "${options.costLimit}"`);
    costPerMinute = n;
  }
  let timeLimitMs: number | undefined;
  if (options.timeLimit !== undefined) {
    const seconds = Number(options.timeLimit);
    if (!Number.isFinite(seconds) || seconds <= 0)
      throw new Error(`--time-limit must be a positive number of seconds, got "${options.timeLimit}"`);
    timeLimitMs = Math.round(seconds * 1000);
  }
  let persistedOperations: Map<string, string> | undefined;
  if (options.persistedOperations) {
    const file = options.persistedOperations;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(
        `--persisted-operations ${file}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`--persisted-operations ${file}: expected a JSON object of {sha256: document}`);
    }
    persistedOperations = new Map(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  }
  return {
    production,
    rateLimitPerMinute,
    costPerMinute,
    concurrentPerClient: production ? PRODUCTION_CONCURRENT_PER_CLIENT : undefined,
    corsOrigins: options.cors ? options.cors.split(',').map((o) => o.trim()) : undefined,
    trustProxy: options.trustProxy === true,
    persistedOperations,
    responseCache: options.cache !== false,
    timeLimitMs,
    log:
      options.requestLog === false ? undefined : (line) => process.stderr.write(`${JSON.stringify(line)}\n`),
  };
}

/** --port, else PORT, else 4000; a clear error for anything that is not a port number. */
export function portOf(raw: string | undefined): number {
  const value = raw ?? process.env.PORT;
  if (value === undefined || value === '') return DEFAULT_PORT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`--port (or PORT) must be a port number 0-65535, got "${value}"`);
  }
  return n;
}

/** `--host` alone listens on every interface; `--host ADDR` on that one; default loopback only. */
export function hostOf(raw: string | boolean | undefined): string {
  if (raw === true) return '0.0.0.0';
  if (typeof raw === 'string' && raw !== '') return raw;
  return process.env.HOST || DEFAULT_HOST;
}
