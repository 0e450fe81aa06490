import { existsSync } from 'node:fs';
import { DEFAULT_DB_PATH, isPostgresTarget, openStore, redactTarget, type Store } from '@imr/store/client';
import { copyStore } from '@imr/store/store-copy';
import type { Command } from 'commander';

interface MigrateToOptions {
  db?: string;
  from: string;
  batch: string;
}

/** `imr migrate-to --db postgres://... [--from data/imr.db]`: move a store into a new, empty database. */
export function registerMigrateToCommand(program: Command): void {
  program
    .command('migrate-to')
    .description(
      'copy a whole store (letters, derived rows, ingest history) into a new, empty database, e.g. SQLite → PostgreSQL',
    )
    .option(
      '--db <target>',
      'the new store: postgres://user@host:5432/db[?schema=name] or a SQLite file (default: $DATABASE_URL)',
    )
    .option('--from <source>', 'the store to copy: a SQLite file or a postgres:// URL', DEFAULT_DB_PATH)
    .option('--batch <rows>', 'rows per insert statement', '5000')
    .action(async (options: MigrateToOptions) => {
      try {
        const { from, to, batch } = checkedOptions(options);
        await migrateTo(from, to, batch);
      } catch (error) {
        // A clear one-line error and exit code 1, not a stack trace or the usage text.
        console.error(`imr migrate-to: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      }
    });
}

function checkedOptions(options: MigrateToOptions): { from: string; to: string; batch: number } {
  const to = options.db || process.env.DATABASE_URL;
  if (!to) throw new Error('needs a target: --db postgres://user@host:5432/db (or DATABASE_URL)');
  if (to === options.from) throw new Error(`--db and --from are the same store (${redactTarget(to)})`);
  if (!isPostgresTarget(options.from) && !existsSync(options.from)) {
    throw new Error(`--from ${options.from}: no such SQLite database`);
  }
  const batch = Number(options.batch);
  if (!Number.isInteger(batch) || batch < 1) {
    throw new Error(`--batch must be a positive integer, got "${options.batch}"`);
  }
  return { from: options.from, to, batch };
}

async function migrateTo(from: string, to: string, batch: number): Promise<void> {
  // Both stores are migrated to the latest schema first, so their tables match column for column.
  const source = await openStore(from);
  let target: Store | undefined;
  try {
    target = await openStore(to);
    const tty = process.stderr.isTTY;
    console.error(`copying ${redactTarget(from)} → ${redactTarget(to)}`);
    const report = await copyStore(
      source,
      target,
      ({ table, copied, total }) => {
        if (tty) process.stderr.write(`\r  ${table.padEnd(22)} ${copied}/${total}`);
        if (copied === total) process.stderr.write(tty ? '\n' : `  ${table.padEnd(22)} ${total}\n`);
      },
      batch,
    );
    const rows = report.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      `copied ${rows} rows in ${report.tables.length} tables in ${report.seconds.toFixed(1)} s into ${redactTarget(to)}`,
    );
  } finally {
    await target?.close();
    await source.close();
  }
}
