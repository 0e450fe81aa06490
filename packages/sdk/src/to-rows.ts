export type FlatValue = string | number | boolean | null;
export type FlatRow = Record<string, FlatValue>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a list of objects inside a row becomes: its length (for charts and tables) or its JSON (for files). */
export type NestedLists = 'count' | 'json';

/**
 * Flattens nested objects into dotted keys; arrays of scalars are joined with '; ', arrays of objects counted or
 * written as JSON, and so is a connection nested in a row (its nodes).
 */
function flattenInto(row: FlatRow, value: unknown, prefix: string, nestedLists: NestedLists): void {
  const column = prefix || 'value';
  if (isRecord(value) && nestedLists === 'json' && prefix !== '' && Array.isArray(value.edges)) {
    row[column] = JSON.stringify(listOf(value)?.list ?? []);
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '__typename') continue;
      flattenInto(row, v, prefix ? `${prefix}.${k}` : k, nestedLists);
    }
  } else if (Array.isArray(value)) {
    const scalars = value.every((v) => !isRecord(v) && !Array.isArray(v));
    if (scalars) row[column] = value.map((v) => (v === null || v === undefined ? '' : String(v))).join('; ');
    else row[column] = nestedLists === 'json' ? JSON.stringify(value) : value.length;
  } else if (value === undefined || value === null) {
    row[column] = null;
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    row[column] = value;
  } else {
    row[column] = String(value);
  }
}

function flatten(value: unknown, nestedLists: NestedLists): FlatRow {
  const row: FlatRow = {};
  flattenInto(row, value, '', nestedLists);
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
  /** Lists of objects inside a row: counted (the default) or written as JSON. */
  nestedLists?: NestedLists;
}

/**
 * Turns a stats or list result into flat rows for console.table, CSV or a charting library. Accepts the whole
 * `data` object of a query with one root field, or that field's value. Nested objects become dotted columns
 * (`overturnRateInterval.low`), lists of scalars are joined with "; ", lists of objects counted (or JSON).
 */
export function toRows(result: unknown, options: ToRowsOptions = {}): FlatRow[] {
  let found = listOf(result);
  if (found === null && isRecord(result)) {
    const fields = Object.values(result);
    if (fields.length === 1) found = listOf(fields[0]);
  }
  const nestedLists = options.nestedLists ?? 'count';
  if (found === null) return isRecord(result) ? [flatten(result, nestedLists)] : [];
  const rows = found.list.map((item) => flatten(item, nestedLists));
  if (options.allKeys) return rows;
  const emptyKeys = found.keyColumns.filter((k) =>
    rows.every((row) => row[k] === null || row[k] === undefined),
  );
  for (const row of rows) for (const k of emptyKeys) delete row[k];
  return rows;
}

// A spreadsheet runs a text cell that starts with one of these as a formula (CSV injection): such a cell is
// written with a leading apostrophe, which spreadsheets show as text. Numbers are written as they are.
const FORMULA_START = /^[=+\-@]/;

function csvCell(value: FlatValue): string {
  if (value === null) return '';
  const s = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The columns of the rows, in first-seen order; a column that is null in some rows (`quantity: null`) and an
 * object in others (`quantity.count`) is written as the object's columns, in its place.
 */
function columnsOf(rows: readonly FlatRow[]): string[] {
  const seen: string[] = [];
  const known = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!known.has(key)) {
        known.add(key);
        seen.push(key);
      }
    }
  }
  const columns: string[] = [];
  for (const c of seen) {
    const children = seen.filter((other) => other.startsWith(`${c}.`));
    for (const column of children.length > 0 ? children : [c])
      if (!columns.includes(column)) columns.push(column);
  }
  return columns;
}

/** RFC 4180 CSV with a header row from the rows' columns, formula-like text cells neutralised. */
export function toCsv(rows: readonly FlatRow[]): string {
  const columns = columnsOf(rows);
  const lines = [columns.map((c) => csvCell(c)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c] ?? null)).join(','));
  return `${lines.join('\n')}\n`;
}
