import type { Kysely } from 'kysely';
import type { Database } from './database';

// The SQLite stores this process opened read-only. Such a store cannot commit through its own connections, so
// `PRAGMA data_version` (which moves on every other connection's commit) alone says whether it changed.

const readOnlySqliteStores = new WeakSet<Kysely<Database>>();

export function markReadOnlySqliteStore(db: Kysely<Database>): void {
  readOnlySqliteStores.add(db);
}

export function isReadOnlySqliteStore(db: Kysely<Database>): boolean {
  return readOnlySqliteStores.has(db);
}
