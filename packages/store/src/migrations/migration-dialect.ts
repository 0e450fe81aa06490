import { type Kysely, PostgresAdapter } from 'kysely';

/** Whether a migration runs on PostgreSQL (else SQLite): the migrations that differ by dialect ask this. */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
