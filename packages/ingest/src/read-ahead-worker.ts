import { parentPort } from 'node:worker_threads';
import { warmLetterFile } from './warm-letter-file';

// Worker thread entry: reads the files of each chunk the pool hands a parse worker, one after another, while
// that worker is still on its earlier chunks (see read-ahead.ts). A thread waiting here on the device holds no
// core and keeps no parse worker waiting.

if (!parentPort) throw new Error('read-ahead-worker.ts runs as a worker thread (see read-ahead.ts)');

// Letters are a few kilobytes to a few hundred; a larger file is read in pieces of this size.
const scratch = Buffer.allocUnsafe(256 * 1024);

parentPort.on('message', (paths: readonly string[]) => {
  for (const path of paths) warmLetterFile(path, scratch);
});
