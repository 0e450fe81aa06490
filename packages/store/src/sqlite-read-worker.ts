import SQLite from 'better-sqlite3';
import { type RawStatement, rawStatementCache } from './raw-statements';
import {
  decodeParameters,
  encodeBlobCells,
  type FromReadWorker,
  type ReadBatch,
  type ReadReply,
  type ReadRequest,
  type ReadWorkerSpec,
} from './read-worker-protocol';
import { registerSqliteFunctions } from './sqlite-functions';

// A read worker: a child process holding one read-only connection to the store, running the statements the pool
// sends, one at a time. A process rather than a thread because SQLite cannot be stopped from outside a running
// statement without a patch: ending a worker thread stops its JavaScript, not the native call, which would go on
// holding a core; killing a process ends the statement (sqlite-read-pool.ts).

/** Statements kept prepared: the API sends the same few hundred shapes again and again. */
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

function run(prepare: (sql: string) => RawStatement, request: ReadRequest): ReadReply {
  try {
    const { statement, keys: columns } = prepare(request.sql);
    const parameters = decodeParameters(request);
    if (columns) {
      const rows = statement.all(parameters) as unknown[][];
      return { id: request.id, columns, rows, blobColumns: encodeBlobCells(rows, columns.length) };
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
  const prepare = rawStatementCache(open(specFromArgs().path), STATEMENT_CACHE);
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
