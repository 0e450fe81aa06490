import type { Database, Statement } from 'better-sqlite3';

// The read-only store's statements return rows as arrays, keyed once a statement rather than once a row:
// better-sqlite3 builds an object a row key by key (about three times the cost of the array for a wide row),
// and a read worker's reply would carry every column name again in every row. Both the read workers and the
// main thread's connection (sqlite-read-dialect.ts) prepare through here.

/** A prepared statement and, for a read, the keys of its columns in order (its rows are arrays). */
export interface RawStatement {
  statement: Statement;
  keys: string[] | null;
}

/**
 * Statements of `db` prepared by SQL text, at most `size`, the least recently used dropped first; a read's
 * column names become keys through `columnKey` (default: as they are).
 */
export function rawStatementCache(
  db: Database,
  size: number,
  columnKey: (column: string) => string = (column) => column,
): (sql: string) => RawStatement {
  const cache = new Map<string, RawStatement>();
  return (sql) => {
    let prepared = cache.get(sql);
    if (prepared) {
      cache.delete(sql);
    } else {
      const statement = db.prepare(sql);
      const keys = statement.reader ? statement.columns().map((column) => columnKey(column.name)) : null;
      if (keys) statement.raw(true);
      prepared = { statement, keys };
      if (cache.size >= size) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
    }
    cache.set(sql, prepared);
    return prepared;
  };
}
