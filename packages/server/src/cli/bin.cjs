// The `imr` command run from TypeScript source (`pnpm imr:dev`, the tests, the bench); `pnpm build` writes the
// compiled entry, dist/imr.cjs, which `pnpm imr` and `pnpm start` run. CommonJS, so this line runs before
// anything has queued work on libuv's thread pool (Node's ESM loader reads modules through it, fixing its size
// at the default four): ingest keeps a chunk of file reads in flight per parse worker, and on a disk rather than
// the page cache four at a time leave the workers waiting on the device. An explicit UV_THREADPOOL_SIZE is left
// alone.
process.env.UV_THREADPOOL_SIZE ??= '16';

// Then tsx's loader, as `node --import tsx` would install it, and the command itself.
import('tsx/esm/api').then(({ register }) => {
  register();
  return import('./main.ts');
});
