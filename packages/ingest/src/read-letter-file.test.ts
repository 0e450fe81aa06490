import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLetterFile, readLetterFileSync } from './read-letter-file';

describe('readLetterFile and readLetterFileSync', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imr-read-'));
  const letter = join(dir, 'letter.txt');
  writeFileSync(letter, 'IMR Case Number: CM14-0000001\n');

  it.each([
    ['a letter', letter, undefined],
    ['a file over the size limit', letter, 8],
    ['a folder', dir, undefined],
    ['a missing file', join(dir, 'missing.txt'), undefined],
  ])('give the same answer for %s', async (_name, path, maxBytes) => {
    const sync = readLetterFileSync(path, maxBytes);
    expect(await readLetterFile(path, maxBytes)).toEqual(sync);
  });

  it('read the bytes, and say why they do not', () => {
    const read = readLetterFileSync(letter);
    expect(read.ok && read.bytes.toString('utf8')).toBe('IMR Case Number: CM14-0000001\n');
    expect(readLetterFileSync(letter, 8)).toEqual({ ok: false, reason: 'too large: 0.0 MB (limit 0 MB)' });
    expect(readLetterFileSync(dir)).toEqual({ ok: false, reason: 'unreadable: not a regular file' });
    const missing = readLetterFileSync(join(dir, 'missing.txt'));
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.reason).toMatch(/^unreadable: /);
  });

  it('refuse a FIFO at once instead of waiting for a writer to open it', async () => {
    const pipe = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [pipe]);
    const refused = { ok: false, reason: 'unreadable: not a regular file' };
    expect(readLetterFileSync(pipe)).toEqual(refused);
    expect(await readLetterFile(pipe)).toEqual(refused);
  });

  it('name a file whose name is not UTF-8 for what it is', () => {
    const read = readLetterFileSync(join(dir, 'caf\uFFFD.txt'));
    expect(!read.ok && read.reason).toMatch(/not valid UTF-8/);
  });
});
