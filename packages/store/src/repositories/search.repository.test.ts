import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { goldLetters } from '../../test-support/gold-letters.fixture';
import { describeEachBackend } from '../../test-support/test-store';
import { writeTransaction } from '../client';
import { withReadMarks } from '../read-marks';
import { saveLetters } from './letter.repository';
import {
  countSearchHits,
  postgresMatchEstimate,
  type SearchScope,
  searchHits,
  searchQuery,
  searchRankedAll,
} from './search.repository';

describeEachBackend('search ranking window', (backend) => {
  async function withGoldStore<T>(run: (store: Awaited<ReturnType<typeof backend.open>>) => Promise<T>) {
    const store = await backend.open();
    try {
      await writeTransaction(store, (tx) => saveLetters(tx, goldLetters()));
      return await run(store);
    } finally {
      await store.close();
    }
  }

  it('ranks only the newest matches of each kind past the window, and says so', async () => {
    await withGoldStore(async (store) => {
      // "guidelines" is in nearly every rationale of the seed letters.
      const query = searchQuery(store.dialect, 'guidelines');
      if (query === null) throw new Error('no query');
      const all: SearchScope = { exhaustive: true };
      const everything = await searchHits(store, query, { first: 100, after: null }, all);
      const items = everything.rows.filter((h) => h.kind === 'ITEM');
      expect(items.length).toBeGreaterThan(3);
      expect(await searchRankedAll(store, query, all)).toBe(true);
      expect(await countSearchHits(store, query)).toBe(everything.rows.length);

      const windowed: SearchScope = { exhaustive: false, window: 2 };
      expect(await searchRankedAll(store, query, windowed)).toBe(false);
      const page = await searchHits(store, query, { first: 100, after: null }, windowed);
      // PostgreSQL's ranking statements report it on the way; either way the answer is the same.
      expect(page.rankedAll ?? (await searchRankedAll(store, query, windowed))).toBe(false);
      const newestItems = items
        .map((h) => h.id)
        .sort((a, b) => b - a)
        .slice(0, 2);
      expect(
        page.rows
          .filter((h) => h.kind === 'ITEM')
          .map((h) => h.id)
          .sort((a, b) => b - a),
      ).toEqual(newestItems);
      // Within the window the order is the same as the complete ranking's.
      const rankOf = new Map(everything.rows.map((h, i) => [h.hitId, i]));
      const ranks = page.rows.map((h) => rankOf.get(h.hitId) ?? -1);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(ranks).not.toContain(-1);
    });
  });

  it('ranks everything when the matches fit in the window', async () => {
    await withGoldStore(async (store) => {
      const query = searchQuery(store.dialect, 'massage');
      if (query === null) throw new Error('no query');
      const scope: SearchScope = { exhaustive: false, window: 1000 };
      expect(await searchRankedAll(store, query, scope)).toBe(true);
      const windowed = await searchHits(store, query, { first: 100, after: null }, scope);
      const exhaustive = await searchHits(store, query, { first: 100, after: null }, { exhaustive: true });
      expect(windowed.rows).toEqual(exhaustive.rows);
      expect(windowed.rankedAll ?? (await searchRankedAll(store, query, scope))).toBe(true);
      expect(windowed.rows.length).toBeGreaterThan(0);
    });
  });

  it('ranks exactly the newest matches of any word, common or rare', async () => {
    // Small windows over words of every density in the seed letters: each must rank the newest matches.
    await withGoldStore(async (store) => {
      for (const word of ['guidelines', 'medical', 'massage', 'opioid', 'knee', 'surgery', 'acupuncture']) {
        const query = searchQuery(store.dialect, word);
        if (query === null) throw new Error('no query');
        const everything = await searchHits(store, query, { first: 1000, after: null }, { exhaustive: true });
        for (const window of [1, 2, 3, 5]) {
          const page = await searchHits(
            store,
            query,
            { first: 1000, after: null },
            { exhaustive: false, window },
          );
          for (const kind of ['ITEM', 'CASE'] as const) {
            const newest = everything.rows
              .filter((h) => h.kind === kind)
              .map((h) => h.id)
              .sort((a, b) => b - a)
              .slice(0, window);
            const ranked = page.rows.filter((h) => h.kind === kind).map((h) => h.id);
            expect(
              [...ranked].sort((a, b) => b - a),
              `${word}, window ${window}, ${kind}`,
            ).toEqual(newest);
          }
        }
      }
    });
  });

  it('finds the same window from the index among the newest ids, widening a span too short for it', async () => {
    // PostgreSQL's bitmap path (postgres-window-plan.ts), forced with spans from one id to more than all of
    // them: each must rank exactly what the planner's own path ranks. SQLite ignores the span.
    await withGoldStore(async (store) => {
      for (const word of ['guidelines', 'medical', 'massage', 'knee', 'acupuncture']) {
        const query = searchQuery(store.dialect, word);
        if (query === null) throw new Error('no query');
        for (const window of [1, 3, 8]) {
          const request = { first: 1000, after: null };
          const planned = await searchHits(store, query, request, { exhaustive: false, window });
          for (const postgresSpan of [1, 2, 5, 1_000_000]) {
            const spanned = await searchHits(store, query, request, {
              exhaustive: false,
              window,
              postgresSpan,
            });
            expect(spanned, `${word}, window ${window}, span ${postgresSpan}`).toEqual(planned);
          }
          // As the API runs it: through a request's handle, whose transaction (the span path's) is the store's.
          const requestHandle = withReadMarks(store.db, { deadline: performance.now() + 60_000 });
          const throughRequest = await searchHits(
            { db: requestHandle, dialect: store.dialect },
            query,
            request,
            {
              exhaustive: false,
              window,
              postgresSpan: 2,
            },
          );
          expect(throughRequest, `${word}, window ${window}, through a request's handle`).toEqual(planned);
        }
      }
    });
  });

  it.runIf(backend.dialect === 'postgres')(
    'finds the same window when the newest matches lie several epochs back',
    async () => {
      // The seed letters stored three times with the id sequences moved an epoch and more between the rounds, so
      // a word's matches sit in three epochs apart: each forced span (one id, part of an epoch, more than one,
      // all) must widen over them to the same window the planner's path ranks.
      const store = await backend.open();
      try {
        for (let round = 0; round < 3; round++) {
          if (round > 0) {
            for (const table of ['items', 'cases']) {
              await sql`select setval(pg_get_serial_sequence(${table}, 'id'),
                (select max(id) from ${sql.table(table)}) + ${70_000 * round})`.execute(store.db);
            }
          }
          // Other case numbers and texts, so that each round stores new letters.
          const letters = goldLetters().map(({ letter, document }) => ({
            letter: { ...letter, caseNumber: `${letter.caseNumber}-${round}` },
            document: { ...document, sha256: `${round}${document.sha256.slice(1)}` },
          }));
          await writeTransaction(store, (tx) => saveLetters(tx, letters));
        }
        const { rows } = await sql<{ epochs: number }>`select count(distinct epoch)::int as epochs
          from item_search`.execute(store.db);
        expect(rows[0]?.epochs).toBeGreaterThanOrEqual(3);
        for (const word of ['guidelines', 'massage', 'knee']) {
          const query = searchQuery(store.dialect, word);
          if (query === null) throw new Error('no query');
          for (const window of [1, 4, 12]) {
            const request = { first: 1000, after: null };
            const planned = await searchHits(store, query, request, { exhaustive: false, window });
            for (const postgresSpan of [1, 3, 40_000, 100_000, 10_000_000]) {
              const spanned = await searchHits(store, query, request, {
                exhaustive: false,
                window,
                postgresSpan,
              });
              expect(spanned, `${word}, window ${window}, span ${postgresSpan}`).toEqual(planned);
            }
          }
        }
      } finally {
        await store.close();
      }
    },
  );

  it.runIf(backend.dialect === 'postgres')("estimates a word's matches from the statistics", async () => {
    await withGoldStore(async (store) => {
      await sql`analyze item_search`.execute(store.db);
      const query = searchQuery(store.dialect, 'guidelines');
      if (query === null) throw new Error('no query');
      const { count } = (
        await sql<{ count: number }>`select count(*)::int as count from item_search
          where search @@ to_tsquery('english', ${query})`.execute(store.db)
      ).rows[0] ?? { count: 0 };
      const estimate = await postgresMatchEstimate(store.db, 'item_search', query);
      const items = (await sql<{ n: number }>`select count(*)::int as n from items`.execute(store.db))
        .rows[0];
      expect(estimate.rows).toBe(items?.n);
      // Analyzed in full (the seed letters are fewer than its sample), the estimate is the count, or close to it.
      expect(estimate.matches).toBeGreaterThan(count * 0.8);
      expect(estimate.matches).toBeLessThan(count * 1.25 + 1);
    });
  });
});
