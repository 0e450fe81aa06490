import { resolveDbTarget } from '@imr/store/client';
import type { Command } from 'commander';
import { isDashboardBuilt } from '../../http/dashboard.plugin';
import { describeServer, serve } from '../../main';
import { addAppOptions, appOptionsOf, hostOf, portOf, type ServeCommandOptions } from './serve-options';
import { warmItemCubeInBackground } from './warm-item-cube';

/** `imr serve [--db FILE] [--port N] [--host [ADDR]]`: the GraphQL API and GraphiQL over an existing store. */
export function registerServeCommand(program: Command): void {
  const command = program
    .command('serve')
    .description('serve the GraphQL API (GraphiQL at /graphql) over an existing store, opened read-only')
    .option(
      '--db <target>',
      'SQLite file or postgres:// URL (default: $IMR_DB, $DATABASE_URL, ./data/imr.db)',
    )
    .option('--port <n>', 'port (default: $PORT, else 4000)')
    .option('--host [address]', 'listen on this address; alone, on every interface (default: 127.0.0.1)');
  addAppOptions(command).action(async (options: ServeCommandOptions) => {
    try {
      const target = resolveDbTarget(options.db || process.env.IMR_DB);
      const running = await serve({
        target,
        port: portOf(options.port),
        host: hostOf(options.host),
        app: appOptionsOf(options),
      });
      console.log(describeServer(running, target));
      console.log(
        isDashboardBuilt()
          ? `  Dashboard: ${new URL('/', running.url)}`
          : '  Dashboard: not built (run `pnpm build`, or `pnpm start`, which builds what is missing)',
      );
      warmItemCubeInBackground(running.store);
      const stop = () => {
        running.close().finally(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    } catch (error) {
      console.error(`imr serve: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  });
}
