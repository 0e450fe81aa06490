import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, type LogEvent, Migrator, SqliteDialect } from 'kysely';
import type { Database } from './database';
import { migrations } from './migrations/index';

export type Db = Kysely<Database>;

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:'. */
  path: string;
  /** The API opens the store read-only; migrations then must already be applied. */
  readonly?: boolean;
  /** Called for every SQL statement executed (used by tests that count statements). */
  onQuery?: (sql: string) => void;
}

export interface OpenedDatabase {
  db: Db;
  sqlite: SQLite.Database;
  close: () => Promise<void>;
}

export const DEFAULT_DB_PATH = './data/imr.db';

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const { path, readonly = false, onQuery } = options;
  if (path !== ':memory:' && !readonly) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path, { readonly, fileMustExist: readonly });
  if (!readonly) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
  }
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
    log: onQuery
      ? (event: LogEvent) => {
          if (event.level === 'query') onQuery(event.query.sql);
        }
      : undefined,
  });
  if (!readonly) await migrateToLatest(db);
  return { db, sqlite, close: () => db.destroy() };
}

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}
