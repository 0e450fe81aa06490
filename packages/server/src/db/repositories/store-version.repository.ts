import { sql } from 'kysely';
import type { Db, SqlDialect } from '../client';

/**
 * A value that changes whenever another process commits to the store (an ingest, a reparse), so cached API
 * answers can be keyed by it. SQLite: `PRAGMA data_version` (per connection, bumps on others' commits).
 * PostgreSQL: the highest case and ingest-error ids (a replaced letter gets new ids).
 */
export async function readStoreVersion(db: Db, dialect: SqlDialect): Promise<string> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ data_version: number }>`pragma data_version`.execute(db);
    return `s${rows[0]?.data_version ?? 0}`;
  }
  const { rows } = await sql<{ c: number | null; e: number | null; n: number }>`
    select (select max(id) from cases) as c, (select max(id) from ingest_errors) as e,
           (select count(*) from cases) as n`.execute(db);
  const row = rows[0];
  return `p${row?.c ?? 0}.${row?.e ?? 0}.${row?.n ?? 0}`;
}

/** Readiness: the store answers a trivial query. */
export async function pingStore(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
