import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from './client';
import { withReadMarks } from './read-marks';
import { StatementTimeoutError } from './statement-deadline';

// A query that never ends on its own: only ending the process that runs it stops it.
const ENDLESS = sql<{ n: number }>`with recursive c(x) as (select 1 union all select x + 1 from c)
  select count(*) as n from c`;
const BOUNDED = sql<{
  n: number;
}>`with recursive c(x) as (select 1 union all select x + 1 from c limit 200000)
  select count(*) as n from c`;

describe('statement deadline on a read-only SQLite store (read pool)', () => {
  let dir: string;
  let reader: Store;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'imr-deadline-'));
    const path = join(dir, 'imr.db');
    const writer = await openStore(path);
    await writer.close();
    // One worker: the statement after the endless one must run on its replacement.
    reader = await openStore(path, { readonly: true, readWorkers: 1 });
  });

  afterAll(async () => {
    await reader.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends an endless statement at the deadline with its worker, and the store goes on answering', async () => {
    const started = performance.now();
    await expect(
      ENDLESS.execute(withReadMarks(reader.db, { deadline: performance.now() + 100 })),
    ).rejects.toBeInstanceOf(StatementTimeoutError);
    // Generous bound: the point is that it ends at all (the statement alone would run forever).
    expect(performance.now() - started).toBeLessThan(5_000);
    const { rows } = await BOUNDED.execute(reader.db);
    expect(Number(rows[0]?.n)).toBe(200_000);
  });

  it('refuses to start a statement once the deadline has passed', async () => {
    await expect(
      sql`select 1`.execute(withReadMarks(reader.db, { deadline: performance.now() - 1 })),
    ).rejects.toThrow(/time limit passed before this statement started/);
  });

  it('leaves work outside any deadline unlimited, and a deadline does not leak into later work', async () => {
    await BOUNDED.execute(withReadMarks(reader.db, { deadline: performance.now() + 60_000 }));
    const { rows } = await BOUNDED.execute(reader.db);
    expect(Number(rows[0]?.n)).toBe(200_000);
  });
});
