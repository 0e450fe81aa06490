import { parentPort, workerData } from 'node:worker_threads';
import { handleParseTask } from './handle-parse-task';
import type { FromWorker, ParseOutcome, ParseWorkerData, ToWorker } from './parse-task';
import { readLetterFile } from './read-letter-file';

// Worker thread entry: takes chunks of tasks, answers each chunk with one message of outcomes. Everything
// CPU-heavy about a letter happens here, so the main thread only writes.

const { parserVersion } = (workerData ?? {}) as ParseWorkerData;

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread (see parse-worker-pool.ts)');
port.on('message', async ({ id, tasks }: ToWorker) => {
  // Every file of the chunk is read at once (the device works on them together); each is parsed as its turn comes.
  const reads = tasks.map((task) => (task.kind === 'file' ? readLetterFile(task.path) : undefined));
  const outcomes: ParseOutcome[] = [];
  for (const [i, task] of tasks.entries())
    outcomes.push(await handleParseTask(task, parserVersion, reads[i]));
  // The compressed texts are exact-size buffers of their own (prepare-letter.ts): hand them over, do not copy.
  const buffers = outcomes.flatMap((o) => (o.ok ? [o.save.document.rawText.buffer as ArrayBuffer] : []));
  port.postMessage({ id, outcomes } satisfies FromWorker, buffers);
});
port.postMessage({ ready: true } satisfies FromWorker);
