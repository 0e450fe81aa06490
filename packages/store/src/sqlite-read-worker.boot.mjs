// Read worker entry when the server runs from TypeScript source (tsx, vitest): registers tsx in the child
// process, then imports the real module named in the worker spec (sqlite-read-pool.ts).
import { register } from 'tsx/esm/api';

register();
await import(JSON.parse(process.argv[2]).entry);
