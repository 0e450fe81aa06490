import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellsWithOutputs, type Notebook, parseNotebook, text } from './notebook-checks';

// The notebooks as committed: outputs stripped (diffable, no data from whatever store they last ran on), each
// written as an analyst reads it, the TypeScript ones on the SDK as published.

const NOTEBOOKS_DIR = join(import.meta.dirname, '../../notebooks');
const files = readdirSync(NOTEBOOKS_DIR)
  .filter((f) => f.endsWith('.ipynb'))
  .sort();
const notebooks: [string, Notebook][] = files.map((f) => [
  f,
  parseNotebook(readFileSync(join(NOTEBOOKS_DIR, f), 'utf8'), f),
]);

describe('the committed notebooks', () => {
  it('are at least two on Deno (TypeScript) and one on Python', () => {
    const kernels = notebooks.map(([, nb]) => nb.metadata.kernelspec?.name);
    expect(kernels.filter((k) => k === 'deno').length).toBeGreaterThanOrEqual(2);
    expect(kernels.filter((k) => k === 'python3').length).toBeGreaterThanOrEqual(1);
    expect(kernels.every((k) => k === 'deno' || k === 'python3')).toBe(true);
  });

  it.each(files)('%s has its outputs stripped (pnpm notebooks:strip)', (file) => {
    const nb = notebooks.find(([f]) => f === file)![1];
    expect(cellsWithOutputs(nb), `cells with outputs in notebooks/${file}`).toEqual([]);
  });

  it.each(files)('%s opens with the question in prose, then reads IMR_API_URL', (file) => {
    const nb = notebooks.find(([f]) => f === file)![1];
    expect(nb.cells[0]?.cell_type).toBe('markdown');
    expect(text(nb.cells[0]?.source)).toMatch(/^# .+\?/);
    const firstCode = nb.cells.find((c) => c.cell_type === 'code');
    expect(text(firstCode?.source)).toContain('IMR_API_URL');
  });

  it('TypeScript notebooks use the SDK through its package name, not a path into its sources', () => {
    for (const [file, nb] of notebooks.filter(([, n]) => n.metadata.kernelspec?.name === 'deno')) {
      const code = nb.cells.map((c) => text(c.source)).join('\n');
      expect(code, file).toContain("from '@imr/sdk'");
      expect(code, file).not.toMatch(/packages\/sdk/);
    }
  });
});
