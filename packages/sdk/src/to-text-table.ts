import type { FlatRow, FlatValue } from './to-rows.js';

export interface TextTableOptions {
  /** Columns to show, in order, with an optional heading each; default every column of the rows. */
  columns?: readonly (string | { key: string; heading: string })[];
  /** How a null cell reads. Default "—". */
  nullText?: string;
}

function cellText(value: FlatValue | undefined, nullText: string): string {
  if (value === null || value === undefined) return nullText;
  if (typeof value === 'number' && !Number.isInteger(value)) return value.toFixed(3);
  return String(value);
}

/**
 * Rows as an aligned plain-text table (numbers right-aligned), for terminals and notebook cells where
 * console.table's quotes and index column get in the way.
 */
export function toTextTable(rows: readonly FlatRow[], options: TextTableOptions = {}): string {
  const nullText = options.nullText ?? '—';
  const columns = (options.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))]).map((c) =>
    typeof c === 'string' ? { key: c, heading: c } : c,
  );
  const cells = rows.map((row) => columns.map((c) => cellText(row[c.key], nullText)));
  // Right-aligned: columns of numbers, or of numbers already formatted ("12.5%", "1,204").
  const numeric = columns.map((c) => {
    const values = rows.map((r) => r[c.key]).filter((v) => v !== null && v !== undefined);
    return (
      values.length > 0 &&
      values.every((v) => typeof v === 'number' || (typeof v === 'string' && /^-?[\d.,]+%?$/.test(v)))
    );
  });
  const widths = columns.map((c, i) => Math.max(c.heading.length, ...cells.map((line) => line[i]!.length)));
  const format = (line: string[]) =>
    line
      .map((text, i) => (numeric[i] ? text.padStart(widths[i]!) : text.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const heading = format(columns.map((c) => c.heading));
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [heading, rule, ...cells.map(format)].join('\n');
}
