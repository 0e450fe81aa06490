import { AsyncLocalStorage } from 'node:async_hooks';

// A lookup of rows by primary key (`where id in (...)` of a bounded list) costs SQLite microseconds: less than
// the two process wake-ups a read worker's round trip takes (sqlite-read-pool.ts), and it cannot run long, so
// there is nothing for a worker's deadline to end. The loaders of entities by id mark their reads with
// `readByPrimaryKey`; a read-only SQLite store then runs those statements on the main thread's connection
// (sqlite-read-dialect.ts). Every other statement, and any lookup of more keys, still goes to the pool.

/** Keys a lookup may ask for and still be answered on the main thread. */
export const INLINE_PRIMARY_KEY_LIMIT = 200;

const inline = new AsyncLocalStorage<boolean>();

/**
 * Runs `read`, a lookup of `keyCount` rows by primary key (one statement, `where id in (...)`), marked as
 * cheap enough to run at once where the store allows it.
 */
export function readByPrimaryKey<T>(keyCount: number, read: () => Promise<T>): Promise<T> {
  return inline.run(keyCount <= INLINE_PRIMARY_KEY_LIMIT, read);
}

/** Whether the running statement belongs to a bounded primary-key lookup (readByPrimaryKey). */
export function isPrimaryKeyRead(): boolean {
  return inline.getStore() === true;
}
