import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WalCheckpointer } from './wal-checkpointer';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function walStore(): Database.Database {
  const dir = mkdtempSync(join(tmpdir(), 'imr-wal-'));
  dirs.push(dir);
  const db = new Database(join(dir, 'store.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 8192');
  db.exec('create table pages (id integer primary key, body blob)');
  return db;
}

/** Commits `transactions` transactions of `rows` rows of 4 KiB each. */
function fill(db: Database.Database, transactions: number, rows: number): void {
  const insert = db.prepare('insert into pages (body) values (?)');
  const body = Buffer.alloc(4000, 7);
  for (let t = 0; t < transactions; t++)
    db.transaction(() => {
      for (let r = 0; r < rows; r++) insert.run(body);
    })();
}

const walFrames = (db: Database.Database) => {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
  return row!;
};

describe('WalCheckpointer', () => {
  it('takes checkpoints off the writer while it runs, copies the whole log when stopped, then gives them back', async () => {
    const db = walStore();
    const checkpointer = WalCheckpointer.start(db, { intervalMs: 5 });
    expect(checkpointer).not.toBeNull();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    fill(db, 20, 50);
    const report = await checkpointer!.stop();
    expect(report).toMatchObject({ restarts: 0 });
    expect('framesCopied' in report && report.framesCopied).toBeGreaterThan(0);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(8192);
    // Everything committed is in the database file: nothing is left to copy.
    const left = walFrames(db);
    expect(left.checkpointed).toBe(left.log);
    expect((db.prepare('select count(*) as n from pages').get() as { n: number }).n).toBe(1000);
    db.close();
  });

  it('restarts a log that outgrows its limit, so the file stops growing', async () => {
    const db = walStore();
    const checkpointer = WalCheckpointer.start(db, { intervalMs: 1, restartFrames: 100 });
    await checkpointer!.ready;
    // One commit longer than the limit: the next round copies it and restarts the log.
    fill(db, 1, 150);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Waits between commits give the thread its turns: the log is written from its start again rather than
    // appended to for ever.
    for (let round = 0; round < 40; round++) {
      fill(db, 1, 60);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const report = await checkpointer!.stop();
    expect('restarts' in report && report.restarts).toBeGreaterThan(0);
    // 150 + 40 x 60 pages appended for ever would make 2,550 frames (about 10 MB).
    expect(statSync(`${db.name}-wal`).size).toBeLessThan(1_200 * 4_120);
    db.close();
  });

  it('gives up a restart a reader holds up, leaves restarting alone a while, and restarts once it has gone', async () => {
    const db = walStore();
    const checkpointer = WalCheckpointer.start(db, {
      intervalMs: 5,
      restartFrames: 100,
      restartBackoffMs: 2_000,
    });
    await checkpointer!.ready;
    fill(db, 1, 10);
    // A reader keeping a snapshot of the log: a restart would have to wait for it, holding the writer up.
    const reader = new Database(db.name, { readonly: true });
    reader.exec('begin');
    reader.prepare('select count(*) from pages').get();
    fill(db, 1, 150);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    reader.exec('commit');
    reader.close();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const report = await checkpointer!.stop();
    if ('error' in report) throw new Error(report.error);
    if (!('restarts' in report)) throw new Error('no report');
    // One wait of a second, then none for two: without the pause it would have waited again (and held the
    // writer up again) before the reader left.
    expect(report.restartsRefused).toBe(1);
    expect(report.restarts).toBeGreaterThanOrEqual(1);
    db.close();
  });

  it('is not started for a store without a file or a log', () => {
    const memory = new Database(':memory:');
    expect(WalCheckpointer.start(memory)).toBeNull();
    memory.close();
    const db = walStore();
    db.pragma('journal_mode = DELETE');
    expect(WalCheckpointer.start(db)).toBeNull();
    db.close();
  });

  it('stops once however often it is asked', async () => {
    const db = walStore();
    const checkpointer = WalCheckpointer.start(db)!;
    const [a, b] = await Promise.all([checkpointer.stop(), checkpointer.stop()]);
    expect(a).toBe(b);
    db.close();
  });
});
