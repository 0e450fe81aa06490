import { appOptionsOf } from '../../packages/server/src/cli/commands/serve-options';
import { serve } from '../../packages/server/src/main';

// `imr serve --production --trust-proxy` over the store named by argv[2], on a free loopback port, without the
// dashboard build or the cube warm-up the command adds (they would compete with the attacks for the CPU).
// Prints the GraphQL URL on its first line; stops on SIGTERM.

const running = await serve({
  target: process.argv[2] as string,
  port: 0,
  host: '127.0.0.1',
  app: appOptionsOf({ production: true, trustProxy: true, requestLog: false }),
});
console.log(running.url);
process.once('SIGTERM', () => {
  running.close().finally(() => process.exit(0));
});
