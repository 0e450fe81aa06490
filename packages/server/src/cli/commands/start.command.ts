import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DB_PATH, isPostgresTarget, openStore } from '@imr/store/client';
import type { Command } from 'commander';
import { serve } from '../../main';
import { REPOSITORY_ROOT } from '../../server-root';
import { addListenOptions, keepServing } from './run-server';
import { appOptionsOf, hostOf, portOf, type ServeCommandOptions } from './serve-options';
import { relaunchWithServingHeap } from './serving-heap';

/** The seed letters bundled with the repository. */
export const FIXTURE_LETTERS = join(REPOSITORY_ROOT, 'test/fixtures/letters');

/**
 * Creates the store from the bundled letters when it does not exist yet; returns how many letters it stored. The
 * store is built beside the target and renamed into place, so an interrupted first run leaves no half store.
 */
export async function ensureSampleStore(target: string, letters = FIXTURE_LETTERS): Promise<number | null> {
  if (isPostgresTarget(target) || existsSync(target)) return null;
  const partial = `${target}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  const store = await openStore(partial);
  let stored: number;
  try {
    const { ingestFiles } = await import('@imr/ingest/ingest-files');
    stored = (await ingestFiles({ store, paths: [letters] })).stored;
  } finally {
    // Closing the last connection checkpoints the WAL into the file.
    await store.close();
  }
  renameSync(partial, target);
  return stored;
}

/** `imr start`: the README's one command. A store from the bundled letters on first run, then the API. */
export function registerStartCommand(program: Command): void {
  const command = program
    .command('start')
    .description(
      `serve the API; on first run, first create ${DEFAULT_DB_PATH} from the bundled sample letters (test/fixtures/letters)`,
    );
  addListenOptions(command).action(async (options: ServeCommandOptions) => {
    if (relaunchWithServingHeap()) return;
    try {
      const target = options.db || process.env.IMR_DB || process.env.DATABASE_URL || DEFAULT_DB_PATH;
      const port = portOf(options.port);
      const stored = await ensureSampleStore(target);
      if (stored !== null) console.log(`Created ${target} from ${stored} bundled sample letters.`);
      const running = await serve({ target, port, host: hostOf(options.host), app: appOptionsOf(options) });
      keepServing(running, target);
    } catch (error) {
      console.error(`imr start: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  });
}
