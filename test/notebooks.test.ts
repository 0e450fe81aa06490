import { execFile, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { generateLetter } from '@imr/generator';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTEBOOKS_DIR, notebookEnv, writeDenoKernelSpec } from '../notebooks/jupyter-env';
import { ingestFiles } from '../packages/ingest/src/ingest-files';
import { type RunningServer, serve } from '../packages/server/src/main';
import { openStore } from '../packages/store/src/client';
import { CHROMIUM, launchChromium, ARTIFACTS as SCREENSHOTS } from './headless-chromium';
import { executionProblems, parseNotebook } from './notebooks/notebook-checks';

// Every notebook executed top to bottom (jupyter nbconvert --execute) against a server over a generated corpus,
// failing on a cell error or an empty chart; each executed notebook is rendered to HTML and photographed in
// headless Chromium into test-artifacts/notebooks/ for a person to look at.

const run = promisify(execFile);
const ARTIFACTS = join(SCREENSHOTS, 'notebooks');
const HTML_TEMPLATE = join(import.meta.dirname, 'notebooks/executed-notebook.html.j2');
// nbconvert's executor, with a fix for Deno's kernel that publishes some outputs after saying it is idle.
const EXECUTOR_DIR = join(import.meta.dirname, 'notebooks');
const EXECUTOR = 'late_output_execute.LateOutputExecutePreprocessor';
const CORPUS_LETTERS = 1_000;
const CELL_TIMEOUT_S = 120;
const NOTEBOOK_TIMEOUT_MS = 300_000;

const NOTEBOOKS = readdirSync(NOTEBOOKS_DIR)
  .filter((f) => f.endsWith('.ipynb'))
  .sort();

function missingTools(): string[] {
  const missing: string[] = [];
  const nbconvert = spawnSync('jupyter', ['nbconvert', '--version'], { timeout: 30_000 });
  if (nbconvert.status !== 0)
    missing.push('jupyter nbconvert (apt-get install -y jupyter-nbconvert python3-ipykernel)');
  const pandas = spawnSync('/usr/bin/python3', ['-c', 'import pandas, matplotlib'], { timeout: 30_000 });
  if (pandas.status !== 0)
    missing.push('pandas and matplotlib (apt-get install -y python3-pandas python3-matplotlib)');
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM} (apt-get install -y chromium)`);
  return missing;
}

const missing = missingTools();

if (missing.length > 0 && process.env.CI) {
  describe('notebooks executed end to end', () => {
    it('has Jupyter, its Python packages and Chromium (required under CI)', () => {
      throw new Error(`missing: ${missing.join('; ')}`);
    });
  });
} else if (missing.length > 0) {
  console.warn(`notebook e2e skipped: missing ${missing.join('; ')}`);
  describe.skip(`notebooks executed end to end (skipped: missing ${missing.join('; ')})`, () => {
    it('runs', () => {});
  });
} else {
  describe('notebooks executed end to end', () => {
    let dir: string;
    let running: RunningServer;
    let env: NodeJS.ProcessEnv;
    let browser: Browser;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'imr-notebooks-'));
      const letters = join(dir, 'letters');
      mkdirSync(letters);
      for (let i = 0; i < CORPUS_LETTERS; i++) {
        const letter = generateLetter(23, i);
        writeFileSync(join(letters, `${letter.id}.txt`), letter.text);
      }
      const target = join(dir, 'imr.db');
      const store = await openStore(target);
      try {
        await ingestFiles({ store, paths: [letters], threads: 2 });
      } finally {
        await store.close();
      }
      running = await serve({ target, port: 0, host: '127.0.0.1' });
      env = notebookEnv(running.url, await writeDenoKernelSpec(join(dir, 'jupyter')));
      mkdirSync(ARTIFACTS, { recursive: true });
      browser = await launchChromium();
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await running?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it.each(NOTEBOOKS)(
      '%s runs top to bottom, draws its chart, and renders to HTML',
      async (file) => {
        const name = basename(file, '.ipynb');
        const executed = join(dir, 'executed');
        await run(
          'jupyter',
          [
            'nbconvert',
            '--to',
            'notebook',
            `--Exporter.preprocessors=${EXECUTOR}`,
            '--LateOutputExecutePreprocessor.enabled=True',
            `--ExecutePreprocessor.timeout=${CELL_TIMEOUT_S}`,
            '--output-dir',
            executed,
            join(NOTEBOOKS_DIR, file),
          ],
          // The kernel starts in the notebook's folder, where deno.json and node_modules are.
          {
            env: {
              ...env,
              PYTHONPATH: [EXECUTOR_DIR, env.PYTHONPATH].filter(Boolean).join(':'),
              PYTHONDONTWRITEBYTECODE: '1',
            },
            cwd: NOTEBOOKS_DIR,
            timeout: NOTEBOOK_TIMEOUT_MS,
            maxBuffer: 16 * 1024 * 1024,
          },
        ).catch((error: Error & { stderr?: string }) => {
          // nbconvert prints the failing cell and its error last.
          throw new Error(`${file} failed to execute:\n${(error.stderr ?? error.message).slice(-3000)}`);
        });
        const notebook = parseNotebook(readFileSync(join(executed, file), 'utf8'), file);
        expect(executionProblems(notebook), file).toEqual([]);

        await run(
          'jupyter',
          [
            'nbconvert',
            '--to',
            'html',
            '--template-file',
            HTML_TEMPLATE,
            '--output-dir',
            ARTIFACTS,
            join(executed, file),
          ],
          { timeout: 120_000 },
        );
        const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
        try {
          // The page would fetch MathJax from a CDN; nothing here needs it.
          await page.route(/^https?:/, (route) => route.abort());
          await page.goto(`file://${join(ARTIFACTS, `${name}.html`)}`);
          expect(await page.locator('.jp-RenderedSVG svg').count()).toBeGreaterThan(0);
          const box = await page.locator('.jp-RenderedSVG svg').first().boundingBox();
          expect(box?.height ?? 0).toBeGreaterThan(100);
          await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
        } finally {
          await page.close();
        }
      },
      NOTEBOOK_TIMEOUT_MS,
    );
  });
}
