// Worker entry when the store runs from TypeScript source (tsx, vitest): `--import tsx` in a worker's execArgv
// does not take effect on Node 20, so the worker registers tsx itself before loading the real module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
