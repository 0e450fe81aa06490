import type { Database as SqliteHandle } from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
} from 'kysely';
import { isBoundedKeyRead } from './bounded-key-reads';
import { type RawStatement, rawStatementCache } from './raw-statements';
import { rowObjects } from './row-objects';
import type { SqliteReadPool } from './sqlite-read-pool';
import { currentStatementDeadline, StatementTimeoutError } from './statement-deadline';

// Kysely over a read pool: each compiled query goes to the next free worker process and its rows come back, so
// the event loop never waits on SQLite. Pragmas are the exception: they run on the main thread's own read-only
// connection, because `PRAGMA data_version` (the store version every cache keys by) means something only when
// it is read on one connection every time, and a pragma costs microseconds. So do bounded lookups by key
// (bounded-key-reads.ts): they run there too, saving the round trip to a worker.

const PRAGMA = /^\s*pragma\b/i;

/** Statements of the main thread's connection kept prepared: lookups by id differ only in their key count. */
const LOCAL_STATEMENTS = 128;

class ReadPoolConnection implements DatabaseConnection {
  private readonly prepareLocal: (sql: string) => RawStatement;

  constructor(
    private readonly pool: SqliteReadPool,
    local: SqliteHandle,
    columnKey: (column: string) => string,
  ) {
    this.prepareLocal = rawStatementCache(local, LOCAL_STATEMENTS, columnKey);
  }

  private readLocal<R>(sql: string, parameters: unknown[]): QueryResult<R> {
    const { statement, keys } = this.prepareLocal(sql);
    // The main thread's connection is read-only too; only reads are ever sent here, but say so if not.
    if (!keys) throw new Error("only reads run on the main thread's connection");
    return { rows: rowObjects(keys, statement.all(parameters) as unknown[][]) as R[] };
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const parameters = compiled.parameters as unknown[];
    if (PRAGMA.test(compiled.sql)) return this.readLocal(compiled.sql, parameters);
    const deadline = currentStatementDeadline();
    if (deadline !== undefined && deadline <= performance.now()) {
      throw new StatementTimeoutError('the time limit passed before this statement started');
    }
    if (isBoundedKeyRead()) return this.readLocal(compiled.sql, parameters);
    const result = await this.pool.run(compiled.sql, parameters, deadline);
    if (result.changes === undefined) return { rows: result.rows as R[] };
    return {
      rows: result.rows as R[],
      numAffectedRows: BigInt(result.changes),
      insertId: BigInt(result.lastInsertRowid ?? 0),
    };
  }

  // biome-ignore lint/correctness/useYield: streaming is refused before the first row
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the read pool does not stream: run the query and page it with a keyset');
  }
}

class ReadPoolDriver implements Driver {
  private readonly connection: ReadPoolConnection;

  constructor(
    private readonly pool: SqliteReadPool,
    private readonly local: SqliteHandle,
    columnKey: (column: string) => string,
  ) {
    this.connection = new ReadPoolConnection(pool, local, columnKey);
  }

  async init(): Promise<void> {
    await this.pool.started();
  }

  // One connection object for every caller: it holds no state, and the pool queues the statements.
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }

  async beginTransaction(): Promise<void> {
    throw new Error(
      'a read-only store runs each statement on the next free worker: transactions are for writers',
    );
  }

  async commitTransaction(): Promise<void> {}

  async rollbackTransaction(): Promise<void> {}

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    await this.pool.close();
    this.local.close();
  }
}

/**
 * The dialect of a read-only SQLite store whose statements run in `pool`; pragmas run on `local`. SQLite's
 * compiler, adapter and introspector as they are: only the driver differs. Its rows come keyed by `columnKey`
 * (the pool's rows too: give both the same), so the Kysely over it maps no result rows again.
 */
export class SqliteReadPoolDialect extends SqliteDialect {
  constructor(
    private readonly pool: SqliteReadPool,
    private readonly local: SqliteHandle,
    private readonly columnKey: (column: string) => string,
  ) {
    super({ database: local });
  }

  override createDriver(): Driver {
    return new ReadPoolDriver(this.pool, this.local, this.columnKey);
  }
}
