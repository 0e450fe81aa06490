import { parentPort, workerData } from 'node:worker_threads';
import { handleParseTask } from './handle-parse-task';
import { LetterReadMode } from './letter-read-mode';
import type { FromWorker, ParseOutcome, ParseTask, ParseWorkerData, ToWorker } from './parse-task';
import { type ReadLetterFile, readLetterFile, readLetterFileSync } from './read-letter-file';
import { RunningTaskMarker } from './running-task';

// Worker thread entry: takes chunks of tasks, answers each chunk with one message of outcomes. Everything
// CPU-heavy about a letter happens here, so the main thread only writes.

const { parserVersion, running, epochMs } = workerData as ParseWorkerData;
const marker = new RunningTaskMarker(running, epochMs);

if (!parentPort) throw new Error('parse-worker.ts runs as a worker thread (see parse-worker-pool.ts)');
const port = parentPort;
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

async function parseChunk(id: number, tasks: readonly ParseTask[], reads: ReturnType<typeof readChunk>) {
  const outcomes: ParseOutcome[] = [];
  for (const [i, task] of tasks.entries()) {
    marker.start(task.seq);
    outcomes.push(await handleParseTask(task, parserVersion, reads[i]));
  }
  marker.idle();
  // The compressed texts are exact-size buffers of their own (prepare-letter.ts): hand them over, do not copy.
  const buffers = outcomes.flatMap((o) => (o.ok ? [o.save.document.rawText.buffer as ArrayBuffer] : []));
  port.postMessage({ id, outcomes } satisfies FromWorker, buffers);
}

// Chunks are parsed one after another, so the task marked running is the one this thread is on; each file is
// parsed as its turn comes, its read started when its chunk arrived.
let previous: Promise<void> = Promise.resolve();
port.on('message', ({ id, tasks }: ToWorker) => {
  const reads = readChunk(tasks);
  previous = previous.then(() => parseChunk(id, tasks, reads));
});
port.postMessage({ ready: true } satisfies FromWorker);
