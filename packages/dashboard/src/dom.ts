// Small element builders: panels assemble tables and figures from text only (never innerHTML of API data).

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** A table from a header row and body rows; cells whose header starts with '#' are right-aligned numbers. */
export function table(caption: string, headers: string[], rows: (Node | string)[][]): HTMLTableElement {
  const numeric = headers.map((h) => h.startsWith('#'));
  const headerCells = headers.map((h, i) =>
    el('th', numeric[i] ? { scope: 'col', class: 'num' } : { scope: 'col' }, h.replace(/^#/, '')),
  );
  const body = rows.map((cells) =>
    el('tr', {}, ...cells.map((cell, i) => el('td', numeric[i] ? { class: 'num' } : {}, cell))),
  );
  return el(
    'table',
    {},
    el('caption', { class: 'visually-hidden' }, caption),
    el('thead', {}, el('tr', {}, ...headerCells)),
    el('tbody', {}, ...body),
  );
}

export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '–' : `${(rate * 100).toFixed(1)}%`;
}

export function interval(range: { low: number; high: number } | null | undefined): string {
  return range ? `${percent(range.low)}–${percent(range.high)}` : '–';
}
