// Worker entry when the store runs from TypeScript source (tsx, vitest), for every thread worker-thread-entry.ts
// starts: `--import tsx` in a worker's execArgv does not take effect on Node 20, so it registers tsx itself.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
