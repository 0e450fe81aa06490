import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { denoExecutable, NOTEBOOKS_DIR } from '../../notebooks/jupyter-env';
import { parseNotebook, text } from './notebook-checks';

// Deno's kernel runs a cell without type-checking it, so a notebook could drift from the SDK's types and only
// fail when someone runs it. Each TypeScript notebook's code cells, in order, form a module; `deno check` checks
// it against the SDK's generated types (a wrong enum value, a renamed field) with the notebooks' deno.json.

const written: string[] = [];
const tsNotebooks = readdirSync(NOTEBOOKS_DIR)
  .filter((f) => f.endsWith('.ipynb'))
  .sort()
  .map((f) => ({ file: f, notebook: parseNotebook(readFileSync(join(NOTEBOOKS_DIR, f), 'utf8'), f) }))
  .filter(({ notebook }) => notebook.metadata.kernelspec?.name === 'deno');

afterAll(() => {
  for (const path of written) rmSync(path, { force: true });
});

describe('the TypeScript notebooks', () => {
  it('type-check against the SDK (deno check of their code cells)', async () => {
    expect(tsNotebooks.length).toBeGreaterThanOrEqual(2);
    // Beside the notebooks, so deno.json, node_modules and './display.ts' resolve as they do in the kernel.
    for (const { file, notebook } of tsNotebooks) {
      const path = join(NOTEBOOKS_DIR, `.typecheck-${file.replace(/\.ipynb$/, '')}.ts`);
      const cells = notebook.cells.filter((c) => c.cell_type === 'code').map((c) => text(c.source));
      writeFileSync(path, `${cells.join('\n\n')}\n`);
      written.push(path);
    }
    const deno = await denoExecutable();
    const result = await promisify(execFile)(deno, ['check', ...written], {
      cwd: NOTEBOOKS_DIR,
      env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
      timeout: 240_000,
    }).catch((error: Error & { stderr?: string }) => error);
    expect(result instanceof Error ? (result.stderr ?? result.message) : '').toBe('');
  }, 300_000);
});
