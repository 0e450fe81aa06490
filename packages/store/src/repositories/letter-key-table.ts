import type { StoredLetter } from './letter-batch-plan';

// The letters a bulk load into an empty store has written, by key. That load defers the unique index on
// cases.letter_key (bulk-load.repository.ts), so this is how it finds a letter met again: written twice, one of
// them would be deleted at the finish, and at two million generated letters (15 % share a case number) those
// scattered deletes rewrote most of the store (the finish took 9 min instead of 4.7). A letter that loses to
// the one already written is now not written at all; one that wins replaces it at once (letter-batch-plan.ts).
//
// It holds what the batch plan compares (ids, decision date, text hash, parser version) and the key itself, so a
// letter met again is decided here, exactly, without reading its case back: at two million letters those reads
// (a case and a document page each, long since out of SQLite's cache and often out of the operating system's)
// took 173 s of the writer's thread for the 305,000 letters met again.
//
// Compact, since it holds every letter of the load: open addressing over a 52-bit hash of the key (12 bytes a
// slot), and per letter typed arrays (the text hash as 32 bytes, the date as a number, the key's UTF-8 bytes):
// about 100 bytes a letter, where a Map of objects costs several times that. A letter whose date or hash is
// not in the usual form is kept whole beside them. Like CommittedIds, what a transaction learns is pending
// until the writer says it committed.

const INITIAL_SLOTS = 1 << 16;
const MAX_LOAD = 0.7;
const INITIAL_LETTERS = 1 << 12;
const SHA256_BYTES = 32;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** `decisions` value of a letter without a decision date. */
const NO_DATE = 0;
/** `decisions` value of a letter kept whole in `unusual`. */
const UNUSUAL = -1;
const MAX_KEY_BYTES = 0xffff;

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

/** 2016-05-12 as 20160512, or null when the date is not in that form. */
function dateNumberOf(date: string): number | null {
  const match = ISO_DATE.exec(date);
  return match ? Number(match[1]) * 10_000 + Number(match[2]) * 100 + Number(match[3]) : null;
}

function dateOfNumber(value: number): string {
  const year = Math.floor(value / 10_000);
  const month = Math.floor(value / 100) % 100;
  const day = value % 100;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function grown<T extends Int32Array | Uint16Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(length);
  bigger.set(array);
  return bigger;
}

function grownBuffer(buffer: Buffer, length: number): Buffer<ArrayBuffer> {
  const bigger = Buffer.alloc(length);
  buffer.copy(bigger);
  return bigger;
}

export class LetterKeyTable {
  private slotHashes = new Float64Array(INITIAL_SLOTS);
  /** The letter in each slot, plus one (0: an empty slot). */
  private slotLetters = new Int32Array(INITIAL_SLOTS);
  private letters = 0;
  private caseIds = new Int32Array(INITIAL_LETTERS);
  private documentIds = new Int32Array(INITIAL_LETTERS);
  private decisions = new Int32Array(INITIAL_LETTERS);
  private versions = new Uint16Array(INITIAL_LETTERS);
  private sha256s = Buffer.alloc(INITIAL_LETTERS * SHA256_BYTES);
  private keyStarts = new Int32Array(INITIAL_LETTERS);
  private keyLengths = new Uint16Array(INITIAL_LETTERS);
  private keyBytes = Buffer.alloc(INITIAL_LETTERS * 16);
  private keyBytesUsed = 0;
  private scratch = Buffer.alloc(256);
  private readonly versionNames: string[] = [];
  private readonly versionNumbers = new Map<string, number>();
  private readonly unusual = new Map<number, StoredLetter>();
  private pending = new Map<string, StoredLetter>();

  /** `hash` is the key's hash; tests pass one that collides. */
  constructor(private readonly hash: (key: string) => number = hashOf) {}

  /** The letter last written under `key`, if any. */
  get(key: string): StoredLetter | undefined {
    const pending = this.pending.get(key);
    if (pending !== undefined) return pending;
    const letter = this.find(key, this.hash(key));
    return letter === -1 ? undefined : this.letterAt(letter);
  }

  /** `key`'s letter was written as `letter` in the running transaction. */
  set(key: string, letter: StoredLetter): void {
    this.pending.set(key, letter);
  }

  /** The running transaction committed. */
  commit(): void {
    for (const [key, letter] of this.pending) this.put(key, letter);
    this.pending = new Map();
  }

  /** The running transaction rolled back: what it wrote is gone. */
  rollback(): void {
    this.pending = new Map();
  }

  /** The letter stored under `key` (its index), or -1. */
  private find(key: string, hash: number): number {
    const mask = this.slotHashes.length - 1;
    let length = -1;
    for (let slot = hash % this.slotHashes.length; this.slotLetters[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.slotHashes[slot] !== hash) continue;
      const letter = this.slotLetters[slot]! - 1;
      if (length === -1) length = this.encodeKey(key);
      const start = this.keyStarts[letter]!;
      if (
        this.keyLengths[letter] === length &&
        this.keyBytes.compare(this.scratch, 0, length, start, start + length) === 0
      ) {
        return letter;
      }
    }
    return -1;
  }

  /** Writes `key` as UTF-8 into `scratch`; returns its length in bytes. */
  private encodeKey(key: string): number {
    const length = Buffer.byteLength(key, 'utf8');
    if (length > this.scratch.length) this.scratch = Buffer.alloc(length * 2);
    this.scratch.write(key, 0, 'utf8');
    return length;
  }

  private letterAt(letter: number): StoredLetter {
    const decision = this.decisions[letter]!;
    if (decision === UNUSUAL) return this.unusual.get(letter)!;
    const at = letter * SHA256_BYTES;
    return {
      id: this.caseIds[letter]!,
      documentId: this.documentIds[letter]!,
      dateDecision: decision === NO_DATE ? null : dateOfNumber(decision),
      sha256: this.sha256s.toString('hex', at, at + SHA256_BYTES),
      parserVersion: this.versionNames[this.versions[letter]!]!,
    };
  }

  private put(key: string, stored: StoredLetter): void {
    const hash = this.hash(key);
    let letter = this.find(key, hash);
    if (letter === -1) {
      const length = this.encodeKey(key);
      if (length > MAX_KEY_BYTES) throw new Error(`a letter key of ${length} bytes (limit ${MAX_KEY_BYTES})`);
      letter = this.append(length);
      this.insertSlot(hash, letter);
    }
    this.unusual.delete(letter);
    this.caseIds[letter] = stored.id;
    this.documentIds[letter] = stored.documentId;
    const date = stored.dateDecision === null ? NO_DATE : dateNumberOf(stored.dateDecision);
    const version = this.versionNumberOf(stored.parserVersion);
    if (date === null || version === null || !SHA256_HEX.test(stored.sha256)) {
      this.decisions[letter] = UNUSUAL;
      this.unusual.set(letter, { ...stored });
      return;
    }
    this.decisions[letter] = date;
    this.versions[letter] = version;
    this.sha256s.write(stored.sha256, letter * SHA256_BYTES, SHA256_BYTES, 'hex');
  }

  /** A new letter whose key is in `scratch`; returns its index. */
  private append(keyLength: number): number {
    const letter = this.letters++;
    if (letter === this.caseIds.length) {
      const length = this.caseIds.length * 2;
      this.caseIds = grown(this.caseIds, length);
      this.documentIds = grown(this.documentIds, length);
      this.decisions = grown(this.decisions, length);
      this.versions = grown(this.versions, length);
      this.keyStarts = grown(this.keyStarts, length);
      this.keyLengths = grown(this.keyLengths, length);
      this.sha256s = grownBuffer(this.sha256s, length * SHA256_BYTES);
    }
    if (this.keyBytesUsed + keyLength > this.keyBytes.length) {
      this.keyBytes = grownBuffer(
        this.keyBytes,
        Math.max(this.keyBytes.length * 2, this.keyBytesUsed + keyLength),
      );
    }
    this.scratch.copy(this.keyBytes, this.keyBytesUsed, 0, keyLength);
    this.keyStarts[letter] = this.keyBytesUsed;
    this.keyLengths[letter] = keyLength;
    this.keyBytesUsed += keyLength;
    return letter;
  }

  private versionNumberOf(version: string): number | null {
    let number = this.versionNumbers.get(version);
    if (number === undefined) {
      if (this.versionNames.length > 0xffff) return null;
      number = this.versionNames.length;
      this.versionNames.push(version);
      this.versionNumbers.set(version, number);
    }
    return number;
  }

  private insertSlot(hash: number, letter: number): void {
    if (this.letters > this.slotHashes.length * MAX_LOAD) this.growSlots();
    const mask = this.slotHashes.length - 1;
    let slot = hash % this.slotHashes.length;
    while (this.slotLetters[slot] !== 0) slot = (slot + 1) & mask;
    this.slotHashes[slot] = hash;
    this.slotLetters[slot] = letter + 1;
  }

  private growSlots(): void {
    const hashes = this.slotHashes;
    const letters = this.slotLetters;
    this.slotHashes = new Float64Array(hashes.length * 2);
    this.slotLetters = new Int32Array(hashes.length * 2);
    const mask = this.slotHashes.length - 1;
    for (let i = 0; i < hashes.length; i++) {
      if (letters[i] === 0) continue;
      let slot = hashes[i]! % this.slotHashes.length;
      while (this.slotLetters[slot] !== 0) slot = (slot + 1) & mask;
      this.slotHashes[slot] = hashes[i]!;
      this.slotLetters[slot] = letters[i]!;
    }
  }
}
