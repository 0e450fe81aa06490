import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { warmLetterFile } from './warm-letter-file';

describe('warmLetterFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imr-warm-'));
  const letter = join(dir, 'letter.txt');
  const text = 'IMR Case Number: CM14-0000001\n'.repeat(10);
  writeFileSync(letter, text);

  it('reads a whole file through a scratch buffer smaller than it', () => {
    expect(warmLetterFile(letter, Buffer.alloc(7))).toBe(text.length);
    expect(warmLetterFile(letter, Buffer.alloc(1 << 16))).toBe(text.length);
  });

  it('reads nothing of what a parse worker would refuse, and throws for nothing', () => {
    const scratch = Buffer.alloc(64);
    expect(warmLetterFile(letter, scratch, 8)).toBe(0);
    expect(warmLetterFile(dir, scratch)).toBe(0);
    expect(warmLetterFile(join(dir, 'missing.txt'), scratch)).toBe(0);
  });

  it('returns at once for a FIFO instead of waiting for a writer', () => {
    const pipe = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [pipe]);
    expect(warmLetterFile(pipe, Buffer.alloc(64))).toBe(0);
  });
});
