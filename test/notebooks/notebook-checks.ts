// What the notebook tests read in a .ipynb file (nbformat 4): its cells, their outputs, and whether an executed
// notebook drew something. Pure: JSON in, findings out.

export interface NotebookOutput {
  output_type: 'stream' | 'display_data' | 'execute_result' | 'error';
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
  name?: string;
  text?: string | string[];
}

export interface NotebookCell {
  cell_type: 'code' | 'markdown' | 'raw';
  source: string | string[];
  execution_count?: number | null;
  outputs?: NotebookOutput[];
  metadata?: { execution?: Record<string, string> };
}

export interface Notebook {
  cells: NotebookCell[];
  metadata: { kernelspec?: { name: string; language?: string } };
  nbformat: number;
}

export function parseNotebook(json: string, name: string): Notebook {
  const notebook = JSON.parse(json) as Partial<Notebook>;
  if (notebook.nbformat !== 4 || !Array.isArray(notebook.cells)) {
    throw new Error(`${name}: not an nbformat 4 notebook (nbformat ${String(notebook.nbformat)})`);
  }
  return notebook as Notebook;
}

export function text(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join('') : (value ?? '');
}

/**
 * Cells that carry outputs, an execution count or execution timings (nbclient's `metadata.execution`): a
 * committed notebook must have none, so it diffs as its source and holds no data from the store it last ran on.
 */
export function cellsWithOutputs(notebook: Notebook): number[] {
  return notebook.cells.flatMap((cell, index) =>
    (cell.outputs?.length ?? 0) > 0 ||
    (cell.execution_count ?? null) !== null ||
    cell.metadata?.execution !== undefined
      ? [index]
      : [],
  );
}

/** "cell 3: ImrNetworkError: could not reach…" for each error output, and stderr that names an error. */
export function cellErrors(notebook: Notebook): string[] {
  return notebook.cells.flatMap((cell, index) =>
    (cell.outputs ?? []).flatMap((output) => {
      if (output.output_type === 'error') return [`cell ${index}: ${output.ename}: ${output.evalue}`];
      // Deno's kernel reports a failed type-only import or a rejected promise on stderr as well.
      if (output.output_type === 'stream' && output.name === 'stderr' && /error/i.test(text(output.text))) {
        return [`cell ${index} (stderr): ${text(output.text).trim()}`];
      }
      return [];
    }),
  );
}

// Observable Plot labels each mark's group with its type ("dot", "bar"...), its axes "x-axis tick" and so on; a
// mark with data has at least one shape in its group. Rules and text are left out: a baseline or a label alone
// is not data.
const PLOT_MARK =
  /<g[^>]*aria-label="(area|bar|cell|dot|line|link|rect|tick)"[^>]*>\s*<(circle|line|path|rect|g)\b/;

// Matplotlib clips what it draws from data to the axes, but grid lines too; a grid line is one straight segment,
// while a data line or area of three points or more has two segments or more.
function matplotlibHasData(svg: string): boolean {
  for (const [path] of svg.matchAll(/<path\b[^>]*>/g)) {
    if (!path.includes('clip-path=')) continue;
    const d = /\sd="([^"]*)"/.exec(path)?.[1] ?? '';
    if ((d.match(/L/g)?.length ?? 0) >= 2) return true;
  }
  return false;
}

/** Whether an SVG chart draws any data (not only axes, grid and labels). */
export function svgHasData(svg: string): boolean {
  return PLOT_MARK.test(svg) || matplotlibHasData(svg);
}

/** Every chart the notebook's outputs hold: SVG markup, in cell order, with its cell's index. */
export function charts(notebook: Notebook): { cell: number; svg: string }[] {
  return notebook.cells.flatMap((cell, index) =>
    (cell.outputs ?? []).flatMap((output) => {
      const svg = output.data?.['image/svg+xml'];
      return svg === undefined ? [] : [{ cell: index, svg: text(svg) }];
    }),
  );
}

/** What is wrong with an executed notebook: errors, no chart, or a chart with nothing drawn. Empty when fine. */
export function executionProblems(notebook: Notebook): string[] {
  const found = charts(notebook);
  return [
    ...cellErrors(notebook),
    ...(found.length === 0 ? ['no chart (image/svg+xml output) at all'] : []),
    ...found.filter((c) => !svgHasData(c.svg)).map((c) => `cell ${c.cell}: the chart draws no data`),
  ];
}
