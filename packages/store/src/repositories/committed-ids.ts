// Ids of reviewer profiles and guidelines a writer has looked up or inserted, kept between its transactions: a
// large ingest meets the same profiles and guidelines again and again, and looked each one up once a batch. An
// id learnt inside a transaction is only pending until that transaction commits (a rolled-back insert's id names
// nothing, or later another row); the writer that owns the transaction says which way it went, and which way
// each savepoint of it went (uncommitted-entries.ts).

import { UncommittedEntries } from './uncommitted-entries';

/** Entries kept at most, of each kind: past this the memo starts over, so memory stays bounded. */
const MAX_ENTRIES = 200_000;

export type IdKind = 'reviewer' | 'guideline';

class KindIds {
  committed = new Map<string, number>();
  readonly uncommitted = new UncommittedEntries<number>();
}

export class CommittedIds {
  private readonly kinds: Record<IdKind, KindIds> = { reviewer: new KindIds(), guideline: new KindIds() };

  get(kind: IdKind, key: string): number | undefined {
    const ids = this.kinds[kind];
    return ids.committed.get(key) ?? ids.uncommitted.get(key);
  }

  /** An id learnt in the running transaction. */
  set(kind: IdKind, key: string, id: number): void {
    this.kinds[kind].uncommitted.set(key, id);
  }

  /** The running savepoint was released: its ids stand as long as the transaction does. */
  releaseSavepoint(): void {
    for (const ids of Object.values(this.kinds)) ids.uncommitted.releaseSavepoint();
  }

  /** The running savepoint was rolled back: its ids are forgotten. */
  rollbackSavepoint(): void {
    for (const ids of Object.values(this.kinds)) ids.uncommitted.rollbackSavepoint();
  }

  /** The running transaction committed: its ids are kept. */
  commit(): void {
    for (const ids of Object.values(this.kinds)) {
      for (const entries of ids.uncommitted.commit()) {
        if (ids.committed.size + entries.size > MAX_ENTRIES) ids.committed.clear();
        for (const [key, id] of entries) ids.committed.set(key, id);
      }
    }
  }

  /** The running transaction rolled back: its ids are forgotten. */
  rollback(): void {
    for (const ids of Object.values(this.kinds)) ids.uncommitted.rollback();
  }
}
