import { Worker } from 'node:worker_threads';
import type { AsideSearchTable } from './search-table-aside';
import { workerThreadEntry } from './worker-thread-entry';

// Runs one aside build (search-aside-worker.ts) on a thread of its own and says when it is done.

export interface SearchAsideJob {
  storePath: string;
  asidePath: string;
  table: AsideSearchTable;
  /** FTS5's pending-terms buffer for the build: larger means fewer segments to merge. */
  hashsize: number;
}

/** The scratch file a table is built in, beside the store (same disk, and found again after a crash). */
export function asidePathOf(storePath: string, table: string): string {
  return `${storePath}-${table}.building`;
}

/**
 * Builds `job.table` into `job.asidePath`, which must be empty (the caller has it attached, so it is not replaced
 * here); resolves with the rows indexed.
 */
export function buildSearchTableAside(job: SearchAsideJob): Promise<number> {
  const { url, entry } = workerThreadEntry('search-aside-worker');
  return new Promise((resolve, reject) => {
    let rows: number | null = null;
    const fail = (reason: string) =>
      reject(new Error(`building ${job.table.table} in ${job.asidePath} failed: ${reason}`));
    const worker = new Worker(url, { workerData: { ...job, entry } });
    worker.on('message', (message: { rows: number } | { error: string }) => {
      if ('error' in message) fail(message.error);
      else rows = message.rows;
    });
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => {
      if (rows !== null) resolve(rows);
      else reject(new Error(`building ${job.table.table} in ${job.asidePath}: the worker exited (${code})`));
    });
  });
}
