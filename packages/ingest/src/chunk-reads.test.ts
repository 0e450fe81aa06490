import { describe, expect, it } from 'vitest';
import { type LetterReaders, startChunkReads } from './chunk-reads';
import { LetterReadMode, PARALLEL_CHUNKS, PROBE_FILES, SLOW_READ_MS } from './letter-read-mode';
import type { ParseTask } from './parse-task';
import type { ReadLetterFile } from './read-letter-file';

const fileTasks = (n: number, from = 0): ParseTask[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'file', seq: from + i, path: `letter-${from + i}.txt` }));

/** Readers on a clock of their own: each synchronous read takes `syncMs`; records which way each path went. */
function fakeReaders(syncMs: number) {
  let clock = 0;
  const way = new Map<string, 'sync' | 'parallel'>();
  const bytes = (path: string): ReadLetterFile => ({ ok: true, bytes: Buffer.from(path) });
  const readers: LetterReaders = {
    sync: (path) => {
      clock += syncMs;
      way.set(path, 'sync');
      return bytes(path);
    },
    parallel: async (path) => {
      way.set(path, 'parallel');
      return bytes(path);
    },
    now: () => clock,
  };
  return { readers, way, setSyncMs: (ms: number) => (syncMs = ms) };
}

describe('startChunkReads', () => {
  it('reads a chunk on its thread while the files come from the page cache', async () => {
    const { readers, way } = fakeReaders(0.02);
    const mode = new LetterReadMode();
    for (let chunk = 0; chunk < 5; chunk++) {
      const reads = startChunkReads(fileTasks(64, chunk * 64), mode, readers);
      const done = await Promise.all(reads);
      expect(done.map((r) => r?.ok && r.bytes.toString())).toEqual(
        fileTasks(64, chunk * 64).map((t) => t.path),
      );
    }
    expect([...way.values()].every((w) => w === 'sync')).toBe(true);
  });

  it('sends the rest of a chunk to the thread pool once its first files say the device is working', async () => {
    const { readers, way, setSyncMs } = fakeReaders(SLOW_READ_MS * 4);
    const mode = new LetterReadMode();
    const tasks = fileTasks(64);
    const reads = await Promise.all(startChunkReads(tasks, mode, readers));
    expect(reads.every((r) => r?.ok)).toBe(true);
    // Only the probe waited on the device here; the whole chunk did before.
    expect(tasks.map((t) => way.get(t.path))).toEqual([
      ...Array(PROBE_FILES).fill('sync'),
      ...Array(64 - PROBE_FILES).fill('parallel'),
    ]);
    // The chunks after it go in parallel, then a chunk probes again, and fast reads bring the thread back.
    for (let chunk = 1; chunk <= PARALLEL_CHUNKS; chunk++) {
      const next = fileTasks(64, chunk * 64);
      await Promise.all(startChunkReads(next, mode, readers));
      expect(next.every((t) => way.get(t.path) === 'parallel')).toBe(true);
    }
    setSyncMs(0.02);
    const probe = fileTasks(64, (PARALLEL_CHUNKS + 1) * 64);
    await Promise.all(startChunkReads(probe, mode, readers));
    expect(probe.every((t) => way.get(t.path) === 'sync')).toBe(true);
  });

  it('starts no read for a task without a file', () => {
    const { readers } = fakeReaders(0.02);
    const stored: ParseTask = {
      kind: 'stored',
      seq: 0,
      path: 'stored',
      rawText: new Uint8Array(),
      sizeBytes: 0,
    };
    expect(startChunkReads([stored, ...fileTasks(1, 1)], new LetterReadMode(), readers)[0]).toBeUndefined();
  });
});
