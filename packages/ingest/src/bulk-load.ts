import { openStore, type Store } from '@imr/store/client';
import { beginBulkLoad, finishBulkLoad, pendingBulkLoad } from '@imr/store/repositories/bulk-load.repository';
import { type LetterKeySettlement, nothingSettled } from '@imr/store/repositories/letter-key-dedupe';

// Who may finish a bulk load: its own run when it ends, or a later writer once the process that began it is gone
// (killed mid-run). A bulk load whose owner still runs (another ingest process) is left to it.

let ownedHere = 0;

function isAlive(pid: number): boolean {
  if (pid === process.pid) return ownedHere > 0;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Begins a bulk load owned by this process when the store is a new (small) SQLite store; true when it did. */
export function startBulkLoad(store: Store): boolean {
  if (!store.sqlite) return false;
  const began = beginBulkLoad(store.sqlite, process.pid, new Date().toISOString());
  if (began) ownedHere++;
  return began;
}

/** Builds what this process's bulk load deferred; returns the letters its finish did not keep. */
export async function endBulkLoad(store: Store): Promise<LetterKeySettlement> {
  if (!store.sqlite) return nothingSettled();
  try {
    return (await finishBulkLoad(store.sqlite)).settled;
  } finally {
    ownedHere--;
  }
}

/**
 * Finishes a bulk load left by a process that is gone (indexes, full-text tables, triggers); `onStart` hears
 * before the work starts (minutes on a large store). True when there was one to finish.
 */
export async function finishInterruptedBulkLoad(
  store: Store,
  onStart?: (message: string) => void,
): Promise<boolean> {
  if (!store.sqlite) return false;
  const pending = pendingBulkLoad(store.sqlite);
  if (!pending || isAlive(pending.ownerPid)) return false;
  onStart?.(
    `finishing a bulk load interrupted at ${pending.deferredAt} (process ${pending.ownerPid}): building ${pending.statements} indexes, full-text tables and triggers`,
  );
  await finishBulkLoad(store.sqlite);
  return true;
}

/**
 * The server's check before it opens a SQLite store read-only: a bulk load left by a killed ingest is finished
 * first (with a writable connection), so the API never serves a store without its indexes. One still running in
 * another process is only reported.
 */
export async function finishInterruptedBulkLoadAt(
  path: string,
  log: (message: string) => void,
): Promise<void> {
  const reader = await openStore(path, { readonly: true });
  let pending: ReturnType<typeof pendingBulkLoad>;
  try {
    pending = pendingBulkLoad(reader.sqlite!);
  } finally {
    await reader.close();
  }
  if (!pending) return;
  if (isAlive(pending.ownerPid)) {
    log(
      `an ingest (process ${pending.ownerPid}) is bulk loading this store: indexes and full-text search are built when it ends`,
    );
    return;
  }
  const writer = await openStore(path);
  try {
    await finishInterruptedBulkLoad(writer, log);
  } finally {
    await writer.close();
  }
}
