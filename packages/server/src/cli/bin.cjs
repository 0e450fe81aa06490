// The `imr` command run from TypeScript source (`pnpm imr:dev`, the tests, the bench); `pnpm build` writes the
// compiled entry, dist/imr.cjs, which `pnpm imr` and `pnpm start` run.

// tsx's loader, as `node --import tsx` would install it, and the command itself.
import('tsx/esm/api').then(({ register }) => {
  register();
  return import('./main.ts');
});
