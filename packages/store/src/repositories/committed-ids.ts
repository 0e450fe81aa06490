// Ids of reviewer profiles and guidelines a writer has looked up or inserted, kept between its transactions: a
// large ingest meets the same profiles and guidelines again and again, and looked each one up once a batch. An
// id learnt inside a transaction is only pending until that transaction commits (a rolled-back insert's id names
// nothing, or later another row); the writer that owns the transaction says which way it went.

/** Entries kept at most, of each kind: past this the memo starts over, so memory stays bounded. */
const MAX_ENTRIES = 200_000;

export type IdKind = 'reviewer' | 'guideline';

class KindIds {
  committed = new Map<string, number>();
  pending = new Map<string, number>();
}

export class CommittedIds {
  private readonly kinds: Record<IdKind, KindIds> = { reviewer: new KindIds(), guideline: new KindIds() };

  get(kind: IdKind, key: string): number | undefined {
    const ids = this.kinds[kind];
    return ids.committed.get(key) ?? ids.pending.get(key);
  }

  /** An id learnt in the running transaction. */
  set(kind: IdKind, key: string, id: number): void {
    this.kinds[kind].pending.set(key, id);
  }

  /** The running transaction committed: its ids are kept. */
  commit(): void {
    for (const ids of Object.values(this.kinds)) {
      if (ids.pending.size === 0) continue;
      if (ids.committed.size + ids.pending.size > MAX_ENTRIES) ids.committed.clear();
      for (const [key, id] of ids.pending) ids.committed.set(key, id);
      ids.pending = new Map();
    }
  }

  /** The running transaction rolled back: its ids are forgotten. */
  rollback(): void {
    for (const ids of Object.values(this.kinds)) ids.pending = new Map();
  }
}
