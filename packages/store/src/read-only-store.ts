import type { Kysely } from 'kysely';
import type { Database } from './database';
import { rootHandle } from './read-marks';

// The SQLite stores this process opened read-only. Such a store cannot commit through its own connections, so
// `PRAGMA data_version` (which moves on every other connection's commit) alone says whether it changed. Every
// request reads it (the response cache's key, the cube's freshness), so it is read here from one prepared
// statement on the main thread's handle, without a trip through the query builder: a microsecond, not twenty.

interface DataVersionStatement {
  get(): unknown;
}

const readOnlySqliteStores = new WeakMap<Kysely<Database>, DataVersionStatement>();

/** Marks `db` read-only; `dataVersion` is `pragma data_version` prepared (plucked) on its main-thread handle. */
export function markReadOnlySqliteStore(db: Kysely<Database>, dataVersion: DataVersionStatement): void {
  readOnlySqliteStores.set(db, dataVersion);
}

/** The data version of a read-only SQLite store (undefined for any other store). */
export function readOnlyDataVersion(db: Kysely<Database>): number | undefined {
  const statement = readOnlySqliteStores.get(rootHandle(db));
  return statement === undefined ? undefined : Number(statement.get());
}
