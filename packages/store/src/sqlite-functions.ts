import type SQLite from 'better-sqlite3';

// SQL functions of our own that the repositories' SQLite statements call, registered on every connection that
// runs them (the store's own, each read worker's): stock SQLite has no way to read the varints of FTS5's records.

/**
 * The sum of the varints of an FTS5 record given as hex (`hex(sz)` of `<table>_docsize`: the row's token count in
 * each column), 0 for NULL. Hex text rather than the blob: a blob argument arrives as a new Buffer on each call,
 * which costs twice what a short string does.
 */
export function fts5RecordSum(hex: string | null): number {
  if (hex === null) return 0;
  let sum = 0;
  let value = 0;
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const byte = hexDigit(hex.charCodeAt(i)) * 16 + hexDigit(hex.charCodeAt(i + 1));
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      sum += value;
      value = 0;
    }
  }
  return sum;
}

function hexDigit(code: number): number {
  // '0'-'9' are 48-57, 'A'-'F' 65-70 (hex() writes upper case), 'a'-'f' 97-102.
  if (code <= 57) return code - 48;
  return (code & 0x5f) - 55;
}

export function registerSqliteFunctions(db: SQLite.Database): void {
  db.function('fts5_record_sum', { deterministic: true, directOnly: true }, (hex: unknown) =>
    fts5RecordSum(typeof hex === 'string' ? hex : null),
  );
}
