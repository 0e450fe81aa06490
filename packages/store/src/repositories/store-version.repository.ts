import { sql } from 'kysely';
import type { Db, SqlDialect } from '../client';
import { postgresStoreChangeCount } from '../postgres-store-changes';
import { readOnlyDataVersion } from '../read-only-store';

/**
 * A value that changes whenever another process commits to the store (an ingest, a reparse), so cached API
 * answers can be keyed by it. SQLite: `PRAGMA data_version` (per connection, bumps on others' commits).
 * PostgreSQL: the commits its change feed has counted (postgres-store-changes.ts) while it can vouch for them;
 * otherwise the highest case and ingest-error ids (a replaced letter gets new ids) and the latest run's counters.
 */
export async function readStoreVersion(db: Db, dialect: SqlDialect): Promise<string> {
  const known = storeVersionWithoutQuery(db, dialect);
  if (known !== undefined) return known;
  if (dialect === 'sqlite') {
    // Without the camelCase plugin: it would rename the pragma's data_version column.
    const { rows } = await sql<{ data_version: number }>`pragma data_version`.execute(db.withoutPlugins());
    return `s${rows[0]?.data_version ?? 0}`;
  }
  // Index lookups only: this runs on every cached request, and count(*) over millions of cases would not be
  // cheap. Every write path inserts (a replaced letter gets new ids) and advances its ingest run's counters.
  const { rows } = await sql<{ c: number | null; e: number | null; r: string | null }>`
    select (select max(id) from cases) as c, (select max(id) from ingest_errors) as e,
           (select concat_ws(':', id, files_seen, stored, updated, rejected) from ingest_runs
              order by id desc limit 1) as r`.execute(db);
  const row = rows[0];
  return `p${row?.c ?? 0}.${row?.e ?? 0}.${row?.r ?? ''}`;
}

/** Readiness: the store answers a trivial query. */
export async function pingStore(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * readStoreVersion's answer when it costs no statement: a read-only SQLite store's data version, or the commits a
 * PostgreSQL store's change feed has counted while it can vouch for them; otherwise undefined.
 */
export function storeVersionWithoutQuery(db: Db, dialect: SqlDialect): string | undefined {
  if (dialect === 'sqlite') {
    const version = readOnlyDataVersion(db);
    return version === undefined ? undefined : `s${version}`;
  }
  const notified = postgresStoreChangeCount(db);
  return notified === undefined ? undefined : `n${notified}`;
}
