import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';

describe('openDatabase', () => {
  it('migrates an empty database to the latest schema, with FTS5', async () => {
    const { db, close } = await openDatabase({ path: ':memory:' });
    const tables = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' order by name`.execute(db);
    const names = tables.rows.map((r) => r.name);
    for (const t of [
      'cases',
      'items',
      'citations',
      'guidelines',
      'reviewers',
      'documents',
      'ingest_errors',
      'item_search',
    ]) {
      expect(names).toContain(t);
    }
    await close();
  });
});
