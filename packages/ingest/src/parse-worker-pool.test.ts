import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letterPdf } from '../../parser/src/pdf/letter-pdf.fixture';
import { pdfBomb } from '../../parser/src/pdf/pdf-bomb.fixture';
import { loadSeedLetters } from '../../parser/src/seed-letters.fixture';
import type { ParseOutcome } from './parse-task';
import { ParseWorkerPool } from './parse-worker-pool';

// A file that keeps a worker busy past the time limit is rejected by name, its worker replaced, and the files
// queued behind it in the same worker still parse.

let dir: string;
const paths: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'imr-pool-'));
  const seeds = loadSeedLetters();
  const put = (name: string, content: string | Uint8Array) => {
    writeFileSync(join(dir, name), content);
    paths.push(join(dir, name));
  };
  put('first.pdf', await letterPdf(seeds[0]!.text));
  // Small enough to stay far under PDFium's heap cap, slow enough to pass the limit many times over: PDFium
  // draws the whole stream on every page, 45 ms a page per MiB here (1 MiB x 120 pages took 5.4 s, just past
  // the 5 s limit, and failed the test once it ran a little faster; 4 MiB x 120 took 22 s). 8 MiB x 120 is
  // about 44 s of work on that machine, nine times the limit.
  put('slow.pdf', pdfBomb({ streamBytes: 8 * 2 ** 20, pages: 120 }));
  put('after.txt', seeds[1]!.text);
  put('last.pdf', await letterPdf(seeds[2]!.text));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ParseWorkerPool', () => {
  it('stops a worker past the time limit per file, rejects that file by name and parses the rest', async () => {
    const outcomes: ParseOutcome[] = [];
    let fatal: Error | null = null;
    const done = new Promise<void>((resolve) => {
      const pool = new ParseWorkerPool({
        threads: 1,
        // Generous beside a letter's ~15 ms, since the worker's first PDF also loads PDFium and the machine may
        // be busy; a small fraction of the slow file's ~44 s.
        fileTimeLimitMs: 5_000,
        onOutcome: (outcome) => {
          outcomes.push(outcome);
          if (outcomes.length === paths.length) void pool.close().then(resolve);
        },
        onFatal: (error) => {
          fatal = error;
          void pool.close().then(resolve);
        },
      });
      for (const [seq, path] of paths.entries()) pool.submit({ seq, kind: 'file', path });
    });
    await done;
    expect(fatal).toBeNull();
    const bySeq = outcomes.sort((a, b) => a.seq - b.seq);
    expect(bySeq.map((o) => [o.path, o.ok])).toEqual([
      [paths[0], true],
      [paths[1], false],
      [paths[2], true],
      [paths[3], true],
    ]);
    expect(bySeq[1]).toMatchObject({
      reason: expect.stringMatching(/^over the time limit: .* more than 5 s/),
    });
  }, 60_000);
});
