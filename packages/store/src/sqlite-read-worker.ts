import SQLite from 'better-sqlite3';
import type {
  FromReadWorker,
  ReadBatch,
  ReadReply,
  ReadRequest,
  ReadWorkerSpec,
} from './read-worker-protocol';
import { registerSqliteFunctions } from './sqlite-functions';

// A read worker: a child process holding one read-only connection to the store, running the statements the pool
// sends, one at a time. A process rather than a thread because SQLite cannot be stopped from outside a running
// statement without a patch: ending a worker thread stops its JavaScript, not the native call, which would go on
// holding a core; killing a process ends the statement (sqlite-read-pool.ts).

const STATEMENT_CACHE = 256;

function send(message: FromReadWorker): void {
  process.send?.(message);
}

function specFromArgs(): ReadWorkerSpec {
  const raw = process.argv[2];
  if (!raw) throw new Error('sqlite-read-worker: expected the worker spec as its first argument');
  return JSON.parse(raw) as ReadWorkerSpec;
}

function open(path: string): SQLite.Database {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  // A reader waits briefly for a checkpoint's lock; in WAL mode it never waits for a writer.
  db.pragma('busy_timeout = 5000');
  registerSqliteFunctions(db);
  return db;
}

// Prepared statements by SQL text, oldest dropped first: the API sends the same few hundred shapes again and again.
function statementCache(db: SQLite.Database): (sql: string) => SQLite.Statement {
  const cache = new Map<string, SQLite.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql);
    } else {
      statement = db.prepare(sql);
      if (cache.size >= STATEMENT_CACHE) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
    }
    cache.set(sql, statement);
    return statement;
  };
}

function blobColumnsOf(rows: readonly Record<string, unknown>[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) {
    for (const [column, value] of Object.entries(row)) if (value instanceof Uint8Array) columns.add(column);
  }
  return [...columns];
}

function run(prepare: (sql: string) => SQLite.Statement, request: ReadRequest): ReadReply {
  try {
    const statement = prepare(request.sql);
    const parameters = request.parameters as unknown[];
    if (statement.reader) {
      const rows = statement.all(parameters) as Record<string, unknown>[];
      return { id: request.id, rows, blobColumns: blobColumnsOf(rows) };
    }
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { id: request.id, changes, lastInsertRowid: Number(lastInsertRowid) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      id: request.id,
      error: {
        message: error instanceof Error ? error.message : String(error),
        ...(typeof code === 'string' ? { code } : {}),
      },
    };
  }
}

try {
  const prepare = statementCache(open(specFromArgs().path));
  process.on('message', ({ batch }: ReadBatch) =>
    send({ replies: batch.map((request) => run(prepare, request)) }),
  );
  // The pool ends a worker by killing it; a worker whose pool is gone (its process died) ends itself.
  process.on('disconnect', () => process.exit(0));
  send({ ready: true });
} catch (error) {
  send({ failed: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
  process.disconnect?.();
}
