import { mkdtempSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteReadPool } from './sqlite-read-pool';
import { StatementTimeoutError } from './statement-deadline';

const ENDLESS = 'with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) as n from c';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = performance.now() + ms;
  while (!condition() && performance.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
}

describe('the read pool of a SQLite store', () => {
  let dir: string;
  let path: string;
  let pool: SqliteReadPool;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'imr-read-pool-'));
    path = join(dir, 'store.db');
    const db = new SQLite(path);
    db.pragma('journal_mode = WAL');
    db.exec("create table t (id integer primary key, data blob); insert into t values (1, x'00ff10')");
    db.close();
    pool = new SqliteReadPool({ path, size: 1 });
    await pool.started();
  });

  afterAll(async () => {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns rows, blobs as Buffers', async () => {
    const { rows } = await pool.run('select id, data from t where id = ?', [1]);
    expect(rows).toHaveLength(1);
    const data = rows[0]?.data;
    expect(Buffer.isBuffer(data)).toBe(true);
    expect([...(data as Buffer)]).toEqual([0x00, 0xff, 0x10]);
  });

  it('keys rows by columnKey, the later of two same-named columns winning as in better-sqlite3', async () => {
    const keyed = new SqliteReadPool({ path, size: 1, columnKey: (column) => column.toUpperCase() });
    try {
      await keyed.started();
      const { rows } = await keyed.run('select id as the_id, data, 1 as x, 2 as x from t', []);
      expect(Object.keys(rows[0]!)).toEqual(['THE_ID', 'DATA', 'X']);
      expect(rows[0]).toMatchObject({ THE_ID: 1, X: 2 });
      expect(Buffer.isBuffer(rows[0]?.DATA)).toBe(true);
    } finally {
      await keyed.close();
    }
  });

  it('carries blob parameters as bytes, and a column of blobs and text cell by cell', async () => {
    const { rows } = await pool.run('select id from t where data = ?', [Buffer.from([0x00, 0xff, 0x10])]);
    expect(rows).toEqual([{ id: 1 }]);
    const mixed = await pool.run(
      "select data as v from t union all select 'AAAA' union all select x'' union all select null",
      [],
    );
    const values = mixed.rows.map((row) => row.v);
    expect(Buffer.isBuffer(values[0])).toBe(true);
    expect([...(values[0] as Buffer)]).toEqual([0x00, 0xff, 0x10]);
    expect(values[1]).toBe('AAAA');
    expect(Buffer.isBuffer(values[2])).toBe(true);
    expect((values[2] as Buffer).length).toBe(0);
    expect(values[3]).toBeNull();
  });

  it('refuses a bigint parameter by name instead of losing it', async () => {
    await expect(pool.run('select ? as v', [1n])).rejects.toThrow(/parameter 1 is a bigint/);
  });

  it("passes SQLite's errors on with their code", async () => {
    await expect(pool.run('select * from missing', [])).rejects.toMatchObject({
      code: 'SQLITE_ERROR',
      message: expect.stringMatching(/no such table: missing/),
    });
  });

  it('cannot write: every worker connection is read-only', async () => {
    await expect(pool.run('insert into t (id) values (2)', [])).rejects.toMatchObject({
      code: 'SQLITE_READONLY',
    });
  });

  it("runs its workers below the server's priority, so a long statement never takes the event loop's core", () => {
    const pids = pool.workerPids();
    expect(pids.length).toBeGreaterThan(0);
    const server = getPriority(process.pid);
    // A process already at the lowest priority cannot go lower; anywhere else the workers are nicer.
    for (const pid of pids) expect(getPriority(pid)).toBe(Math.min(19, server + 10));
  });

  it('ends a statement past its deadline by killing its worker process, and a fresh one answers', async () => {
    const [before] = pool.workerPids();
    if (before === undefined) throw new Error('no worker');
    await expect(pool.run(ENDLESS, [], performance.now() + 200)).rejects.toBeInstanceOf(
      StatementTimeoutError,
    );
    // The process is gone, not merely abandoned: nothing keeps running the statement.
    expect(await until(() => !alive(before), 5_000)).toBe(true);
    expect(pool.workerPids()).not.toContain(before);
    const { rows } = await pool.run('select count(*) as n from t', []);
    expect(rows[0]?.n).toBe(1);
  });

  it('never starts a statement whose deadline passes while it waits for a worker', async () => {
    const running = pool.run(ENDLESS, [], performance.now() + 1_000);
    const waiting = pool.run('select 1 as one', [], performance.now() + 100);
    await expect(waiting).rejects.toThrow(/time limit passed before this statement started/);
    await expect(running).rejects.toBeInstanceOf(StatementTimeoutError);
  });

  it("sends an operation's statements of one turn in one message, each with its own answer", async () => {
    const deadline = performance.now() + 10_000;
    const before = pool.traffic();
    const answers = await Promise.all([
      pool.run('select ? as n', [1], deadline),
      pool.run('select * from missing', [], deadline).catch((error: Error) => error.message),
      pool.run('select ? as n', [3], deadline),
    ]);
    expect(answers[0]).toEqual({ rows: [{ n: 1 }] });
    expect(answers[1]).toMatch(/no such table: missing/);
    expect(answers[2]).toEqual({ rows: [{ n: 3 }] });
    expect(pool.traffic()).toEqual({ statements: before.statements + 3, messages: before.messages + 1 });
  });

  it("never puts two operations' statements in one message: a statement past its deadline ends only its own", async () => {
    const before = pool.traffic();
    const slow = pool.run(ENDLESS, [], performance.now() + 300);
    const other = pool.run('select 2 as n', [], performance.now() + 10_000);
    await expect(slow).rejects.toBeInstanceOf(StatementTimeoutError);
    await expect(other).resolves.toEqual({ rows: [{ n: 2 }] });
    expect(pool.traffic()).toEqual({ statements: before.statements + 2, messages: before.messages + 2 });
  });

  it('says which store it cannot open', async () => {
    const missing = new SqliteReadPool({ path: join(dir, 'missing.db'), size: 1 });
    await expect(missing.started()).rejects.toThrow(/cannot open the store for reading/);
    await missing.close();
  });
});
