import { parentPort, workerData } from 'node:worker_threads';
import { type LetterReaders, startChunkReads } from './chunk-reads';
import { handleParseTask } from './handle-parse-task';
import { LetterReadMode } from './letter-read-mode';
import type { FromWorker, ParseOutcome, ParseTask, ParseWorkerData, ToWorker } from './parse-task';
import { readLetterFile, readLetterFileSync } from './read-letter-file';
import { RunningTaskMarker } from './running-task';

// Worker thread entry: takes chunks of tasks, answers each chunk with one message of outcomes. Everything
// CPU-heavy about a letter happens here, so the main thread only writes.

const { parserVersion, running, epochMs } = workerData as ParseWorkerData;
const marker = new RunningTaskMarker(running, epochMs);

if (!parentPort) throw new Error('parse-worker.ts runs as a worker thread (see parse-worker-pool.ts)');
const port = parentPort;
const readMode = new LetterReadMode();

const readers: LetterReaders = {
  sync: readLetterFileSync,
  parallel: readLetterFile,
  now: () => performance.now(),
};

async function parseChunk(
  id: number,
  tasks: readonly ParseTask[],
  reads: ReturnType<typeof startChunkReads>,
) {
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
  const reads = startChunkReads(tasks, readMode, readers);
  previous = previous.then(() => parseChunk(id, tasks, reads));
});
port.postMessage({ ready: true } satisfies FromWorker);
