import type { Cache } from '@graphql-yoga/plugin-response-cache';
import type { ExecutionResult } from 'graphql';

interface Entry {
  result: ExecutionResult;
  bytes: number;
  expires: number;
  entities: string[];
}

/**
 * The response cache's store, bounded by the bytes of the answers it holds rather than by their number: a
 * thousand answers of 100 MB each would otherwise stay resident. Least recently used answers go first, and an
 * answer larger than a quarter of the budget is not kept at all, so one answer never empties the cache.
 * An answer's size is the length of its JSON, what the client is sent.
 */
export class ByteBoundedCache implements Cache {
  private readonly entries = new Map<string, Entry>();
  private readonly byEntity = new Map<string, Set<string>>();
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

  set(
    id: string,
    result: ExecutionResult,
    entities: Iterable<{ typename: string; id?: number | string }>,
    ttl: number,
  ): void {
    this.delete(id);
    const bytes = JSON.stringify(result).length;
    if (bytes > this.maxBytes / 4) return;
    const names: string[] = [];
    for (const entity of entities) {
      names.push(entity.typename);
      if (entity.id !== undefined) names.push(`${entity.typename}:${entity.id}`);
    }
    for (const name of names) {
      const ids = this.byEntity.get(name) ?? new Set<string>();
      ids.add(id);
      this.byEntity.set(name, ids);
    }
    const expires = Number.isFinite(ttl) ? this.now() + ttl : Number.POSITIVE_INFINITY;
    this.entries.set(id, { result, bytes, expires, entities: names });
    this.held += bytes;
    // A Map iterates in insertion order, and get() re-inserts what it returns: the first key is the least
    // recently used.
    for (const oldest of this.entries.keys()) {
      if (this.held <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  get(id: string): ExecutionResult | null {
    const entry = this.entries.get(id);
    if (!entry) return null;
    if (entry.expires <= this.now()) {
      this.delete(id);
      return null;
    }
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.result;
  }

  invalidate(entities: Iterable<{ typename: string; id?: number | string }>): void {
    for (const entity of entities) {
      const name = entity.id == null ? entity.typename : `${entity.typename}:${entity.id}`;
      for (const id of this.byEntity.get(name) ?? []) this.delete(id);
    }
  }

  private delete(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.held -= entry.bytes;
    for (const name of entry.entities) {
      const ids = this.byEntity.get(name);
      ids?.delete(id);
      if (ids?.size === 0) this.byEntity.delete(name);
    }
  }
}
