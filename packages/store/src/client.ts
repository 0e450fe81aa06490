import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  type KyselyConfig,
  type LogEvent,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { CamelCaseQueriesPlugin } from './camel-case-queries.plugin';
import type { Database } from './database';
import { rollBackHotJournal } from './hot-journal';
import { migrations } from './migrations/index';
import { arrayRowsPool } from './postgres-array-rows';
import {
  markPostgresStoreChanges,
  PostgresStoreChanges,
  storeChangedChannel,
} from './postgres-store-changes';
import { registerMarkableStore } from './read-marks';
import { markReadOnlySqliteStore } from './read-only-store';
import type { SqlDialect } from './repositories/item-filter';
import { registerSqliteFunctions } from './sqlite-functions';
import { SqliteReadPoolDialect } from './sqlite-read-dialect';
import { SqliteReadPool } from './sqlite-read-pool';
import { StoreSchemaPostgresDialect } from './store-schema-dialect';

export type Db = Kysely<Database>;
/** Receives each statement a store runs, with its parameters. */
export type QueryListener = (sql: string, parameters: readonly unknown[]) => void;
export type { SqlDialect };

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:'. */
  path: string;
  /** The API opens the store read-only; migrations then must already be applied. */
  readonly?: boolean;
  /** Called for every SQL statement executed (used by tests that count statements, and the bench). */
  onQuery?: QueryListener;
  /** Read-only: worker processes that run its statements. Default: one per core (`IMR_READ_WORKERS`). */
  readWorkers?: number;
}

export interface OpenedDatabase {
  db: Db;
  sqlite: SQLite.Database;
  close: () => Promise<void>;
}

/** An open store of either backend; `sqlite` is set only for SQLite, `pool` only for PostgreSQL. */
export interface Store {
  db: Db;
  dialect: SqlDialect;
  close: () => Promise<void>;
  sqlite?: SQLite.Database;
  pool?: pg.Pool;
}

/**
 * A write transaction: Kysely's, plus, on SQLite, the connection it runs on (one per store), which the letter
 * write path drives through prepared statements inside the same transaction.
 */
export interface WriteTransaction {
  trx: Transaction<Database>;
  sqlite?: SQLite.Database;
}

/** Runs `fn` in one write transaction of `store` (BEGIN IMMEDIATE on SQLite); commits when it resolves. */
export function writeTransaction<T>(store: Store, fn: (tx: WriteTransaction) => Promise<T>): Promise<T> {
  return store.db.transaction().execute((trx) => fn({ trx, sqlite: store.sqlite }));
}

export interface OpenStoreOptions {
  /** Read-only: no migrations, and on PostgreSQL every transaction is read-only (safe on a read replica). */
  readonly?: boolean;
  onQuery?: QueryListener;
  /** SQLite, read-only: worker processes that run its statements. Default `IMR_READ_WORKERS`, else one per core. */
  readWorkers?: number;
  /** PostgreSQL: most connections this process holds. Default `IMR_PG_POOL_MAX`, else 10. */
  poolMax?: number;
  /** PostgreSQL: the schema to use (created when missing unless read-only). Default: the server's search_path. */
  schema?: string;
  /**
   * PostgreSQL: the server cancels a statement running longer than this. Default: 30 s when read-only (an API
   * request must not hold a connection for minutes), none for writers (a large ingest batch may take long).
   */
  statementTimeoutMs?: number;
  /**
   * PostgreSQL, read-only: keep the lookups by key prepared (postgres-statement-names.ts). Default: on, unless
   * `IMR_PG_PREPARED_STATEMENTS=off` (a connection pooler in transaction mode without prepared-statement support,
   * such as PgBouncer before 1.21 or with `max_prepared_statements = 0`, would lose them between transactions).
   */
  preparedStatements?: boolean;
}

export const DEFAULT_DB_PATH = './data/imr.db';

/** The page size a new SQLite store is created with (see openDatabase). */
export const NEW_STORE_PAGE_SIZE = 16_384;

/** True when a `--db` value or `DATABASE_URL` names a PostgreSQL server rather than a SQLite file. */
export function isPostgresTarget(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** The store a command uses: its `--db` value, else `DATABASE_URL`, else the default SQLite file. */
export function resolveDbTarget(flag?: string | null): string {
  return flag || process.env.DATABASE_URL || DEFAULT_DB_PATH;
}

/** A connection URL with its password masked, for logs and error messages. */
export function redactTarget(target: string): string {
  if (!isPostgresTarget(target)) return target;
  try {
    const url = new URL(target);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

/** How long a writer waits for another process's lock: a batch to commit, or a turn to switch the journal. */
const WRITER_LOCK_WAIT_MS = 60_000;

/**
 * Puts the store in write-ahead-log mode, waiting its turn for the lock that takes. Another process loading an
 * empty store may hold it in rollback-journal mode (bulk-load.repository.ts loadWithoutWal), and then a switch
 * attempted while that process is inside a batch fails at once with SQLITE_BUSY (SQLite does not wait where
 * waiting could deadlock): the second of two `imr ingest` runs started together failed with "database is
 * locked". Tried again between that process's batches, the switch succeeds, and the loading process follows
 * the store into the log at its next transaction.
 */
async function enterWriteAheadLog(sqlite: SQLite.Database, path: string): Promise<void> {
  const deadline = Date.now() + WRITER_LOCK_WAIT_MS;
  for (;;) {
    try {
      sqlite.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
      if (Date.now() >= deadline) {
        throw new Error(
          `${path}: another process kept the store locked for ${WRITER_LOCK_WAIT_MS / 1000} s (an ingest loading it?): try again when it is done`,
        );
      }
      await delay(50);
    }
  }
}

/** Opens the SQLite file (or ':memory:') or the PostgreSQL server `target` names, migrated unless read-only. */
export async function openStore(target: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresTarget(target)) return openPostgres(target, options);
  const { db, sqlite, close } = await openDatabase({
    path: target,
    readonly: options.readonly,
    onQuery: options.onQuery,
    readWorkers: options.readWorkers,
  });
  return { db, dialect: 'sqlite', sqlite, close };
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const { path, readonly = false, onQuery } = options;
  if (path !== ':memory:' && !readonly) mkdirSync(dirname(path), { recursive: true });
  if (readonly && path === ':memory:') {
    throw new Error('a read-only store needs a file: an in-memory database is private to its connection');
  }
  if (readonly) rollBackHotJournal(path);
  const sqlite = new SQLite(path, { readonly, fileMustExist: readonly });
  registerSqliteFunctions(sqlite);
  if (!readonly) {
    // Takes effect only on a new file (an existing store keeps its pages). A letter's stored text (~2.6 KB) and
    // case row (~2 KB) left a third and a quarter of each 4 KB page unused; 16 KB pages pack them, so a store is
    // 14 % smaller, and every page written costs its WAL frame, checksum and checkpoint copy once for four times
    // the rows: a 100k-letter ingest spent 30 % less system time.
    sqlite.pragma(`page_size = ${NEW_STORE_PAGE_SIZE}`);
  }
  // A writer may wait for another process's batch to commit; readers never wait in WAL mode.
  sqlite.pragma(`busy_timeout = ${readonly ? 5000 : WRITER_LOCK_WAIT_MS}`);
  if (!readonly) {
    await enterWriteAheadLog(sqlite, path);
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
  }
  if (readonly) {
    // The API's statements run in worker processes, each held to the running request's deadline; this handle
    // answers only pragmas (sqlite-read-dialect.ts).
    // Rows come from the pool and the main thread's statements keyed in camelCase already (camel-case-queries.plugin.ts).
    const camelCase = new CamelCaseQueriesPlugin();
    const pool = new SqliteReadPool({
      path,
      size: options.readWorkers ?? readWorkersFromEnv(),
      columnKey: camelCase.columnKey,
    });
    try {
      await pool.started();
    } catch (error) {
      await pool.close();
      sqlite.close();
      throw error;
    }
    const db = createKysely(new SqliteReadPoolDialect(pool, sqlite, camelCase.columnKey), onQuery, camelCase);
    markReadOnlySqliteStore(db, sqlite.prepare('pragma data_version').pluck());
    // Kysely destroys a driver only once a query has started it: a store opened and closed without one (as
    // `serve` reads a pending bulk load through the handle alone) would leave the pool's worker processes
    // running, and the process that opened it would never exit. Both closes are idempotent.
    const close = async () => {
      await db.destroy();
      await pool.close();
      sqlite.close();
    };
    return { db, sqlite, close };
  }
  // Writers run unlimited, on this thread (the letter write path drives prepared statements directly).
  const db = createKysely(new WriterSqliteDialect({ database: sqlite }), onQuery);
  await migrateToLatest(db);
  return { db, sqlite, close: () => db.destroy() };
}

// Write transactions start with BEGIN IMMEDIATE, taking SQLite's write lock up front (waiting up to the busy
// timeout). A plain BEGIN reads first and upgrades later, and in WAL mode that upgrade fails at once with
// "database is locked" when another process committed in between: two ingest processes would collide.
class WriterSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class WriterSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new WriterSqliteDriver(this.#config);
  }
}

// pg returns BIGINT (COUNT, SUM) and NUMERIC (AVG) as strings so as not to lose precision; the store's counts
// and rates fit a double, and SQLite returns them as numbers, so both backends answer alike.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const numericTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** Splits our own `?schema=` parameter off a PostgreSQL URL (pg would pass unknown parameters to the server). */
export function splitSchemaParam(target: string): { url: string; schema: string | undefined } {
  const url = new URL(target);
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  return { url: url.toString(), schema: schema || undefined };
}

async function openPostgres(target: string, options: OpenStoreOptions): Promise<Store> {
  const { readonly = false, onQuery } = options;
  let parsed: { url: string; schema: string | undefined };
  try {
    parsed = splitSchemaParam(target);
  } catch {
    throw new Error(
      `invalid PostgreSQL URL ${redactTarget(target)}: expected postgres://user@host:port/database`,
    );
  }
  const { url } = parsed;
  const schema = options.schema ?? parsed.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name "${schema}": use lower-case letters, digits and _`);
  }
  const statementTimeout = options.statementTimeoutMs ?? (readonly ? 30_000 : 0);
  const preparedStatements = options.preparedStatements ?? preparedStatementsFromEnv();
  if (!Number.isInteger(statementTimeout) || statementTimeout < 0) {
    throw new Error(`statement timeout must be a whole number of milliseconds, got ${statementTimeout}`);
  }
  const settings = [
    schema ? `-c search_path=${schema}` : '',
    readonly ? '-c default_transaction_read_only=on' : '',
    statementTimeout > 0 ? `-c statement_timeout=${statementTimeout}` : '',
    // JIT compiles a query whose estimated cost is high, which the aggregates over items often are, and the
    // compiling costs more than these queries save by it (a citation-coverage query ran several times slower).
    '-c jit=off',
    // The API's searches sort a window of matches with their tsvectors, which spilled to disk under the default
    // 4 MB: at 100k letters, direct SQL, five runs each, a common word's item window 22.7 → 15.9 ms, a rarer
    // word's 32-36 → 24-32 ms, case windows 28 → 25 and 62 → 50 ms. At most this much per sort a connection, on
    // the database server, for the pool's IMR_PG_POOL_MAX connections.
    readonly ? `-c work_mem=${READ_WORK_MEM}` : '',
  ].filter(Boolean);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolMax ?? poolMaxFromEnv(),
    // Replicas come and go behind a load balancer: do not hold idle connections for long, and fail fast
    // (rather than hang a request) when the server is unreachable or the pool is exhausted.
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: 'imr',
    types: numericTypes,
    ...(settings.length > 0 ? { options: settings.join(' ') } : {}),
  });
  // An idle client's connection dropping (server restart, failover) must not crash the process: the pool
  // replaces it on the next checkout.
  pool.on('error', (error) =>
    console.error(`PostgreSQL connection lost (${error.message}); reconnecting on demand`),
  );
  let migrationSchema: string;
  try {
    const probe = await pool.connect();
    try {
      if (schema && !readonly) await createSchema(probe, schema);
      const current = await probe.query<{ schema: string | null }>('select current_schema() as schema');
      migrationSchema = schema ?? current.rows[0]?.schema ?? 'public';
    } finally {
      probe.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot connect to PostgreSQL at ${redactTarget(url)}: ${reason}`);
  }
  // A read-only store's rows come keyed in camelCase from the pool (postgres-array-rows.ts), as a read-only
  // SQLite store's come from its read workers, so the plugin only rewrites queries. Writers keep pg's rows:
  // copying a store reads rows by their column names, without plugins (store-copy.ts).
  const db = readonly
    ? readOnlyPostgresKysely(pool, onQuery, preparedStatements)
    : createKysely(new StoreSchemaPostgresDialect({ pool }, migrationSchema), onQuery);
  if (!readonly) {
    try {
      await migrateToLatest(db, migrationSchema);
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  // A read-only store (the API's) learns of commits from notifications instead of asking before each request.
  const channel = storeChangedChannel(migrationSchema);
  const changes =
    readonly && channel
      ? new PostgresStoreChanges(
          {
            connectionString: url,
            application_name: 'imr-changes',
            connectionTimeoutMillis: 10_000,
            ...(settings.length > 0 ? { options: settings.join(' ') } : {}),
          },
          channel,
          (to, payload) => pool.query('select pg_notify($1, $2)', [to, payload]),
        )
      : null;
  if (changes && (await changes.start().catch(() => false))) markPostgresStoreChanges(db, changes);
  const close = async () => {
    await changes?.close();
    await db.destroy();
  };
  return { db, dialect: 'postgres', pool, close };
}

async function createSchema(client: pg.PoolClient, schema: string): Promise<void> {
  try {
    await client.query(`create schema if not exists ${schema}`);
  } catch (error) {
    // Two processes creating the same schema at once: "if not exists" is not atomic in PostgreSQL, and the
    // loser gets a unique violation on the catalog. The schema exists either way.
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '42P06') throw error;
  }
}

function readWorkersFromEnv(): number | undefined {
  const raw = process.env.IMR_READ_WORKERS;
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`IMR_READ_WORKERS must be a positive integer, got "${raw}"`);
  }
  return n;
}

/** PostgreSQL's work_mem for a read-only store's connections. */
const READ_WORK_MEM = '32MB';

function poolMaxFromEnv(): number {
  const raw = process.env.IMR_PG_POOL_MAX;
  if (raw === undefined || raw === '') return 10;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`IMR_PG_POOL_MAX must be a positive integer, got "${raw}"`);
  }
  return n;
}

function preparedStatementsFromEnv(): boolean {
  const raw = process.env.IMR_PG_PREPARED_STATEMENTS;
  if (raw === undefined || raw === '' || raw === 'on') return true;
  if (raw === 'off') return false;
  throw new Error(`IMR_PG_PREPARED_STATEMENTS must be on or off, got "${raw}"`);
}

function readOnlyPostgresKysely(
  pool: pg.Pool,
  onQuery: QueryListener | undefined,
  preparedStatements: boolean,
): Db {
  const camelCase = new CamelCaseQueriesPlugin();
  return createKysely(
    new PostgresDialect({ pool: arrayRowsPool(pool, camelCase.columnKey, { preparedStatements }) }),
    onQuery,
    camelCase,
  );
}

function createKysely(
  dialect: Dialect,
  onQuery: QueryListener | undefined,
  camelCase: CamelCasePlugin = new CamelCasePlugin(),
): Db {
  const config: KyselyConfig = {
    dialect,
    plugins: [camelCase],
    log: onQuery
      ? (event: LogEvent) => {
          if (event.level === 'query') onQuery(event.query.sql, event.query.parameters);
        }
      : undefined,
  };
  const db = new Kysely<Database>(config);
  // A request reads through handles of its own on this one, carrying its deadline (read-marks.ts).
  registerMarkableStore(db, config);
  return db;
}

/**
 * After a write run: PostgreSQL plans from table statistics that autovacuum refreshes only some time after a
 * bulk load, and until then it misjudges every aggregate over the new rows. SQLite is left alone: its plans
 * follow the covering indexes the aggregates were written for.
 */
export async function refreshPlannerStatistics(db: Db, dialect: SqlDialect): Promise<void> {
  if (dialect !== 'postgres') return;
  // The store's own tables only (a bare ANALYZE would visit every schema of the database).
  const tables = await sql<{ name: string }>`select tablename as name from pg_tables
    where schemaname = current_schema() and tablename not like 'kysely_%'`.execute(db);
  if (tables.rows.length === 0) return;
  await sql`analyze ${sql.join(tables.rows.map((t) => sql.table(t.name)))}`.execute(db);
}

/**
 * Applies pending migrations. On PostgreSQL, Kysely's migration lock lets concurrent processes call this; with a
 * schema, the migration bookkeeping lives in that schema too (Kysely looks for it across all schemas otherwise).
 */
export async function migrateToLatest(db: Db, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}
