import { type ControlledTransaction, sql } from 'kysely';
import type { Store, WriteTransaction } from './client';
import type { Database } from './database';

// A write transaction kept open across several batches, each written in a savepoint of its own: a batch that
// fails is undone alone and the transaction goes on, and the batches before it commit with the ones after.
// While it is open it holds the store's write lock and, on SQLite, its only connection: a query the owner runs
// on `store.db` meanwhile waits for the commit.

export class BatchedTransaction {
  private constructor(
    private readonly store: Store,
    private readonly trx: ControlledTransaction<Database>,
  ) {}

  /** Begins a write transaction (BEGIN IMMEDIATE on SQLite). */
  static async begin(store: Store): Promise<BatchedTransaction> {
    return new BatchedTransaction(store, await store.db.startTransaction().execute());
  }

  /**
   * Runs `fn` in a savepoint, released when it resolves. When it throws, the savepoint is rolled back if
   * `recoverable(error)` says the transaction can go on; otherwise the caller must roll the transaction back.
   */
  async inSavepoint<T>(
    fn: (tx: WriteTransaction) => Promise<T>,
    recoverable: (error: unknown) => boolean,
  ): Promise<T> {
    await sql`savepoint batch`.execute(this.trx);
    let result: T;
    try {
      result = await fn({ trx: this.trx, sqlite: this.store.sqlite });
    } catch (error) {
      if (recoverable(error)) {
        await sql`rollback to batch`.execute(this.trx);
        await sql`release batch`.execute(this.trx);
      }
      throw error;
    }
    await sql`release batch`.execute(this.trx);
    return result;
  }

  /** Commits; when the commit fails, rolls back (which frees the connection) and throws. */
  async commit(): Promise<void> {
    try {
      await this.trx.commit().execute();
    } catch (error) {
      await this.rollback();
      throw error;
    }
  }

  /** Rolls back; quietly when the database has done so already (a full disk, a lost connection). */
  async rollback(): Promise<void> {
    try {
      await this.trx.rollback().execute();
    } catch {
      // The error that led here is the one to report.
    }
  }
}
