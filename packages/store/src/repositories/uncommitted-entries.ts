// What a writer learnt inside its open transaction (an id it inserted, the case it wrote under a key), kept
// apart from what committed transactions taught it until its own transaction ends. A transaction may hold several
// written batches, each in a savepoint: a batch rolled back to its savepoint forgets only its own entries, a
// transaction rolled back forgets them all, and a commit hands them all over to be kept.

export class UncommittedEntries<V> {
  /** Entries of the savepoint running now. */
  private running = new Map<string, V>();
  /** Entries of the savepoints already released in the open transaction. */
  private released = new Map<string, V>();

  get(key: string): V | undefined {
    return this.running.get(key) ?? this.released.get(key);
  }

  set(key: string, value: V): void {
    this.running.set(key, value);
  }

  /** The running savepoint was released: its entries stand as long as the transaction does. */
  releaseSavepoint(): void {
    if (this.running.size === 0) return;
    if (this.released.size === 0) this.released = this.running;
    else for (const [key, value] of this.running) this.released.set(key, value);
    this.running = new Map();
  }

  /** The running savepoint was rolled back: its entries name nothing. */
  rollbackSavepoint(): void {
    if (this.running.size > 0) this.running = new Map();
  }

  /** The transaction committed: its entries, oldest first (a later entry for a key wins), forgotten here. */
  commit(): Map<string, V>[] {
    const committed = [this.released, this.running].filter((entries) => entries.size > 0);
    this.rollback();
    return committed;
  }

  /** The transaction rolled back: every entry names nothing. */
  rollback(): void {
    if (this.running.size > 0) this.running = new Map();
    if (this.released.size > 0) this.released = new Map();
  }
}
