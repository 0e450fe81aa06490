import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { describeEachBackend } from '../test-support/test-store';
import {
  isPostgresTarget,
  NEW_STORE_PAGE_SIZE,
  openDatabase,
  openStore,
  redactTarget,
  refreshPlannerStatistics,
  resolveDbTarget,
  type Store,
} from './client';
import { boundedTwin } from './read-marks';

function run(startedAt: string, stored: number) {
  return {
    startedAt,
    parserVersion: '1',
    filesSeen: stored,
    stored,
    alreadyPresent: 0,
    updated: 0,
    rejected: 0,
  };
}

async function tableNames(store: Store): Promise<string[]> {
  const query =
    store.dialect === 'postgres'
      ? sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() order by table_name`
      : sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`;
  return (await query.execute(store.db)).rows.map((r) => r.name);
}

describeEachBackend('openStore', (backend) => {
  it('migrates an empty database to the latest schema, with full-text search', async () => {
    const store = await backend.open();
    const names = await tableNames(store);
    for (const t of [
      'cases',
      'items',
      'citations',
      'guidelines',
      'reviewers',
      'documents',
      'ingest_errors',
      'item_search',
      'case_search',
    ]) {
      expect(names).toContain(t);
    }
    // Both dialects give items the same columns (no tsvector column on PostgreSQL).
    const columns =
      store.dialect === 'postgres'
        ? sql<{ name: string }>`select column_name as name from information_schema.columns
            where table_schema = current_schema() and table_name = 'items' order by ordinal_position`
        : sql<{ name: string }>`select name from pragma_table_info('items') order by cid`;
    const itemColumns = (await columns.execute(store.db)).rows.map((c) => c.name);
    expect(itemColumns).toContain('rationale');
    expect(itemColumns).not.toContain('search');
    await store.close();
  });

  it('returns counts, sums and averages as numbers', async () => {
    const store = await backend.open();
    await store.db
      .insertInto('ingestRuns')
      .values([run('a', 2), run('b', 3)])
      .execute();
    const row = await store.db
      .selectFrom('ingestRuns')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('stored').as('total'),
        eb.fn.avg<number>('stored').as('mean'),
      ])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ n: 2, total: 5, mean: 2.5 });
    await store.close();
  });

  it.runIf(backend.dialect === 'postgres')(
    'cancels a read-only statement that runs past its timeout',
    async () => {
      const target = await backend.freshTarget();
      const store = await openStore(target, { readonly: true, statementTimeoutMs: 200 });
      await expect(sql`select pg_sleep(2)`.execute(store.db)).rejects.toThrow(/statement timeout/);
      expect((await sql<{ ok: number }>`select 1 as ok`.execute(store.db)).rows).toEqual([{ ok: 1 }]);
      await store.close();
    },
  );

  it.runIf(backend.dialect === 'postgres')(
    'lets several processes create and migrate one schema at once',
    async () => {
      const target = backend.unmigratedTarget!();
      const stores = await Promise.all([1, 2, 3, 4].map(() => openStore(target, { poolMax: 1 })));
      const applied = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(
        stores[0]!.db,
      );
      expect(applied.rows[0]?.n).toBeGreaterThan(0);
      await Promise.all(stores.map((s) => s.close()));
    },
  );

  it('refreshes the planner statistics of its own tables after a write run', async () => {
    const store = await backend.open();
    await store.db
      .insertInto('ingestRuns')
      .values([run('a', 2), run('b', 3)])
      .execute();
    await refreshPlannerStatistics(store.db, store.dialect);
    if (store.dialect === 'postgres') {
      const analyzed = await sql<{ n: number }>`select count(*) as n from pg_stat_user_tables
        where schemaname = current_schema() and relname = 'ingest_runs' and last_analyze is not null`.execute(
        store.db,
      );
      expect(analyzed.rows[0]?.n).toBe(1);
    }
    await store.close();
  });

  it("gives a read-only store's rows the writer's keys and values, typed and raw", async () => {
    const target = await backend.freshTarget();
    const writer = await openStore(target);
    const reader = await openStore(target, { readonly: true });
    try {
      await writer.db
        .insertInto('ingestRuns')
        .values([run('2026-01-01', 3), run('2026-01-02', 5)])
        .execute();
      const typed = (store: typeof writer) =>
        store.db.selectFrom('ingestRuns').selectAll().orderBy('id').execute();
      const raw = sql<
        Record<string, unknown>
      >`select started_at, files_seen as files_seen_total, null as no_value, 1 as x from ingest_runs order by id`;
      const expected = await typed(writer);
      expect(Object.keys(expected[0]!)).toContain('parserVersion');
      expect(await typed(reader)).toEqual(expected);
      expect(Object.keys((await typed(reader))[0]!)).toEqual(Object.keys(expected[0]!));
      expect((await raw.execute(reader.db)).rows).toEqual((await raw.execute(writer.db)).rows);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('gives PostgreSQL searches room to sort in memory on a read-only store only', async () => {
    if (backend.dialect !== 'postgres') return;
    const target = await backend.freshTarget();
    const workMem = async (readonly: boolean) => {
      const store = await openStore(target, { readonly });
      try {
        return (await sql<{ workMem: string }>`show work_mem`.execute(store.db)).rows[0]?.workMem;
      } finally {
        await store.close();
      }
    };
    expect(await workMem(true)).toBe('32MB');
    expect(await workMem(false)).not.toBe('32MB');
  });

  it('refuses writes when opened read-only', async () => {
    const store = await backend.open({ readonly: true });
    await expect(store.db.insertInto('ingestRuns').values(run('a', 1)).execute()).rejects.toThrow();
    await store.close();
  });
});

describe('openDatabase', () => {
  it('opens a store another connection holds in a rollback journal mid-batch, once that batch ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-journal-'));
    try {
      const path = join(dir, 'store.db');
      await (await openStore(path)).close();
      // What a bulk load into an empty store does (loadWithoutWal), then a batch left open.
      const loader = new SQLite(path);
      loader.pragma('journal_mode = TRUNCATE');
      loader.exec('begin immediate');
      loader.exec("insert into deferred_schema values ('x', 0, 'select 1', 1, 'now')");
      setTimeout(() => loader.exec('rollback'), 300);
      const started = Date.now();
      const store = await openStore(path);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(String(store.sqlite?.pragma('journal_mode', { simple: true }))).toBe('wal');
      await store.close();
      loader.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps opening SQLite by path, with the raw handle', async () => {
    const { db, sqlite, close } = await openDatabase({ path: ':memory:' });
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(await db.selectFrom('cases').select('id').execute()).toEqual([]);
    await close();
  });

  it("gives a read-only store's rows the writer's camelCase keys and values, from the pool and the main thread", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-rows-'));
    try {
      const path = join(dir, 'imr.db');
      const writer = await openDatabase({ path });
      await writer.db
        .insertInto('ingestRuns')
        .values([run('2026-01-01', 3), run('2026-01-02', 5)])
        .execute();
      const table = () => writer.db.selectFrom('ingestRuns').selectAll().orderBy('id');
      const raw = sql<
        Record<string, unknown>
      >`select started_at, files_seen as files_seen_total, 1 as x from ingest_runs order by id`;
      const expected = { rows: await table().execute(), raw: (await raw.execute(writer.db)).rows };
      await writer.close();
      expect(Object.keys(expected.rows[0]!)).toContain('parserVersion');
      const reader = await openDatabase({ path, readonly: true, readWorkers: 1 });
      try {
        const read = () => reader.db.selectFrom('ingestRuns').selectAll().orderBy('id').execute();
        expect(await read()).toEqual(expected.rows);
        expect((await raw.execute(reader.db)).rows).toEqual(expected.raw);
        // A bounded lookup runs on the main thread's connection, not in the pool.
        const bounded = () =>
          boundedTwin(reader.db).selectFrom('ingestRuns').selectAll().orderBy('id').execute();
        expect(await bounded()).toEqual(expected.rows);
        expect(Object.keys((await bounded())[0]!)).toEqual(Object.keys(expected.rows[0]!));
      } finally {
        await reader.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('creates a new store with 16 KB pages and leaves an existing store its own page size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-pages-'));
    try {
      const fresh = await openDatabase({ path: join(dir, 'new.db') });
      expect(fresh.sqlite.pragma('page_size', { simple: true })).toBe(NEW_STORE_PAGE_SIZE);
      await fresh.close();
      // A store written before 16 KB pages: made here with SQLite's default 4 KB.
      const olderPath = join(dir, 'older.db');
      const older = new SQLite(olderPath);
      older.pragma('journal_mode = WAL');
      older.exec('create table kept (x integer)');
      older.close();
      const reopened = await openDatabase({ path: olderPath });
      expect(reopened.sqlite.pragma('page_size', { simple: true })).toBe(4096);
      await reopened.db.insertInto('ingestRuns').values(run('2026-01-03', 1)).execute();
      expect(await reopened.db.selectFrom('ingestRuns').select('stored').execute()).toEqual([{ stored: 1 }]);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends the read pool of a read-only store closed before any query ran', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-close-'));
    try {
      const path = join(dir, 'imr.db');
      await (await openDatabase({ path })).close();
      const readerPids = () => {
        const { stdout } = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], {
          encoding: 'utf8',
        });
        return stdout
          .split('\n')
          .filter((line) => line.includes('sqlite-read-worker') && line.includes(path))
          .map((line) => Number(line.trim().split(/\s+/)[0]));
      };
      const reader = await openDatabase({ path, readonly: true, readWorkers: 2 });
      const workers = readerPids();
      expect(workers).toHaveLength(2);
      await reader.close();
      for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('store targets', () => {
  it('tells PostgreSQL URLs from SQLite paths', () => {
    expect(isPostgresTarget('postgres://u@h/db')).toBe(true);
    expect(isPostgresTarget('postgresql://u@h/db')).toBe(true);
    expect(isPostgresTarget('data/imr.db')).toBe(false);
    expect(isPostgresTarget(':memory:')).toBe(false);
  });

  it('prefers --db, then DATABASE_URL, then the default file', () => {
    const saved = process.env.DATABASE_URL;
    try {
      process.env.DATABASE_URL = 'postgres://x@h/db';
      expect(resolveDbTarget('a.db')).toBe('a.db');
      expect(resolveDbTarget(undefined)).toBe('postgres://x@h/db');
      delete process.env.DATABASE_URL;
      expect(resolveDbTarget(undefined)).toBe('./data/imr.db');
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });

  it('names an unreachable server without its password', async () => {
    const target = 'postgres://imr:s3cret@127.0.0.1:1/imr';
    expect(redactTarget(target)).toBe('postgres://imr:***@127.0.0.1:1/imr');
    const error = await openStore(target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^cannot connect to PostgreSQL at postgres:\/\/imr:\*\*\*@127\.0\.0\.1:1/,
    );
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('names IMR_PG_PREPARED_STATEMENTS and its value when it is neither on nor off', async () => {
    vi.stubEnv('IMR_PG_PREPARED_STATEMENTS', 'yes');
    try {
      await expect(openStore('postgres://u@127.0.0.1:1/db', { readonly: true })).rejects.toThrow(
        'IMR_PG_PREPARED_STATEMENTS must be on or off, got "yes"',
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('rejects a schema name that is not a plain identifier', async () => {
    await expect(openStore('postgres://u@127.0.0.1:1/db?schema=a;drop')).rejects.toThrow(
      /invalid PostgreSQL schema name/,
    );
  });
});
