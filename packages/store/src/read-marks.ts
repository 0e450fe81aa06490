import {
  type ConnectionProvider,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type KyselyConfig,
  type KyselyProps,
  type QueryExecutor,
  type TransactionSettings,
} from 'kysely';

// What the statements sent through a handle carry to the connection that runs them: the deadline of the request
// they serve (a read pool's worker ends a statement still running at it, sqlite-read-dialect.ts), and whether each
// is a bounded lookup by key (bounded-key-reads.ts). A request gets handles of its own that carry its marks, made
// here from the store's handle. They used to travel by AsyncLocalStorage, which on Node 20 puts a hook on every
// promise the process creates, every request's included, whether or not it reads the store.
//
// A marked handle runs its statements on the store handle's connections, wrapped so that each statement's
// executeQuery runs with its marks current (`currentReadMarks`). Kysely calls a connection's executeQuery
// synchronously up to the driver (its logging wrapper and PostgresConnection included), so the marks are read
// in that same synchronous stretch and never seen by another request's statement.

/** What a statement carries to the connection that runs it. */
export interface ReadMarks {
  /** `performance.now()`-based time by which the statement must have ended. */
  readonly deadline?: number;
  /** A lookup by a bounded list of keys, cheap enough to run at once where the store allows (bounded-key-reads.ts). */
  readonly bounded?: boolean;
}

/** What it takes to make marked handles on a store's handle. */
class HandleParts {
  /** The dialect's driver for marked handles' transactions, made when first needed (MarkedHandleDriver). */
  transactions: Driver | undefined = undefined;
  /** The one driver the store's marked handles share. */
  readonly driver: Driver = new MarkedHandleDriver(this);

  constructor(readonly config: KyselyConfig) {}
}

/** The stores' own handles (client.ts), with what it takes to make marked handles on them. */
const stores = new WeakMap<object, HandleParts>();

/**
 * A handle made here: it knows its store's handle, its marks and its bounded twin itself. A request makes a few,
 * and kept in a long-lived WeakMap (as the store handles are) each would outlive the scavenges after its request:
 * V8's scavenger (Node 20) keeps such a map's values alive while their keys are young.
 */
class MarkedHandle<D> extends Kysely<D> {
  boundedTwin: Kysely<D> | undefined = undefined;

  constructor(
    props: KyselyProps,
    readonly root: Kysely<D>,
    readonly marks: ReadMarks,
  ) {
    super(props);
  }
}

/** The store handles' bounded twins (long-lived keys, so a WeakMap does no harm here). */
const storeBoundedTwins = new WeakMap<object, object>();

let current: ReadMarks | undefined;

/** The marks of the statement whose executeQuery is running (synchronously) right now, if any. */
export function currentReadMarks(): ReadMarks | undefined {
  return current;
}

/** Registers a store's handle, made by `new Kysely(config)`, as one marked handles can be made on. */
export function registerMarkableStore<D>(db: Kysely<D>, config: KyselyConfig): void {
  stores.set(db, new HandleParts(config));
}

/** The store's handle under `db`: `db` itself unless it is a marked handle. */
export function rootHandle<Handle extends object>(db: Handle): Handle {
  return db instanceof MarkedHandle ? (db.root as Handle) : db;
}

/** The marks statements sent through `db` carry (none for a store's own handle). */
function readMarksOf(db: object): ReadMarks {
  return db instanceof MarkedHandle ? db.marks : NO_MARKS;
}

const NO_MARKS: ReadMarks = Object.freeze({});

/**
 * A handle on the same store as `db` whose statements carry `db`'s marks and `marks` over them. A handle this
 * module cannot mark (one a test made itself) is returned as it is.
 */
export function withReadMarks<D>(db: Kysely<D>, marks: ReadMarks): Kysely<D> {
  const root = rootHandle(db);
  const parts = stores.get(root);
  if (!parts) return db;
  const merged: ReadMarks = { ...readMarksOf(db), ...marks };
  const executor = root.getExecutor();
  return new MarkedHandle<D>(
    {
      config: parts.config,
      dialect: parts.config.dialect,
      driver: parts.driver,
      executor: executor.withConnectionProvider(new MarkingConnectionProvider(executor, merged)),
    },
    root,
    merged,
  );
}

/** `db` with its statements marked bounded (bounded-key-reads.ts), made once per handle. */
export function boundedTwin<D>(db: Kysely<D>): Kysely<D> {
  if (db instanceof MarkedHandle) {
    const marked = db as MarkedHandle<D>;
    marked.boundedTwin ??= withReadMarks(db, { bounded: true });
    return marked.boundedTwin;
  }
  let twin = storeBoundedTwins.get(db) as Kysely<D> | undefined;
  if (!twin) {
    twin = withReadMarks(db, { bounded: true });
    storeBoundedTwins.set(db, twin);
  }
  return twin;
}

class MarkingConnectionProvider implements ConnectionProvider {
  constructor(
    private readonly store: QueryExecutor,
    private readonly marks: ReadMarks,
  ) {}

  provideConnection<T>(consumer: (connection: DatabaseConnection) => Promise<T>): Promise<T> {
    return this.store.provideConnection((connection) =>
      consumer(new MarkedConnection(connection, this.marks)),
    );
  }
}

class MarkedConnection implements DatabaseConnection {
  constructor(
    private readonly connection: DatabaseConnection,
    private readonly marks: ReadMarks,
  ) {}

  executeQuery: DatabaseConnection['executeQuery'] = (compiled) => {
    const outer = current;
    current = this.marks;
    try {
      return this.connection.executeQuery(compiled);
    } finally {
      current = outer;
    }
  };

  streamQuery: DatabaseConnection['streamQuery'] = (compiled, chunkSize) =>
    this.connection.streamQuery(compiled, chunkSize);
}

/**
 * A marked handle's driver. Kysely asks a handle's driver only to close and to begin, commit or roll back a
 * transaction on a connection it already holds (here one of the store's, marked): those go to a driver of the
 * store's dialect, made once per store when first needed (PostgreSQL's search runs in a transaction; a read pool's
 * driver refuses, as for the store's own handle). Connections of its own it never opens, and closing is the
 * store handle's business.
 */
class MarkedHandleDriver implements Driver {
  constructor(private readonly parts: HandleParts) {}

  /** The store dialect's own driver, which runs the transaction statements on a connection it is given. */
  private get transactionDriver(): Driver {
    this.parts.transactions ??= this.parts.config.dialect.createDriver();
    return this.parts.transactions;
  }

  async init(): Promise<void> {}

  acquireConnection(): Promise<DatabaseConnection> {
    return Promise.reject(
      new Error("a request's handle on the store opens no connection of its own: use the store's own handle"),
    );
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.transactionDriver.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.transactionDriver.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.transactionDriver.rollbackTransaction(connection);
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {}
}
