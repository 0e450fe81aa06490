import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@imr/store/client';
import { beginBulkLoad, pendingBulkLoad } from '@imr/store/repositories/bulk-load.repository';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
      expect(await finishInterruptedBulkLoad(store, (m) => notices.push(m))).toBe(true);
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
      expect(await finishInterruptedBulkLoad(store)).toBe(false);
    } finally {
      await store.close();
    }
  });
});
