import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../db/client';
import { beginBulkLoad, pendingBulkLoad } from '../db/repositories/bulk-load.repository';
import { finishInterruptedBulkLoad, finishInterruptedBulkLoadAt } from './bulk-load';

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  if (!child.pid) throw new Error('could not start a child process');
  return child.pid;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'imr-bulk-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function storeWithBulkLoadBy(pid: number): Promise<string> {
  const path = join(dir, 'imr.db');
  const store = await openStore(path);
  beginBulkLoad(store.sqlite!, pid, '2026-12-01T00:00:00Z');
  await store.close();
  return path;
}

/**
 * What an ingest killed while committing a batch of a bulk load leaves: part of the batch written into the file
 * (a small page cache spills it early) and the rollback journal that undoes it. A child process, killed for real.
 */
function killMidCommit(path: string): void {
  const script = `
    const SQLite = require('better-sqlite3');
    const db = new SQLite(process.argv[1]);
    db.pragma('journal_mode = TRUNCATE');
    db.pragma('cache_size = 10');
    db.exec('begin immediate');
    const insert = db.prepare('insert into guidelines (source, name, topic) values (?, ?, ?)');
    for (let i = 0; i < 2000; i++) insert.run('MTUS', 'cut short ' + i, 'x'.repeat(400));
    process.kill(process.pid, 'SIGKILL');`;
  const child = spawnSync(process.execPath, ['-e', script, path], {
    cwd: join(import.meta.dirname, '../..'),
  });
  if (child.signal !== 'SIGKILL') throw new Error(`the child was not killed: ${child.stderr.toString()}`);
}

async function pendingAt(path: string) {
  const store = await openStore(path, { readonly: true });
  try {
    return pendingBulkLoad(store.sqlite!);
  } finally {
    await store.close();
  }
}

describe('an interrupted bulk load', () => {
  it('is finished by the next writer once its process is gone, saying so', async () => {
    const path = await storeWithBulkLoadBy(deadPid());
    const store = await openStore(path);
    const notices: string[] = [];
    try {
      expect(finishInterruptedBulkLoad(store, (m) => notices.push(m))).toBe(true);
      expect(pendingBulkLoad(store.sqlite!)).toBeNull();
    } finally {
      await store.close();
    }
    expect(notices).toEqual([
      expect.stringMatching(/^finishing a bulk load interrupted at 2026-12-01T00:00:00Z/),
    ]);
  });

  it('is finished before the server opens the store read-only', async () => {
    const path = await storeWithBulkLoadBy(deadPid());
    const log: string[] = [];
    await finishInterruptedBulkLoadAt(path, (m) => log.push(m));
    expect(await pendingAt(path)).toBeNull();
    expect(log).toHaveLength(1);
  });

  it('is left to its owner while that process runs', async () => {
    // The parent of this test process is alive and is not this process.
    const path = await storeWithBulkLoadBy(process.ppid);
    const log: string[] = [];
    await finishInterruptedBulkLoadAt(path, (m) => log.push(m));
    expect(await pendingAt(path)).toMatchObject({ ownerPid: process.ppid });
    expect(log).toEqual([expect.stringMatching(/is bulk loading this store/)]);
    const store = await openStore(path);
    try {
      expect(finishInterruptedBulkLoad(store)).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('is finished, and its batch cut short rolled back, when its process died mid-commit', async () => {
    const path = await storeWithBulkLoadBy(deadPid());
    killMidCommit(path);
    expect(existsSync(`${path}-journal`) && statSync(`${path}-journal`).size).toBeGreaterThan(0);
    const log: string[] = [];
    await finishInterruptedBulkLoadAt(path, (m) => log.push(m));
    expect(log).toEqual([expect.stringMatching(/^finishing a bulk load interrupted/)]);
    const store = await openStore(path, { readonly: true });
    try {
      expect(pendingBulkLoad(store.sqlite!)).toBeNull();
      expect(store.sqlite!.prepare('select count(*) as n from guidelines').get()).toEqual({ n: 0 });
    } finally {
      await store.close();
    }
  });
});
