import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type GoldStoreFile, goldStoreFile } from '../../test-support/gold-store-file';
import { openStore, type Store } from '../client';
import { SqliteReadPool } from '../sqlite-read-pool';
import { type SearchScope, searchHits, searchQuery, searchSnippets } from './search.repository';

// A rare word's search on a read-only SQLite store: its counts, ranking and snippets are bounded lookups, run on
// the main thread's connection with no read-worker round trip (fts5-window-rank.ts RARE_MATCHES), and answer as
// the read workers do.

let file: GoldStoreFile;
let reader: Store;

beforeAll(async () => {
  file = await goldStoreFile();
  reader = await openStore(file.path, { readonly: true });
});

afterAll(async () => {
  await reader?.close();
  file?.remove();
});

/** The page of hits with their snippets, and the statements the read workers ran for them. */
async function searchCountingPool(text: string, scope: SearchScope) {
  const query = searchQuery('sqlite', text);
  if (query === null) throw new Error(`no query for ${text}`);
  const pooled = vi.spyOn(SqliteReadPool.prototype, 'run');
  try {
    const page = await searchHits(reader, query, { first: 20, after: null }, scope);
    const snippets = await searchSnippets(reader, query, page.rows, page.rare === true);
    return { page, snippets: [...snippets.entries()], pooled: pooled.mock.calls.length };
  } finally {
    pooled.mockRestore();
  }
}

describe('search of a rare word on a read-only SQLite store', () => {
  it('leaves a prefix to the read workers, however rare: FTS5 merges every word it starts before the first match', async () => {
    const prefix = await searchCountingPool('guideline*', { exhaustive: false });
    expect(prefix.pooled).toBeGreaterThan(0);
    expect(prefix.page.rare).toBe(false);
    expect(prefix.page.rows.length).toBeGreaterThan(0);
  });

  it('ranks nothing for a word found nowhere: its capped counts say so', async () => {
    const statements: string[] = [];
    const counting = await openStore(file.path, {
      readonly: true,
      onQuery: (text) => statements.push(text),
    });
    try {
      const query = searchQuery('sqlite', 'zzyzxnowhere')!;
      const page = await searchHits(counting, query, { first: 20, after: null }, { exhaustive: false });
      expect(page.rows).toEqual([]);
      expect(page.rare).toBe(true);
      // One capped count a kind, no ranking statement.
      expect(statements).toHaveLength(2);
      expect(statements.every((s) => /\blimit\b/i.test(s) && !/bm25/.test(s))).toBe(true);
    } finally {
      await counting.close();
    }
  });

  for (const text of ['guidelines', 'massage', 'opioids']) {
    it(`ranks "${text}" and reads its snippets on the main thread, as the read workers do`, async () => {
      const inline = await searchCountingPool(text, { exhaustive: false });
      // Every word of the seed letters is rare next to the default cap.
      expect(inline.pooled).toBe(0);
      expect(inline.page.rows.length).toBeGreaterThan(0);
      // A cap of one match makes every word common: counts and ranking go to the workers.
      const pooled = await searchCountingPool(text, { exhaustive: false, rareMatches: 1 });
      expect(pooled.pooled).toBeGreaterThan(0);
      expect(inline.page.rare).toBe(true);
      expect(pooled.page.rare).toBe(false);
      expect({ ...inline.page, rare: false }).toEqual(pooled.page);
      expect(inline.snippets).toEqual(pooled.snippets);
    });
  }
});
