import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ingestFiles } from '../packages/ingest/src/ingest-files';
import { openStore } from '../packages/store/src/client';
import { countRows, describeEachBackend, queryRows } from '../packages/store/test-support/test-store';
import { writeVariedLetters } from './ingest-corpus';

// Two `imr ingest` processes at once on overlapping folders must store every letter exactly once. On
// PostgreSQL this is the deployment the issue describes (several ingest machines, one database); on SQLite,
// the second writer waits for the first.

const ROOT = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'imr-concurrent-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function ingest(target: string, folders: string[]): Promise<CliRun> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'packages/server/src/cli/main.ts',
      'ingest',
      ...folders,
      '--db',
      target,
      '--batch',
      '5',
      '--threads',
      '1',
      '--no-progress',
    ],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', IMR_DB: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const TABLES = [
  'documents',
  'cases',
  'items',
  'diagnoses',
  'citations',
  'citation_pages',
  'item_body_regions',
];

async function counts(target: string): Promise<Record<string, number>> {
  const store = await openStore(target);
  try {
    const result = await countRows(store, [
      ...TABLES,
      'guidelines',
      'reviewers',
      'item_search',
      'case_search',
    ]);
    const [duplicated] = await queryRows<{ n: number }>(
      store,
      'select count(*) as n from (select letter_key from cases group by letter_key having count(*) > 1) d',
    );
    result.duplicatedKeys = Number(duplicated?.n);
    const [runs] = await queryRows<{ stored: number; already_present: number }>(
      store,
      'select sum(stored) as stored, sum(already_present) as already_present from ingest_runs',
    );
    result.runsStored = Number(runs?.stored);
    result.runsAlreadyPresent = Number(runs?.already_present);
    return result;
  } finally {
    await store.close();
  }
}

describeEachBackend('two ingest processes at once', (backend) => {
  // Each CLI process starts tsx and a parse worker: slow on a loaded 2-core machine.
  it('store each letter of overlapping folders once', { timeout: 300_000 }, async () => {
    const corpus = join(dir, backend.dialect);
    writeVariedLetters(corpus, 90, 30); // batch-000, batch-001, batch-002
    const [a, b, c] = ['batch-000', 'batch-001', 'batch-002'].map((f) => join(corpus, f));

    const target = await backend.freshTarget();
    const runs = await Promise.all([ingest(target, [a!, b!]), ingest(target, [c!, b!])]);
    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });

    // The same letters ingested once, by one writer: what the two together must have produced.
    const reference = await backend.freshTarget();
    const store = await openStore(reference);
    await ingestFiles({ store, paths: [corpus], batchSize: 10 }).finally(() => store.close());
    const expected = await counts(reference);
    expect(expected).toMatchObject({ cases: 90, documents: 90, duplicatedKeys: 0, runsStored: 90 });

    const together = await counts(target);
    expect(together).toEqual({ ...expected, runsAlreadyPresent: 30 });
  });
});
