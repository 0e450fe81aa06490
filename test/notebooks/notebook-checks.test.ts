import { describe, expect, it } from 'vitest';
import {
  cellErrors,
  cellsWithOutputs,
  executionProblems,
  type Notebook,
  parseNotebook,
  svgHasData,
} from './notebook-checks';

const PLOT_DOTS =
  '<svg><g aria-label="y-axis tick"><path d="M0,0h-6"/></g><g aria-label="dot"><circle r="4"/></g></svg>';
const PLOT_AXES_AND_BASELINE =
  '<svg><g aria-label="x-axis tick"><path d="M0,0v6"/></g><g aria-label="rule"><line x1="40"/></g></svg>';
const MATPLOTLIB_LINE =
  '<svg><g id="line2d_13"><path d="M 73.8 200 L 100.1 180 L 126.4 190" clip-path="url(#p1)" style="stroke: #b3261e"/></g></svg>';
const MATPLOTLIB_GRID_ONLY =
  '<svg><g id="line2d_1"><path d="M 106.2 307.5 \nL 106.2 41.4 \n" clip-path="url(#p1)" style="stroke: #b0b0b0"/></g></svg>';

function notebook(cells: Notebook['cells']): Notebook {
  return { cells, metadata: { kernelspec: { name: 'deno' } }, nbformat: 4 };
}

describe('notebook checks', () => {
  it('tells a chart with data from one with axes, grid or a baseline only', () => {
    expect(svgHasData(PLOT_DOTS)).toBe(true);
    expect(svgHasData(MATPLOTLIB_LINE)).toBe(true);
    expect(svgHasData(PLOT_AXES_AND_BASELINE)).toBe(false);
    expect(svgHasData(MATPLOTLIB_GRID_ONLY)).toBe(false);
  });

  it('finds error outputs and errors written to stderr', () => {
    const nb = notebook([
      {
        cell_type: 'code',
        source: 'x',
        outputs: [{ output_type: 'error', ename: 'ImrNetworkError', evalue: 'no API' }],
      },
      {
        cell_type: 'code',
        source: 'y',
        outputs: [{ output_type: 'stream', name: 'stderr', text: ['TypeError: boom\n'] }],
      },
      {
        cell_type: 'code',
        source: 'z',
        outputs: [{ output_type: 'stream', name: 'stdout', text: 'error rate 3%' }],
      },
    ]);
    expect(cellErrors(nb)).toEqual(['cell 0: ImrNetworkError: no API', 'cell 1 (stderr): TypeError: boom']);
  });

  it('reports an executed notebook with no chart, or an empty one', () => {
    expect(executionProblems(notebook([{ cell_type: 'code', source: 'x', outputs: [] }]))).toEqual([
      'no chart (image/svg+xml output) at all',
    ]);
    const empty = notebook([
      {
        cell_type: 'code',
        source: 'chart',
        outputs: [{ output_type: 'display_data', data: { 'image/svg+xml': [PLOT_AXES_AND_BASELINE] } }],
      },
    ]);
    expect(executionProblems(empty)).toEqual(['cell 0: the chart draws no data']);
    const drawn = notebook([
      {
        cell_type: 'code',
        source: 'chart',
        outputs: [{ output_type: 'execute_result', data: { 'image/svg+xml': PLOT_DOTS } }],
      },
    ]);
    expect(executionProblems(drawn)).toEqual([]);
  });

  it('lists cells that keep outputs, an execution count or execution timings', () => {
    const nb = notebook([
      { cell_type: 'markdown', source: '# q' },
      { cell_type: 'code', source: 'a', execution_count: null, outputs: [] },
      { cell_type: 'code', source: 'b', execution_count: 3, outputs: [] },
      {
        cell_type: 'code',
        source: 'c',
        execution_count: null,
        outputs: [{ output_type: 'stream', text: 'x' }],
      },
    ]);
    expect(cellsWithOutputs(nb)).toEqual([2, 3]);
    const timed = notebook([
      {
        cell_type: 'code',
        source: 'a',
        metadata: { execution: { 'iopub.status.idle': '2026-12-02T22:16:25Z' } },
      },
    ]);
    expect(cellsWithOutputs(timed)).toEqual([0]);
  });

  it('rejects a file that is not an nbformat 4 notebook, naming it', () => {
    expect(() => parseNotebook('{"nbformat": 3, "worksheets": []}', 'old.ipynb')).toThrow(
      /old\.ipynb: not an nbformat 4/,
    );
  });
});
