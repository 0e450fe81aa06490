interface Entry {
  json: string;
  expires: number;
}

/**
 * The response cache's store of serialised answers, bounded by their bytes rather than by their number: a
 * thousand answers of 100 MB each would otherwise stay resident. Least recently used answers go first, and an
 * answer larger than a quarter of the budget is not kept at all, so one answer never empties the cache.
 * An answer is held as the JSON the client is sent, so a hit is neither copied nor serialised again, and its
 * size is that string's length.
 */
export class ByteBoundedCache {
  private readonly entries = new Map<string, Entry>();
  private held = 0;

  constructor(
    readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  get bytes(): number {
    return this.held;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Keeps `json` under `key` for `ttl` milliseconds (Infinity: until evicted). */
  set(key: string, json: string, ttl: number): void {
    this.delete(key);
    if (json.length > this.maxBytes / 4) return;
    const expires = Number.isFinite(ttl) ? this.now() + ttl : Number.POSITIVE_INFINITY;
    this.entries.set(key, { json, expires });
    this.held += json.length;
    // A Map iterates in insertion order, and get() re-inserts what it returns: the first key is the least
    // recently used.
    for (const oldest of this.entries.keys()) {
      if (this.held <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  get(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expires <= this.now()) {
      this.delete(key);
      return null;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.json;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.held -= entry.json.length;
  }
}
