import type { FlatRow, FlatValue } from '@imr/sdk';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

// What the TypeScript notebooks show: values a Jupyter kernel renders as rich output. Deno's kernel renders the
// last expression of a cell through its Symbol.for('Jupyter.display') method (a MIME bundle), so these work
// without the Deno namespace and type-check as plain TypeScript.

/** A MIME bundle, e.g. { 'text/html': '<table>…' }. */
export type MimeBundle = Record<string, string>;

export interface Displayable {
  [key: symbol]: () => MimeBundle;
}

const JUPYTER_DISPLAY = Symbol.for('Jupyter.display');

export function displayable(bundle: MimeBundle): Displayable {
  return { [JUPYTER_DISPLAY]: () => bundle };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]!);
}

function cellText(value: FlatValue | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
  return String(value);
}

/** Rows as an HTML table; numbers right-aligned. Columns are those of the rows, in first-seen order. */
export function htmlTable(rows: readonly FlatRow[], caption?: string): Displayable {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const numeric = columns.map((c) => rows.every((r) => r[c] === null || typeof r[c] === 'number'));
  // Jupyter's stylesheet right-aligns every cell: say it for each column.
  const align = (i: number) => ` style="text-align:${numeric[i] ? 'right' : 'left'}"`;
  const head = columns.map((c, i) => `<th${align(i)}>${escapeHtml(c)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${columns.map((c, i) => `<td${align(i)}>${escapeHtml(cellText(r[c]))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const title = caption === undefined ? '' : `<caption>${escapeHtml(caption)}</caption>`;
  return displayable({
    'text/html': `<table>${title}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`,
    'text/plain': `${caption ?? 'table'}: ${rows.length} rows`,
  });
}

/** A sentence (Markdown) computed from the answer, so it stays true whatever store the notebook runs against. */
export function markdown(text: string): Displayable {
  return displayable({ 'text/markdown': text, 'text/plain': text });
}

/**
 * An Observable Plot chart as SVG. Plot draws into a DOM; a kernel has none, so linkedom lends it one. An
 * empty chart is an error rather than a blank picture: `rows` is the data the marks draw.
 */
export function plotChart(rows: readonly unknown[], options: Plot.PlotOptions): Displayable {
  if (rows.length === 0) throw new Error('nothing to chart: the query returned no rows');
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const dom = document as unknown as Document;
  const chart = Plot.plot({ ...options, document: dom });
  // Plot returns <svg> alone, or a <figure> when the chart has a title or legend: SVG or HTML output. An SVG
  // document needs its namespace declared (a browser's DOM leaves it implicit), or viewers draw nothing.
  if (chart.tagName.toLowerCase() !== 'svg') {
    return displayable({ 'text/html': chart.outerHTML, 'text/plain': `chart of ${rows.length} rows` });
  }
  if (!chart.hasAttribute('xmlns')) chart.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return displayable({ 'image/svg+xml': chart.outerHTML, 'text/plain': `chart of ${rows.length} rows` });
}

/** "12.3%" (one decimal), or "—" when there is no rate. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** "10.2–14.9%" for a Wilson interval, or "—". */
export function interval(range: { low: number; high: number } | null | undefined): string {
  if (!range) return '—';
  return `${(range.low * 100).toFixed(1)}–${(range.high * 100).toFixed(1)}%`;
}
