import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { ReadAheadPace } from './read-ahead-pace';
import {
  DONE,
  type FromReadAhead,
  type ReadAheadCounts,
  type ReadAheadWorkerData,
  TAKEN,
  type ToReadAhead,
} from './read-ahead-task';

// Read-ahead thread entry: reads the files the walk found, before the parse workers get to them, so their reads
// come from the page cache. It waits on the device in their place; its own CPU is a read a file. The bytes are
// dropped: only the page cache keeps them.

if (!parentPort) throw new Error('read-ahead-worker.ts runs as a worker thread (see file-read-ahead.ts)');
const port = parentPort;
const counters = new Int32Array((workerData as ReadAheadWorkerData).counters);
const pace = new ReadAheadPace();
const counts: Omit<ReadAheadCounts, 'dropped'> = { read: 0, passed: 0, late: 0, failed: 0 };

// A letter is a few kilobytes; a PDF's first megabyte is what its extraction starts on, and a file past that is
// left to the parse worker's own read (and its size limit).
const MAX_BYTES_READ = 1024 * 1024;
const buffer = Buffer.allocUnsafe(64 * 1024);
// As in read-letter-file.ts: a FIFO made after the listing must not hold this thread; the stats refuse it.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** Reads one file into the page cache; false when it cannot be read. */
function readInto(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch {
    return false;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return false;
    // Up to the size the stats give: a letter is then one read, without a second one to find its end.
    const end = Math.min(stats.size, MAX_BYTES_READ);
    let offset = 0;
    while (offset < end) {
      const bytesRead = readSync(fd, buffer, 0, Math.min(buffer.length, end - offset), offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return true;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

function readBatch(first: number, paths: readonly string[]): void {
  try {
    readOrPass(first, paths);
  } finally {
    Atomics.add(counters, DONE, paths.length);
  }
}

function readOrPass(first: number, paths: readonly string[]): void {
  if (!pace.readNext()) {
    counts.passed += paths.length;
    return;
  }
  let files = 0;
  const started = performance.now();
  for (const [i, path] of paths.entries()) {
    // Behind the pipeline, a read only doubles the parse worker's: skip to where reading still leads.
    if (first + i < Atomics.load(counters, TAKEN)) {
      counts.late++;
      continue;
    }
    // A file that cannot be opened fails fast, and says nothing of the page cache.
    if (readInto(path)) {
      counts.read++;
      files++;
    } else {
      counts.failed++;
    }
  }
  pace.read(files, performance.now() - started);
}

port.on('message', (message: ToReadAhead) => {
  if (message.kind === 'paths') readBatch(message.first, message.paths);
  else port.postMessage({ kind: 'counts', counts: { ...counts, dropped: 0 } } satisfies FromReadAhead);
});
