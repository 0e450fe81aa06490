import { parentPort, workerData } from 'node:worker_threads';
import { handleParseTask } from './handle-parse-task';
import { LetterReadMode } from './letter-read-mode';
import type { FromWorker, ParseOutcome, ParseTask, ParseWorkerData, ToWorker } from './parse-task';
import { type ReadLetterFile, readLetterFile, readLetterFileSync } from './read-letter-file';

// Worker thread entry: takes chunks of tasks, answers each chunk with one message of outcomes. Everything
// CPU-heavy about a letter happens here, so the main thread only writes.

const { parserVersion } = (workerData ?? {}) as ParseWorkerData;

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread (see parse-worker-pool.ts)');
const readMode = new LetterReadMode();

/** The chunk's file reads: all at once through the thread pool (the device works on them together), else here. */
function readChunk(tasks: readonly ParseTask[]): (Promise<ReadLetterFile> | undefined)[] {
  if (readMode.parallel()) {
    return tasks.map((task) => (task.kind === 'file' ? readLetterFile(task.path) : undefined));
  }
  const started = performance.now();
  const reads = tasks.map((task) =>
    task.kind === 'file' ? Promise.resolve(readLetterFileSync(task.path)) : undefined,
  );
  readMode.readSynchronously(
    tasks.filter((task) => task.kind === 'file').length,
    performance.now() - started,
  );
  return reads;
}

port.on('message', async ({ id, tasks }: ToWorker) => {
  // Each file is parsed as its turn comes, its read started with the chunk's.
  const reads = readChunk(tasks);
  const outcomes: ParseOutcome[] = [];
  for (const [i, task] of tasks.entries())
    outcomes.push(await handleParseTask(task, parserVersion, reads[i]));
  // The compressed texts are exact-size buffers of their own (prepare-letter.ts): hand them over, do not copy.
  const buffers = outcomes.flatMap((o) => (o.ok ? [o.save.document.rawText.buffer as ArrayBuffer] : []));
  port.postMessage({ id, outcomes } satisfies FromWorker, buffers);
});
port.postMessage({ ready: true } satisfies FromWorker);
