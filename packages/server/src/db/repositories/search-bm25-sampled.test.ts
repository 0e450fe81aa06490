import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// bm25_sampled is our patch of the SQLite that better-sqlite3 builds (patches/): the windowed search ranks with
// it because bm25 counts every match of a word before scoring anything. These tests hold it to bm25: the same
// scores while a word has at most 10,000 matches, the same order and nearly the same scores past that.
// Generated rows because the behaviour only shows past 10,000 matches.

const ROWS = 40_000;

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Scored {
  id: number;
  exact: number;
  sampled: number;
}

describe('bm25_sampled (patched FTS5)', () => {
  let db: Database.Database;

  beforeAll(() => {
    db = new Database(':memory:');
    db.exec('create virtual table t using fts5(title, body)');
    const random = mulberry32(7);
    const insert = db.prepare('insert into t (rowid, title, body) values (?, ?, ?)');
    db.transaction(() => {
      for (let id = 1; id <= ROWS; id++) {
        const words: string[] = [];
        const length = 5 + Math.floor(random() * 60);
        for (let w = 0; w < length; w++) words.push(`w${Math.floor(random() * 300)}`);
        if (random() < 0.4) words.push('common');
        if (random() < 0.3) words.push('frequent');
        if (id % 800 === 0) words.push('rare');
        insert.run(id, random() < 0.2 ? 'common title' : 'plain title', words.join(' '));
      }
    })();
  });

  afterAll(() => db.close());

  function scores(match: string): Scored[] {
    return db
      .prepare<[string], Scored>(
        `select rowid as id, bm25(t, 2.0, 1.0) as exact, bm25_sampled(t, 2.0, 1.0) as sampled
         from t where t match ? order by rowid`,
      )
      .all(match);
  }

  it('gives bm25 exactly for a word with fewer than 10,000 matches', () => {
    const rows = scores('rare');
    expect(rows.length).toBe(ROWS / 800);
    for (const r of rows) expect(r.sampled).toBe(r.exact);
  });

  it('orders the rows of a word with more than 10,000 matches as bm25 does, its IDF estimated within 10%', () => {
    const rows = scores('common');
    expect(rows.length).toBeGreaterThan(15_000);
    // One word: every score is its IDF times the same per-row factor, so the ratio is one number.
    const first = rows[0];
    if (!first) throw new Error('no rows');
    const ratio = first.sampled / first.exact;
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.1);
    for (const r of rows) expect(r.sampled / r.exact).toBeCloseTo(ratio, 9);
  });

  it('keeps nearly the same top 20 for two common words', () => {
    const rows = scores('common frequent');
    expect(rows.length).toBeGreaterThan(2_000);
    const top = (key: 'exact' | 'sampled') =>
      [...rows]
        .sort((a, b) => a[key] - b[key] || a.id - b.id)
        .slice(0, 20)
        .map((r) => r.id);
    const exact = new Set(top('exact'));
    const shared = top('sampled').filter((id) => exact.has(id)).length;
    expect(shared).toBeGreaterThanOrEqual(18);
  });
});
