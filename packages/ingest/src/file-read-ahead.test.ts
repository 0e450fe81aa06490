import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FileReadAhead,
  READ_AHEAD_BATCH,
  READ_AHEAD_QUEUE,
  type ReadAheadSink,
  readAheadOf,
} from './file-read-ahead';
import type { InputEntry } from './list-input-files';

class RecordingSink implements ReadAheadSink {
  readonly events: string[] = [];
  add(path: string): void {
    this.events.push(`add ${path}`);
  }
  take(): void {
    this.events.push('take');
  }
}

function entryOf(i: number): InputEntry {
  if (i % 7 === 3) return { kind: 'skipped', path: `s${i}` };
  if (i % 11 === 5) return { kind: 'unreadable', path: `u${i}`, reason: 'no' };
  return { kind: 'letter', path: `l${i}` };
}

/** A walk of `count` entries that records how far it has been pulled. */
function countedWalk(count: number, failAfter?: number) {
  const state = { pulled: 0, returned: false };
  async function* walk(): AsyncGenerator<InputEntry> {
    try {
      for (let i = 0; i < count; i++) {
        if (i === failAfter) throw new Error('walk failed here');
        await Promise.resolve();
        state.pulled++;
        yield entryOf(i);
      }
    } finally {
      state.returned = true;
    }
  }
  return { state, walk: walk() };
}

describe('readAheadOf', () => {
  it('yields the walk in order, gives each letter to the sink when found and takes it when yielded', async () => {
    const { walk } = countedWalk(100);
    const sink = new RecordingSink();
    const seen: InputEntry[] = [];
    for await (const entry of readAheadOf(walk, sink, 10)) seen.push(entry);
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => entryOf(i)));
    const letters = seen.filter((e) => e.kind === 'letter').map((e) => `add ${e.path}`);
    expect(sink.events.filter((e) => e.startsWith('add'))).toEqual(letters);
    expect(sink.events.filter((e) => e === 'take')).toHaveLength(letters.length);
    // A letter is never taken before it was added.
    let added = 0;
    let taken = 0;
    for (const event of sink.events) {
      if (event === 'take') taken++;
      else added++;
      expect(taken).toBeLessThanOrEqual(added);
    }
  });

  it('runs at most `depth` entries ahead of a slow consumer', async () => {
    const { state, walk } = countedWalk(500);
    let consumed = 0;
    let furthest = 0;
    for await (const _ of readAheadOf(walk, new RecordingSink(), 25)) {
      consumed++;
      // Let the walk run as far as it may.
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
      furthest = Math.max(furthest, state.pulled - consumed);
    }
    expect(consumed).toBe(500);
    expect(furthest).toBeLessThanOrEqual(25 + 1);
    expect(furthest).toBeGreaterThanOrEqual(20);
  });

  it('reports a failed walk after the entries found before it', async () => {
    const { walk } = countedWalk(100, 40);
    const seen: InputEntry[] = [];
    await expect(
      (async () => {
        for await (const entry of readAheadOf(walk, new RecordingSink(), 1000)) seen.push(entry);
      })(),
    ).rejects.toThrow('walk failed here');
    expect(seen).toHaveLength(40);
  });

  it('stops the walk when the consumer stops early', async () => {
    const { state, walk } = countedWalk(10_000);
    let n = 0;
    for await (const _ of readAheadOf(walk, new RecordingSink(), 50)) if (++n === 5) break;
    expect(state.returned).toBe(true);
    expect(state.pulled).toBeLessThan(100);
  });
});

describe('FileReadAhead', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imr-read-ahead-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files = Array.from({ length: READ_AHEAD_BATCH * 3 + 5 }, (_, i) => {
    const path = join(dir, `letter-${i}.txt`);
    writeFileSync(path, `letter ${i}\n`.repeat(200));
    return path;
  });
  mkdirSync(join(dir, 'a-folder.txt'));

  it('does not start a thread for fewer files than a batch', async () => {
    const readAhead = new FileReadAhead();
    for (const path of files.slice(0, READ_AHEAD_BATCH - 1)) readAhead.add(path);
    expect(await readAhead.counts()).toEqual({ read: 0, passed: 0, late: 0, failed: 0, dropped: 0 });
    readAhead.close();
  });

  it('reads whole batches, counts what it cannot read, and lets batches pass once the files are cached', async () => {
    const readAhead = new FileReadAhead();
    // The first batch probes: two of its paths cannot be read.
    readAhead.add(join(dir, 'missing.txt'));
    readAhead.add(join(dir, 'a-folder.txt'));
    for (const path of files) readAhead.add(path);
    const counts = await readAhead.counts();
    const sent = Math.floor((files.length + 2) / READ_AHEAD_BATCH) * READ_AHEAD_BATCH;
    expect(counts.failed).toBe(2);
    expect(counts.late).toBe(0);
    expect(counts.read + counts.failed + counts.passed).toBe(sent);
    // Just written, the files are in the page cache: the probe says so and later batches pass unread, whole (on
    // a loaded machine the probe may take longer than a cached read and let none pass).
    expect(counts.read).toBeGreaterThanOrEqual(READ_AHEAD_BATCH - 2);
    expect(counts.passed % READ_AHEAD_BATCH).toBe(0);
    readAhead.close();
  });

  it('skips the files the pipeline took before their turn', async () => {
    const readAhead = new FileReadAhead();
    for (let i = 0; i < READ_AHEAD_BATCH + 10; i++) readAhead.take();
    for (const path of files.slice(0, READ_AHEAD_BATCH * 2)) readAhead.add(path);
    const counts = await readAhead.counts();
    expect(counts.late).toBe(READ_AHEAD_BATCH + 10);
    expect(counts.read).toBe(READ_AHEAD_BATCH - 10);
    readAhead.close();
  });

  it('stops sending once the thread is a queue of paths behind, and numbers the paths after it all the same', async () => {
    const readAhead = new FileReadAhead();
    // All sent at once, before the thread has started: it is behind by everything sent.
    const batches = READ_AHEAD_QUEUE / READ_AHEAD_BATCH + 5;
    for (let i = 0; i < batches * READ_AHEAD_BATCH; i++) readAhead.add(join(dir, `missing-${i}.txt`));
    let counts = await readAhead.counts();
    expect(counts.dropped).toBe(5 * READ_AHEAD_BATCH);
    expect(counts.read + counts.passed + counts.late + counts.failed).toBe(READ_AHEAD_QUEUE);
    // Caught up, it takes paths again; those the pipeline took meanwhile (all but the last batch's) are late.
    for (let i = 0; i < (batches + 1) * READ_AHEAD_BATCH; i++) readAhead.take();
    for (const path of files.slice(0, 2 * READ_AHEAD_BATCH)) readAhead.add(path);
    counts = await readAhead.counts();
    expect(counts.dropped).toBe(5 * READ_AHEAD_BATCH);
    expect(counts.late).toBe(READ_AHEAD_BATCH);
    expect(counts.read + counts.passed).toBe(READ_AHEAD_BATCH);
    readAhead.close();
  });
});
