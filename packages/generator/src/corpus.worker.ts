import { parentPort } from 'node:worker_threads';
import { type ShardSpec, writeShard } from './corpus-shard';

// A worker thread of writeCorpus: receives shard specs, writes their letters, answers with the truth lines.
if (parentPort === null) throw new Error('corpus.worker.ts must run as a worker thread');
const port = parentPort;
port.on('message', (spec: ShardSpec) => {
  try {
    port.postMessage({ ok: true, result: writeShard(spec) });
  } catch (error) {
    port.postMessage({
      ok: false,
      shard: spec.shard,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
