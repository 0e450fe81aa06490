import type { LetterReadMode } from './letter-read-mode';
import type { ParseTask } from './parse-task';
import type { ReadLetterFile } from './read-letter-file';

// How a parse worker starts the reads of a chunk it was sent. In parallel mode every file goes to the thread pool
// at once. Otherwise the files are read here, one at a time, each timed, while they come fast; once enough of them
// say the device is working (letter-read-mode.ts), the rest of the chunk goes to the thread pool at once instead
// of this thread waiting on each in turn. Reading a whole 64-file chunk synchronously to probe held each worker
// in disk waits 12 % of the time at 2M letters, where the corpus no longer fits the page cache beside the store.

export interface LetterReaders {
  /** Reads on this thread. */
  sync: (path: string) => ReadLetterFile;
  /** Reads through the thread pool. */
  parallel: (path: string) => Promise<ReadLetterFile>;
  /** Milliseconds, for timing the synchronous reads. */
  now: () => number;
}

/** The chunk's reads, one per task (undefined for a task without a file), started in task order. */
export function startChunkReads(
  tasks: readonly ParseTask[],
  mode: LetterReadMode,
  readers: LetterReaders,
): (Promise<ReadLetterFile> | undefined)[] {
  if (mode.parallel()) {
    return tasks.map((task) => (task.kind === 'file' ? readers.parallel(task.path) : undefined));
  }
  return tasks.map((task) => {
    if (task.kind !== 'file') return undefined;
    if (mode.deviceBusy()) return readers.parallel(task.path);
    const started = readers.now();
    const read = readers.sync(task.path);
    mode.readSynchronously(1, readers.now() - started);
    return Promise.resolve(read);
  });
}
