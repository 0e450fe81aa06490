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
function listOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (!isRecord(value)) return null;
  if (Array.isArray(value.groups)) {
    // Stats groups: the key's fields become leading columns without the "key." prefix.
    return value.groups.map((g: unknown) => {
      if (!isRecord(g) || !isRecord(g.key)) return g;
      const { key, ...rest } = g;
      return { ...key, ...rest };
    });
  }
  if (Array.isArray(value.edges)) return value.edges.map((e: unknown) => (isRecord(e) ? e.node : e));
  if (Array.isArray(value.nodes)) return value.nodes;
  return null;
}

/**
 * Turns a stats or list result into flat rows for console.table, CSV or a charting library. Accepts the whole
 * `data` object of a query with one root field, or that field's value.
 */
export function toRows(result: unknown): FlatRow[] {
  let list = listOf(result);
  if (list === null && isRecord(result)) {
    const fields = Object.values(result);
    if (fields.length === 1) list = listOf(fields[0]);
  }
  if (list === null) return isRecord(result) ? [flatten(result)] : [];
  return list.map(flatten);
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
