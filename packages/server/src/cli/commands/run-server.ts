import { setTimeout as delay } from 'node:timers/promises';
import { DEFAULT_DB_PATH } from '@imr/store/client';
import type { Command } from 'commander';
import { isDashboardBuilt } from '../../http/dashboard.plugin';
import { describeServer, type RunningServer } from '../../main';
import { addAppOptions } from './serve-options';
import { warmItemCubeInBackground } from './warm-item-cube';
import { warmQueryEngineInBackground } from './warm-query-engine';

// What `imr serve` and `imr start` share: where to listen and what to serve, and a server once it listens.

/** --db, --port and --host, then the app's options (limits, production). */
export function addListenOptions(command: Command): Command {
  command
    .option(
      '--db <target>',
      `SQLite file or postgres:// URL (default: $IMR_DB, $DATABASE_URL, ${DEFAULT_DB_PATH})`,
    )
    .option('--port <n>', 'port (default: $PORT, else 4000)')
    .option('--host [address]', 'listen on this address; alone, on every interface (default: 127.0.0.1)');
  return addAppOptions(command);
}

/** Says where the server listens, warms its query engine and cube behind it, and closes it on SIGINT or SIGTERM. */
export function keepServing(running: RunningServer, target: string): void {
  console.log(describeServer(running, target));
  console.log(
    isDashboardBuilt()
      ? `  Dashboard: ${new URL('/', running.url)}`
      : '  Dashboard: not built (run `pnpm build`, or `pnpm start`, which builds what is missing)',
  );
  const warming = new AbortController();
  const warmedUp = warmQueryEngineInBackground(running.store, warming.signal);
  warmItemCubeInBackground(running.store, warming.signal);
  // Once: a terminal's Ctrl-C reaches this process twice when `serve` relaunched itself (serving-heap.ts): from
  // the terminal and from the parent passing it on. A second signal must not cut the close short.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    warming.abort();
    // The warm-up's request in flight is answered before the store closes (Yoga logged its failure as ERR),
    // waited for 2 s at most.
    Promise.race([warmedUp, delay(2_000)])
      .then(() => running.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
