import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLetter } from '@imr/parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { letterPdf } from '../../../../parser/src/pdf/letter-pdf.fixture';

// The CLI as a user runs it: a child process from the repository root.
const ROOT = join(import.meta.dirname, '../../../../..');
const LETTERS = 'test/fixtures/letters';
const SEEDS = ['000_22ea74b3c5d160b8.txt', '001_87da8c50259763f6.txt', '002_a8a74136bbed82fe.txt'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

// Asynchronous, so the test worker stays responsive while the CLI starts (tsx compiles it on the fly).
function imrParse(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'packages/server/src/cli/main.ts', 'parse', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function parsedSeed(name: string): unknown {
  const result = parseLetter(readFileSync(join(ROOT, LETTERS, name), 'utf8'));
  if (!result.ok) throw new Error(result.error);
  return result.letter;
}

let work: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'imr-parse-cli-'));
  const text = readFileSync(join(ROOT, LETTERS, SEEDS[0]!), 'utf8');
  writeFileSync(
    join(work, 'letter-utf16.txt'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  );
  writeFileSync(join(work, 'letter.pdf'), await letterPdf(text));
  writeFileSync(join(work, 'letter-pdf-no-extension'), await letterPdf(text));
  writeFileSync(join(work, 'not-a-letter.md'), '# Shopping list\n\n- eggs\n- milk\n');
});

// Each run starts a CLI through npx and tsx: seconds, more on a busy machine.
describe('imr parse', { timeout: 120_000 }, () => {
  it('prints one contract object for one file, exactly what parseLetter returns', async () => {
    const run = await imrParse(`${LETTERS}/${SEEDS[1]}`, '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(parsedSeed(SEEDS[1]!));
  });

  it('prints an array in argument order for several files (UTF-16, PDF by extension or magic), error objects for failures, and exits 1', async () => {
    const notALetter = join(work, 'not-a-letter.md');
    const run = await imrParse(
      `${LETTERS}/${SEEDS[2]}`,
      'no/such/letter.txt',
      join(work, 'letter-utf16.txt'),
      join(work, 'letter.pdf'),
      join(work, 'letter-pdf-no-extension'),
      notALetter,
      '--json',
    );
    expect(run.status, run.stderr).toBe(1);
    const output = JSON.parse(run.stdout) as unknown[];
    expect(output).toHaveLength(6);
    expect(output[0]).toEqual(parsedSeed(SEEDS[2]!));
    expect(output[1]).toMatchObject({
      file: 'no/such/letter.txt',
      error: expect.stringMatching(/unreadable/),
    });
    expect(output[2]).toEqual(parsedSeed(SEEDS[0]!));
    expect(output[3]).toEqual(parsedSeed(SEEDS[0]!));
    expect(output[4]).toEqual(parsedSeed(SEEDS[0]!));
    expect(output[5]).toEqual({
      file: notALetter,
      // Worded as ingest records it (ingest_errors): both commands parse in the ingest's workers.
      error: 'not an IMR letter: no decision section found',
    });
  });

  it('prints a short human summary without --json', async () => {
    const run = await imrParse(`${LETTERS}/${SEEDS[1]}`);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('header-block, case CM14-0166055, decided 2014-11-25, 1 item(s)');
    expect(run.stdout).toMatch(/UPHELD\s+\S+\s+24 Massage therapy sessions/);
  });
});
