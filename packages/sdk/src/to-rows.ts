export type FlatValue = string | number | boolean | null;
export type FlatRow = Record<string, FlatValue>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Flattens nested objects into dotted keys; arrays of scalars are joined with '; ', arrays of objects counted. */
function flattenInto(row: FlatRow, value: unknown, prefix: string): void {
  if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '__typename') continue;
      flattenInto(row, v, prefix ? `${prefix}.${k}` : k);
    }
  } else if (Array.isArray(value)) {
    row[prefix] = value.every((v) => !isRecord(v) && !Array.isArray(v))
      ? value.map((v) => String(v)).join('; ')
      : value.length;
  } else if (value === undefined || value === null) {
    row[prefix] = null;
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    row[prefix] = value;
  } else {
    row[prefix] = String(value);
  }
}

function flatten(value: unknown): FlatRow {
  const row: FlatRow = {};
  flattenInto(row, value, '');
  return row;
}

/** The list inside a result: a stats result's `groups`, a connection's `edges[].node`, or a plain array. */
function listOf(value: unknown): { list: unknown[]; keyColumns: string[] } | null {
  if (Array.isArray(value)) return { list: value, keyColumns: [] };
  if (!isRecord(value)) return null;
  if (Array.isArray(value.groups)) {
    // Stats groups: the key's fields become leading columns without the "key." prefix.
    const keyColumns = new Set<string>();
    const list = value.groups.map((g: unknown) => {
      if (!isRecord(g) || !isRecord(g.key)) return g;
      const { key, ...rest } = g;
      for (const k of Object.keys(key)) keyColumns.add(k);
      return { ...key, ...rest };
    });
    return { list, keyColumns: [...keyColumns] };
  }
  if (Array.isArray(value.edges)) {
    return { list: value.edges.map((e: unknown) => (isRecord(e) ? e.node : e)), keyColumns: [] };
  }
  if (Array.isArray(value.nodes)) return { list: value.nodes, keyColumns: [] };
  return null;
}

export interface ToRowsOptions {
  /**
   * Keep every key column of a stats result. By default a key column that is null in every group is left out:
   * the operation asks for every dimension's key field, but only the groupBy dimensions are set.
   */
  allKeys?: boolean;
}

/**
 * Turns a stats or list result into flat rows for console.table, CSV or a charting library. Accepts the whole
 * `data` object of a query with one root field, or that field's value. Nested objects become dotted columns
 * (`overturnRateInterval.low`), lists of scalars are joined with "; ", lists of objects counted.
 */
export function toRows(result: unknown, options: ToRowsOptions = {}): FlatRow[] {
  let found = listOf(result);
  if (found === null && isRecord(result)) {
    const fields = Object.values(result);
    if (fields.length === 1) found = listOf(fields[0]);
  }
  if (found === null) return isRecord(result) ? [flatten(result)] : [];
  const rows = found.list.map(flatten);
  if (options.allKeys) return rows;
  const emptyKeys = found.keyColumns.filter((k) =>
    rows.every((row) => row[k] === null || row[k] === undefined),
  );
  for (const row of rows) for (const k of emptyKeys) delete row[k];
  return rows;
}

function csvCell(value: FlatValue): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with a header row from the union of the rows' keys, in first-seen order. */
export function toCsv(rows: readonly FlatRow[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  const lines = [columns.map((c) => csvCell(c)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c] ?? null)).join(','));
  return `${lines.join('\n')}\n`;
}
