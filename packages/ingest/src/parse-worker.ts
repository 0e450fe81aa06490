import { parentPort, workerData } from 'node:worker_threads';
import { handleParseTask } from './handle-parse-task';
import type { FromWorker, ParseOutcome, ParseTask, ParseWorkerData, ToWorker } from './parse-task';
import { type ReadLetterFile, readLetterFileSync } from './read-letter-file';
import { RunningTaskMarker } from './running-task';

// Worker thread entry: takes chunks of tasks, answers each chunk with one message of outcomes. Everything
// CPU-heavy about a letter happens here, so the main thread only writes.

const { parserVersion, running, epochMs } = workerData as ParseWorkerData;
const marker = new RunningTaskMarker(running, epochMs);

if (!parentPort) throw new Error('parse-worker.ts runs as a worker thread (see parse-worker-pool.ts)');
const port = parentPort;

async function parseChunk(id: number, tasks: readonly ParseTask[]) {
  const outcomes: ParseOutcome[] = [];
  for (const task of tasks) {
    marker.start(task.seq);
    // Synchronously, as its turn comes: the pool's read-ahead thread has usually brought the file into the page
    // cache by now (read-ahead.ts). The read counts toward the task's time limit.
    const read: Promise<ReadLetterFile> | undefined =
      task.kind === 'file' ? Promise.resolve(readLetterFileSync(task.path)) : undefined;
    outcomes.push(await handleParseTask(task, parserVersion, read));
  }
  marker.idle();
  // The compressed texts are exact-size buffers of their own (prepare-letter.ts): hand them over, do not copy.
  const buffers = outcomes.flatMap((o) => (o.ok ? [o.save.document.rawText.buffer as ArrayBuffer] : []));
  port.postMessage({ id, outcomes } satisfies FromWorker, buffers);
}

// Chunks are parsed one after another, so the task marked running is the one this thread is on.
let previous: Promise<void> = Promise.resolve();
port.on('message', ({ id, tasks }: ToWorker) => {
  previous = previous.then(() => parseChunk(id, tasks));
});
port.postMessage({ ready: true } satisfies FromWorker);
