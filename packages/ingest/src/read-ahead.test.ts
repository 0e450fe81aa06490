import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReadAhead } from './read-ahead';

// What the thread reads shows in the process's own I/O counters: rchar counts the bytes every thread of the
// process has read through read(2) and its kin, page cache or not.
const IO = '/proc/self/io';
const bytesReadByProcess = () => Number(/^rchar: (\d+)$/m.exec(readFileSync(IO, 'utf8'))?.[1]);

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

const dir = mkdtempSync(join(tmpdir(), 'imr-read-ahead-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!existsSync(IO))('ReadAhead', () => {
  it('reads the files it is handed on a thread of its own, in full', async () => {
    const paths = [1, 2, 3].map((n) => {
      const path = join(dir, `letter-${n}.txt`);
      writeFileSync(path, Buffer.alloc(2 ** 20, 'a'));
      return path;
    });
    const readAhead = new ReadAhead();
    const before = bytesReadByProcess();
    try {
      readAhead.read(paths);
      // The thread's start reads its modules too, so at least the three files' bytes, not exactly them.
      expect(await until(() => bytesReadByProcess() - before >= 3 * 2 ** 20, 10_000)).toBe(true);
    } finally {
      await readAhead.close();
    }
  });

  it('passes over what it cannot read and reads the rest', async () => {
    const another = new ReadAhead();
    const good = join(dir, 'good.txt');
    writeFileSync(good, Buffer.alloc(2 ** 20, 'b'));
    const before = bytesReadByProcess();
    try {
      another.read([join(dir, 'missing.txt'), dir, good]);
      expect(await until(() => bytesReadByProcess() - before >= 2 ** 20, 10_000)).toBe(true);
    } finally {
      await another.close();
    }
  });
});
