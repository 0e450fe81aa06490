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

type RowMaker = (values: readonly unknown[]) => Record<string, unknown>;

/** Row makers by their keys; a store reads a few dozen row shapes, so this only bounds the unexpected. */
const rowMakers = new Map<string, RowMaker>();
const MAX_ROW_MAKERS = 1_000;

/**
 * A function that builds a row from its values as one object literal with every key: V8 gives such objects one
 * shape with their fields inside them, where adding keys one at a time walks a shape transition per key and
 * grows (copying) an out-of-object property store past the fourth. Measured in isolation (Node 20, 200 rows):
 * 8 columns 38 → 3 µs, 30 columns 400 → 7 µs.
 */
function rowMakerFor(keys: readonly string[]): RowMaker {
  const id = JSON.stringify(keys);
  let make = rowMakers.get(id);
  if (make) return make;
  // Keys are JSON-quoted into the source, so no column name can be anything but a property name there; a
  // `__proto__` key is computed, which defines a property where the plain one would set the prototype.
  const fields = keys
    .map((key, c) => `${key === '__proto__' ? `[${JSON.stringify(key)}]` : JSON.stringify(key)}: v[${c}]`)
    .join(', ');
  make = new Function('v', `return { ${fields} };`) as RowMaker;
  if (rowMakers.size >= MAX_ROW_MAKERS) rowMakers.clear();
  rowMakers.set(id, make);
  return make;
}

/** Rows as objects keyed by `keys` (a column's key at its position), from their values in column order. */
export function rowObjects(keys: readonly string[], rows: readonly unknown[][]): Record<string, unknown>[] {
  const make = rowMakerFor(keys);
  const objects = new Array<Record<string, unknown>>(rows.length);
  for (let r = 0; r < rows.length; r++) objects[r] = make(rows[r]!);
  return objects;
}
