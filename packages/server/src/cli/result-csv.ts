import { type FlatRow, toCsv, toRows } from '../../../sdk/src/to-rows';

// `imr query --format csv`: the SDK's flattener (one for the SDK, the dashboard and the CLI), with every key
// column kept and lists of objects written as JSON, so a spreadsheet gets the whole answer.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The records a top-level field's value stands for: a connection's nodes, a stats result's groups, a list. */
export function rowsOf(value: Json): FlatRow[] {
  return toRows(value, { allKeys: true, nestedLists: 'json' });
}

/** RFC 4180 CSV of the rows of `data`'s only top-level field. */
export function resultToCsv(data: Record<string, Json>): string {
  const fields = Object.keys(data);
  if (fields.length !== 1) {
    throw new Error(`CSV needs an operation with exactly one top-level field, this one has ${fields.length}`);
  }
  return toCsv(rowsOf(data[fields[0]!] ?? null));
}
