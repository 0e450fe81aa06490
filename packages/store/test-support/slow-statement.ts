import { sql } from 'kysely';
import type { Store } from '../src/client';
import { withReadMarks } from '../src/read-marks';

/**
 * Holds the store busy with one statement for about `ms`: pg_sleep on PostgreSQL; on SQLite, which has no sleep,
 * an endless statement that the statement deadline ends (so a read pool's worker is killed at `ms`, as a real
 * runaway statement's would be).
 */
export async function runSlowStatement(store: Store, ms: number): Promise<void> {
  if (store.dialect === 'postgres') {
    await sql`select pg_sleep(${ms / 1000})`.execute(store.db);
    return;
  }
  const endless = sql`with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) as n from c`;
  await endless
    .execute(withReadMarks(store.db, { deadline: performance.now() + ms }))
    .catch((error: unknown) => {
      if ((error as { name?: unknown }).name !== 'StatementTimeoutError') throw error;
    });
}
