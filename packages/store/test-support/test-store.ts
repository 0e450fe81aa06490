import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { type OpenStoreOptions, openStore, type SqlDialect, type Store } from '../src/client';

// Test support: the same suite runs on SQLite and on PostgreSQL. Each store a test opens is fresh and empty:
// SQLite in memory, PostgreSQL in a new schema that is dropped when the store closes (or the suite ends).

export const TEST_PG_URL = process.env.IMR_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** Test schemas are named imr_test_<unix seconds>_<random>, so stale ones left by a killed run can be found. */
const SCHEMA_PREFIX = 'imr_test_';
const STALE_AFTER_SECONDS = 6 * 3600;

export interface TestBackend {
  dialect: SqlDialect;
  /** A fresh, migrated, empty store. */
  open: (options?: Pick<OpenStoreOptions, 'onQuery' | 'readonly'>) => Promise<Store>;
  /** On PostgreSQL, a `--db` value naming a schema that does not exist yet (dropped when the suite ends). */
  unmigratedTarget?: () => string;
  /**
   * A fresh, migrated, empty store that another process can open by this `--db` value: a temporary SQLite
   * file, or the PostgreSQL URL with `?schema=` of a new schema. Removed when the suite ends.
   */
  freshTarget: () => Promise<string>;
}

type Reachability = { ok: true } | { ok: false; reason: string };

async function probePostgres(url: string): Promise<Reachability> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    await dropStaleSchemas(client);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message || error.name : String(error) };
  } finally {
    await client.end().catch(() => {});
  }
}

async function dropStaleSchemas(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `select nspname as name from pg_namespace where nspname like '${SCHEMA_PREFIX}%'`,
  );
  const now = Math.floor(Date.now() / 1000);
  for (const { name } of rows) {
    const created = Number(name.slice(SCHEMA_PREFIX.length).split('_')[0]);
    if (Number.isFinite(created) && now - created > STALE_AFTER_SECONDS) {
      await client.query(`drop schema if exists ${name} cascade`).catch(() => {});
    }
  }
}

// Probed once per test file (module), before any suite is declared, so skipping is decided up front.
const postgres: Reachability = await probePostgres(TEST_PG_URL);

function newSchemaName(): string {
  return `${SCHEMA_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(5).toString('hex')}`;
}

function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.toString();
}

function sqliteBackend(cleanups: (() => Promise<void>)[]): TestBackend {
  const freshTarget = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-test-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'imr.db');
    await (await openStore(path)).close();
    return path;
  };
  return {
    dialect: 'sqlite',
    // SQLite cannot open an in-memory database read-only: a read-only store is a migrated temporary file.
    open: async (options = {}) => openStore(options.readonly ? await freshTarget() : ':memory:', options),
    freshTarget,
  };
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

function postgresBackend(cleanups: (() => Promise<void>)[]): TestBackend {
  return {
    dialect: 'postgres',
    open: async (options = {}) => {
      const schema = newSchemaName();
      // Read-only stores need the schema to exist and be migrated first.
      if (options.readonly) await (await openStore(TEST_PG_URL, { schema, poolMax: 2 })).close();
      const store = await openStore(TEST_PG_URL, { ...options, schema, poolMax: 4 });
      let closed = false;
      const close = async () => {
        if (closed) return;
        closed = true;
        await store.close();
        await dropSchema(schema);
      };
      cleanups.push(close);
      return { ...store, close };
    },
    unmigratedTarget: () => {
      const schema = newSchemaName();
      cleanups.push(() => dropSchema(schema));
      return withSchema(TEST_PG_URL, schema);
    },
    freshTarget: async () => {
      const schema = newSchemaName();
      cleanups.push(() => dropSchema(schema));
      const target = withSchema(TEST_PG_URL, schema);
      await (await openStore(target, { poolMax: 1 })).close();
      return target;
    },
  };
}

function suiteWith(
  make: (cleanups: (() => Promise<void>)[]) => TestBackend,
  fn: (backend: TestBackend) => void,
): void {
  const cleanups: (() => Promise<void>)[] = [];
  const backend = make(cleanups);
  // Stores a test forgot to close are closed (and their schemas dropped) when the suite ends.
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  fn(backend);
}

let skipNoticeShown = false;

/**
 * Declares the suite twice: on SQLite, and on PostgreSQL at IMR_TEST_PG_URL. When that server is unreachable,
 * the PostgreSQL copy is skipped with the reason in its name, except under CI, where it fails.
 */
export function describeEachBackend(name: string, fn: (backend: TestBackend) => void): void {
  describe(`${name} [sqlite]`, () => suiteWith(sqliteBackend, fn));
  if (postgres.ok) {
    describe(`${name} [postgres]`, () => suiteWith(postgresBackend, fn));
  } else if (process.env.CI) {
    describe(`${name} [postgres]`, () => {
      it('reaches PostgreSQL (required under CI)', () => {
        throw new Error(`PostgreSQL at ${TEST_PG_URL} is unreachable: ${postgres.reason}`);
      });
    });
  } else {
    if (!skipNoticeShown) {
      skipNoticeShown = true;
      console.warn(`PostgreSQL tests skipped: ${TEST_PG_URL} is unreachable (${postgres.reason})`);
    }
    describe.skip(`${name} [postgres skipped: ${TEST_PG_URL} unreachable: ${postgres.reason}]`, () =>
      suiteWith(postgresBackend, fn));
  }
}

/** Whether the PostgreSQL copies of suites run in this test file, and if not, why. */
export function postgresReachability(): Reachability {
  return postgres;
}

/** Row counts by table name (snake_case, any table including the full-text ones), for tests outside this package. */
export async function countRows(store: Store, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(
      store.db,
    );
    counts[table] = Number(rows[0]?.n);
  }
  return counts;
}

/** Rows of a plain SQL query (snake_case columns), for tests outside this package that check the store directly. */
export async function queryRows<Row>(store: Store, text: string): Promise<Row[]> {
  return (await sql<Row>`${sql.raw(text)}`.execute(store.db.withoutPlugins())).rows;
}
