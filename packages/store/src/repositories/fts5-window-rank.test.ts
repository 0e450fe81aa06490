import { SeededRandom } from '@imr/generator';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../client';
import { registerSqliteFunctions } from '../sqlite-functions';
import {
  BM25_SAMPLE,
  type Fts5Table,
  ftsPhrases,
  type RankedMatch,
  type RankPage,
  rankNewestMatches,
  readVarint,
  readVarints,
} from './fts5-window-rank';

// The windowed ranking held to FTS5's own bm25(): the same scores while every word has fewer than BM25_SAMPLE
// matches, the same order and nearly the same scores past that. Generated rows because the behaviour only shows
// past 10,000 matches; each word is in a column at most once, the case where counting presence is exact.

const ROWS = 40_000;
const TABLE: Fts5Table = {
  name: 't',
  columns: [
    { name: 'title', weight: 2 },
    { name: 'body', weight: 1 },
  ],
};

/** A seeded stream of numbers in [0, 1), the generator's, so runs repeat. */
function seededRandom(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.next();
}

interface Scored {
  id: number;
  exact: number;
  windowed: number;
}

describe('BM25 over the newest matches (fts5-window-rank)', () => {
  let sqlite: SQLite.Database;
  let db: Db;

  beforeAll(() => {
    sqlite = new SQLite(':memory:');
    registerSqliteFunctions(sqlite);
    sqlite.exec('create virtual table t using fts5(title, body)');
    const random = seededRandom(7);
    const insert = sqlite.prepare('insert into t (rowid, title, body) values (?, ?, ?)');
    sqlite.transaction(() => {
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
    db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) }) as unknown as Db;
  });

  afterAll(async () => {
    await db.destroy();
  });

  async function scores(query: string): Promise<Scored[]> {
    const exact = new Map(
      sqlite
        .prepare<[string], { id: number; score: number }>(
          'select rowid as id, bm25(t, 2.0, 1.0) as score from t where t match ?',
        )
        .all(query)
        .map((r) => [r.id, r.score]),
    );
    const { matches: windowed } = await rankNewestMatches(db, TABLE, query, ROWS);
    return windowed
      .map((r) => ({ id: r.id, windowed: r.score, exact: exact.get(r.id) ?? Number.NaN }))
      .sort((a, b) => a.id - b.id);
  }

  it('reads SQLite varints as FTS5 writes them', () => {
    expect(readVarint(Uint8Array.of(0x05), 0)).toEqual({ value: 5, next: 1 });
    expect(readVarint(Uint8Array.of(0x81, 0x00), 0)).toEqual({ value: 128, next: 2 });
    expect(readVarints(Uint8Array.of(0x89, 0xfd, 0x4f, 0x02))).toEqual([163_535, 2]);
    expect(() => readVarint(Uint8Array.of(0x81), 0)).toThrow(/inside a varint/);
  });

  it('splits a query into its phrases', () => {
    expect(ftsPhrases('"common" "freq"*')).toEqual(['"common"', '"freq"*']);
  });

  it('gives bm25 exactly for a word with fewer than 10,000 matches', async () => {
    const rows = await scores('"rare"');
    expect(rows.length).toBe(ROWS / 800);
    for (const r of rows) expect(r.windowed).toBe(r.exact);
  });

  it('ranks only the newest matches when asked for fewer', async () => {
    const { matches: newest } = await rankNewestMatches(db, TABLE, '"common"', 100);
    expect(newest.length).toBe(100);
    const { matches: all } = await rankNewestMatches(db, TABLE, '"common"', ROWS);
    const newestIds = all
      .map((r) => r.id)
      .sort((a, b) => b - a)
      .slice(0, 100);
    expect(newest.map((r) => r.id).sort((a, b) => b - a)).toEqual(newestIds);
  });

  it('orders the rows of a word with more than 10,000 matches as bm25 does, its IDF estimated within 10%', async () => {
    const rows = await scores('"common"');
    expect(rows.length).toBeGreaterThan(BM25_SAMPLE + 5_000);
    // One word: every score is its IDF times the same per-row factor, so the ratio is one number.
    const first = rows[0];
    if (!first) throw new Error('no rows');
    const ratio = first.windowed / first.exact;
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.1);
    for (const r of rows) expect(r.windowed / r.exact).toBeCloseTo(ratio, 9);
  });

  it('pages through a window with a cursor as one ranking of it, and says whether it held every match', async () => {
    for (const query of ['"common"', '"rare"', '"common" "frequent"']) {
      const whole = await rankNewestMatches(db, TABLE, query, 3_000);
      const walked: RankedMatch[] = [];
      let after: RankPage['after'] = null;
      for (;;) {
        const { matches, complete } = await rankNewestMatches(db, TABLE, query, 3_000, { limit: 700, after });
        expect(complete).toBe(whole.complete);
        walked.push(...matches);
        const last = matches.at(-1);
        if (matches.length < 700 || !last) break;
        after = { score: last.score, id: last.id };
      }
      expect(walked).toEqual(whole.matches);
      expect(whole.matches).toEqual([...whole.matches].sort((a, b) => a.score - b.score || a.id - b.id));
    }
    expect((await rankNewestMatches(db, TABLE, '"common"', 3_000)).complete).toBe(false);
    expect((await rankNewestMatches(db, TABLE, '"rare"', 3_000)).complete).toBe(true);
    expect((await rankNewestMatches(db, TABLE, '"rare"', ROWS / 800)).complete).toBe(true);
    expect((await rankNewestMatches(db, TABLE, '"rare"', ROWS / 800 - 1)).complete).toBe(false);
  });

  it('keeps nearly the same top 20 for two common words', async () => {
    const rows = await scores('"common" "frequent"');
    expect(rows.length).toBeGreaterThan(2_000);
    const top = (key: 'exact' | 'windowed') =>
      [...rows]
        .sort((a, b) => a[key] - b[key] || a.id - b.id)
        .slice(0, 20)
        .map((r) => r.id);
    const exact = new Set(top('exact'));
    const shared = top('windowed').filter((id) => exact.has(id)).length;
    expect(shared).toBeGreaterThanOrEqual(18);
  });
});
