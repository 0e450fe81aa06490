import { resolveDbTarget } from '@imr/store/client';
import type { Command } from 'commander';
import { serve } from '../../main';
import { addListenOptions, keepServing } from './run-server';
import { appOptionsOf, hostOf, portOf, type ServeCommandOptions } from './serve-options';
import { relaunchWithServingHeap } from './serving-heap';

/** `imr serve [--db FILE] [--port N] [--host [ADDR]]`: the GraphQL API and GraphiQL over an existing store. */
export function registerServeCommand(program: Command): void {
  const command = program
    .command('serve')
    .description('serve the GraphQL API (GraphiQL at /graphql) over an existing store, opened read-only');
  addListenOptions(command).action(async (options: ServeCommandOptions) => {
    if (relaunchWithServingHeap()) return;
    try {
      const target = resolveDbTarget(options.db || process.env.IMR_DB);
      const running = await serve({
        target,
        port: portOf(options.port),
        host: hostOf(options.host),
        app: appOptionsOf(options),
      });
      keepServing(running, target);
    } catch (error) {
      console.error(`imr serve: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  });
}
