// Turns a GraphQL result into CSV for spreadsheets. The rows are the first list the result holds: a connection's
// nodes (edges.node or nodes), a stats result's groups, or a plain list. Nested objects become dotted columns
// (patient.age); a group's key fields become plain columns (category, decisionYear); lists of scalars are joined
// with "; "; anything deeper is written as JSON.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The list of records a top-level field's value stands for. */
export function rowsOf(value: Json): Json[] {
  if (Array.isArray(value)) return value;
  if (isObject(value)) {
    if (Array.isArray(value.edges)) return value.edges.map((e) => (isObject(e) ? (e.node ?? null) : e));
    if (Array.isArray(value.nodes)) return value.nodes;
    if (Array.isArray(value.groups)) return value.groups;
  }
  return [value];
}

function flatten(value: Json, prefix: string, out: Map<string, string>): void {
  const column = prefix || 'value';
  if (isObject(value) && !Array.isArray(value.edges)) {
    for (const [k, v] of Object.entries(value)) {
      // Stats groups: key { category } → column "category".
      const name = prefix === '' && k === 'key' && isObject(v) ? '' : prefix === '' ? k : `${prefix}.${k}`;
      flatten(v, name, out);
    }
  } else if (isObject(value)) {
    // A connection nested in a row (case.items): its nodes as JSON, one cell.
    out.set(column, JSON.stringify(rowsOf(value)));
  } else if (Array.isArray(value)) {
    const scalars = value.every((v) => v === null || typeof v !== 'object');
    out.set(
      column,
      scalars ? value.map((v) => (v === null ? '' : String(v))).join('; ') : JSON.stringify(value),
    );
  } else {
    out.set(column, value === null ? '' : String(value));
  }
}

function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV of the rows of `data`'s only top-level field. */
export function resultToCsv(data: Record<string, Json>): string {
  const fields = Object.keys(data);
  if (fields.length !== 1) {
    throw new Error(`CSV needs an operation with exactly one top-level field, this one has ${fields.length}`);
  }
  const rows = rowsOf(data[fields[0]!] ?? null).map((row) => {
    const out = new Map<string, string>();
    flatten(row, '', out);
    return out;
  });
  const seen: string[] = [];
  for (const row of rows) for (const k of row.keys()) if (!seen.includes(k)) seen.push(k);
  // A null object (quantity: null) yields one cell; rows where it is set have dotted columns (quantity.count)
  // instead: those take its place.
  const columns: string[] = [];
  for (const c of seen) {
    const children = seen.filter((other) => other.startsWith(`${c}.`));
    for (const column of children.length > 0 ? children : [c])
      if (!columns.includes(column)) columns.push(column);
  }
  const lines = [columns.map(cell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row.get(c) ?? '')).join(','));
  return `${lines.join('\n')}\n`;
}
