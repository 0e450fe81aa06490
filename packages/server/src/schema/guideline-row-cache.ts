import type { Db, SqlDialect } from '@imr/store/client';
import { rootHandle } from '@imr/store/read-marks';
import type { Reader } from '@imr/store/repositories/keyset';
import { storeVersionWithoutQuery } from '@imr/store/repositories/store-version.repository';

// Every nested page of citations ends on their guidelines: a few hundred rows a store, read again by every
// request, each time one more round trip after the citations arrive. They are kept here across requests, for as
// long as the store's version stands (any commit clears them, so a store rewritten under a running server is
// read afresh), and only where that version is known without a statement (a read-only SQLite store, a
// PostgreSQL store with its change feed): asking the store for its version would cost the trip this saves.

/** Rows kept at most; past it the cache starts over (a store has a few hundred guidelines, not this many). */
const MAX_ROWS = 50_000;

class GuidelineRowCache<Row extends { id: number }> {
  private version: string | undefined;
  private readonly rows = new Map<number, Row>();

  async byIds(
    reader: Reader,
    ids: readonly number[],
    read: (missing: readonly number[]) => Promise<Row[]>,
  ): Promise<Row[]> {
    const version = storeVersionWithoutQuery(reader.db, reader.dialect);
    if (version === undefined) return read(ids);
    if (version !== this.version || this.rows.size > MAX_ROWS) {
      this.rows.clear();
      this.version = version;
    }
    const missing = ids.filter((id) => !this.rows.has(id));
    const found = missing.length > 0 ? await read(missing) : [];
    // Rows read under another version than the one now current are answered, not kept.
    if (found.length > 0 && storeVersionWithoutQuery(reader.db, reader.dialect) === version) {
      for (const row of found) this.rows.set(row.id, row);
    }
    return mergeRows(ids, this.rows, found);
  }

  /** The rows kept, if they are of the store's current version (one version check, however many are read). */
  current(reader: Reader): ReadonlyMap<number, Row> | undefined {
    const version = storeVersionWithoutQuery(reader.db, reader.dialect);
    return version !== undefined && version === this.version ? this.rows : undefined;
  }
}

function mergeRows<Row extends { id: number }>(
  ids: readonly number[],
  kept: ReadonlyMap<number, Row>,
  found: readonly Row[],
): Row[] {
  const fresh = new Map(found.map((row) => [row.id, row]));
  const rows: Row[] = [];
  for (const id of ids) {
    const row = fresh.get(id) ?? kept.get(id);
    if (row) rows.push(row);
  }
  return rows;
}

// One kind of row per store: the guideline loader's.
const caches = new WeakMap<Db, GuidelineRowCache<{ id: number }>>();

function cacheOf<Row extends { id: number }>(handle: Db): GuidelineRowCache<Row> {
  // The store's own handle: each request reads through one of its own (read-marks.ts).
  const db = rootHandle(handle);
  let cache = caches.get(db);
  if (!cache) {
    cache = new GuidelineRowCache();
    caches.set(db, cache);
  }
  return cache as GuidelineRowCache<Row>;
}

/** The guidelines with these ids (those that exist), from the cache of `reader`'s store where it can keep one. */
export function cachedGuidelinesByIds<Row extends { id: number }>(
  reader: { db: Db; dialect: SqlDialect },
  ids: readonly number[],
  read: (missing: readonly number[]) => Promise<Row[]>,
): Promise<Row[]> {
  return cacheOf<Row>(reader.db).byIds(reader, ids, read);
}

/**
 * The guideline rows kept for `reader`'s store, when they are of its current version: a citation whose guideline
 * is there is answered with the row itself, without a loader's promise (a page of 100 cases has a thousand
 * citations). Rows of the map may be cleared under the caller when a commit lands; a miss goes to the loader.
 */
export function currentGuidelineRows<Row extends { id: number }>(reader: {
  db: Db;
  dialect: SqlDialect;
}): ReadonlyMap<number, Row> | undefined {
  return cacheOf<Row>(reader.db).current(reader);
}
