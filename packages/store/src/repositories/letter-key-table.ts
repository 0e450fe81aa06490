// The letters a bulk load into an empty store has written, by key. That load defers the unique index on
// cases.letter_key (bulk-load.repository.ts), so this is how it finds a letter met again: written twice, one of
// them would be deleted at the finish, and at two million generated letters (15 % share a case number) those
// scattered deletes rewrote most of the store (the finish took 9 min instead of 4.7). A letter that loses to
// the one already written is now not written at all; one that wins replaces it at once (letter-batch-plan.ts).
//
// Compact, since it holds every letter of the load: a 52-bit hash of the key and the case id, in typed arrays
// (12 bytes a slot: 48 MB for up to 2.9 million letters; a Map of key strings holds an object per entry). A hit names a case to read
// back, and the caller compares that case's key, so a hash collision costs a look-up, never a wrong answer; a
// letter a collision hid would be written twice and kept once at the finish all the same (letter-key-dedupe.ts).
// Like CommittedIds, what a transaction learns is pending until the writer says it committed
// (uncommitted-entries.ts).

import { UncommittedEntries } from './uncommitted-entries';

const INITIAL_SLOTS = 1 << 16;
const MAX_LOAD = 0.7;

/** The key's 52-bit hash (two 32-bit FNV-1a with different offsets), as an exact integer in a double. */
function hashOf(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}

export class LetterKeyTable {
  private hashes = new Float64Array(INITIAL_SLOTS);
  /** 0: an empty slot (ids start at 1). */
  private caseIds = new Int32Array(INITIAL_SLOTS);
  private size = 0;
  private readonly uncommitted = new UncommittedEntries<number>();

  /** The case id last written under `key`, if any (to be confirmed by the case's own key). */
  get(key: string): number | undefined {
    const pending = this.uncommitted.get(key);
    if (pending !== undefined) return pending;
    const hash = hashOf(key);
    const mask = this.hashes.length - 1;
    for (let slot = hash % this.hashes.length; this.caseIds[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.hashes[slot] === hash) return this.caseIds[slot];
    }
    return undefined;
  }

  /** `key`'s letter was written as case `caseId` in the running transaction. */
  set(key: string, caseId: number): void {
    this.uncommitted.set(key, caseId);
  }

  /** The running savepoint was released. */
  releaseSavepoint(): void {
    this.uncommitted.releaseSavepoint();
  }

  /** The running savepoint was rolled back: what it wrote is gone. */
  rollbackSavepoint(): void {
    this.uncommitted.rollbackSavepoint();
  }

  /** The running transaction committed. */
  commit(): void {
    for (const entries of this.uncommitted.commit()) {
      for (const [key, caseId] of entries) this.put(hashOf(key), caseId);
    }
  }

  /** The running transaction rolled back: what it wrote is gone. */
  rollback(): void {
    this.uncommitted.rollback();
  }

  private put(hash: number, caseId: number): void {
    if (this.size + 1 > this.hashes.length * MAX_LOAD) this.grow();
    const mask = this.hashes.length - 1;
    let slot = hash % this.hashes.length;
    while (this.caseIds[slot] !== 0 && this.hashes[slot] !== hash) slot = (slot + 1) & mask;
    if (this.caseIds[slot] === 0) this.size++;
    this.hashes[slot] = hash;
    this.caseIds[slot] = caseId;
  }

  private grow(): void {
    const hashes = this.hashes;
    const caseIds = this.caseIds;
    this.hashes = new Float64Array(hashes.length * 2);
    this.caseIds = new Int32Array(hashes.length * 2);
    this.size = 0;
    for (let i = 0; i < hashes.length; i++) if (caseIds[i] !== 0) this.put(hashes[i]!, caseIds[i]!);
  }
}
