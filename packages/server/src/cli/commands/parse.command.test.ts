import { spawnSync } from 'node:child_process';
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

function imrParse(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('npx', ['tsx', 'packages/server/src/cli/main.ts', 'parse', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
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

describe('imr parse', () => {
  it('prints one contract object for one file, exactly what parseLetter returns', () => {
    const run = imrParse(`${LETTERS}/${SEEDS[1]}`, '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(parsedSeed(SEEDS[1]!));
  });

  it('prints an array in argument order for several files, with error objects, and exits 1', () => {
    const run = imrParse(`${LETTERS}/${SEEDS[2]}`, 'no/such/letter.txt', `${LETTERS}/${SEEDS[0]}`, '--json');
    expect(run.status).toBe(1);
    const output = JSON.parse(run.stdout) as unknown[];
    expect(output).toHaveLength(3);
    expect(output[0]).toEqual(parsedSeed(SEEDS[2]!));
    expect(output[1]).toMatchObject({
      file: 'no/such/letter.txt',
      error: expect.stringMatching(/unreadable/),
    });
    expect(output[2]).toEqual(parsedSeed(SEEDS[0]!));
  });

  it('decodes UTF-16 text with a byte-order mark', () => {
    const run = imrParse(join(work, 'letter-utf16.txt'), '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(parsedSeed(SEEDS[0]!));
  });

  it('reads PDF files by extension or by their %PDF magic', () => {
    const run = imrParse(join(work, 'letter.pdf'), join(work, 'letter-pdf-no-extension'), '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([parsedSeed(SEEDS[0]!), parsedSeed(SEEDS[0]!)]);
  });

  it('names the file and the reason when a file is not a letter', () => {
    const file = join(work, 'not-a-letter.md');
    const run = imrParse(file, '--json');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      file,
      error: 'not an IMR decision letter: no decision section found',
    });
  });

  it('prints a short human summary without --json', () => {
    const run = imrParse(`${LETTERS}/${SEEDS[1]}`);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('header-block, case CM14-0166055, decided 2014-11-25, 1 item(s)');
    expect(run.stdout).toMatch(/UPHELD\s+\S+\s+24 Massage therapy sessions/);
  });
});
