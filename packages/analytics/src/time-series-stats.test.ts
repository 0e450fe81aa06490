import { writeTransaction } from '@imr/store/client';
import { saveLetters } from '@imr/store/repositories/letter.repository';
import { letterBatchArb, toLetterToSave } from '@imr/store/test-support/letter.arbitrary';
import { describeEachBackend } from '@imr/store/test-support/test-store';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { itemTimeSeries } from './time-series-stats';

describeEachBackend('itemTimeSeries', (backend) => {
  it('puts every dated item in its month, fills the gaps with zeros and reports undated items apart', async () => {
    await fc.assert(
      fc.asyncProperty(
        letterBatchArb(40),
        fc.constantFrom('MONTH' as const, 'YEAR' as const),
        async (letters, interval) => {
          const store = await backend.open();
          try {
            await writeTransaction(store, (tx) => saveLetters(tx, letters.map(toLetterToSave)));
            const series = await itemTimeSeries(store.db, { interval }, store.dialect);
            const periodOf = (date: string) => (interval === 'YEAR' ? date.slice(0, 4) : date.slice(0, 7));
            const expected = new Map<string, number>();
            let undated = 0;
            for (const letter of letters) {
              const date = letter.dates.decision;
              if (date === null) undated += letter.items.length;
              else if (letter.items.length > 0)
                expected.set(periodOf(date), (expected.get(periodOf(date)) ?? 0) + letter.items.length);
            }
            expect(series.undated.count).toBe(undated);
            const periods = series.buckets.map((b) => b.period);
            // Consecutive, ascending, no gaps: each bucket starts where the previous one ends.
            for (let i = 1; i < periods.length; i++) {
              const next = new Date(`${series.buckets[i - 1]!.start}T00:00:00Z`);
              if (interval === 'YEAR') next.setUTCFullYear(next.getUTCFullYear() + 1);
              else next.setUTCMonth(next.getUTCMonth() + 1);
              expect(series.buckets[i]!.start).toBe(next.toISOString().slice(0, 10));
            }
            const sorted = [...expected.keys()].sort();
            expect(periods[0]).toBe(sorted[0]);
            expect(periods.at(-1)).toBe(sorted.at(-1));
            for (const bucket of series.buckets) expect(bucket.count).toBe(expected.get(bucket.period) ?? 0);
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: backend.dialect === 'sqlite' ? 10 : 3 },
    );
  });

  it('spans the filter date range when given, and refuses an absurd one', async () => {
    const store = await backend.open();
    try {
      const series = await itemTimeSeries(
        store.db,
        { interval: 'MONTH', filter: { decisionDateFrom: '2014-11-15', decisionDateTo: '2015-02-01' } },
        store.dialect,
      );
      expect(series.buckets.map((b) => [b.period, b.count, b.overturnRate])).toEqual([
        ['2014-11', 0, null],
        ['2014-12', 0, null],
        ['2015-01', 0, null],
        ['2015-02', 0, null],
      ]);
      await expect(
        itemTimeSeries(
          store.db,
          { interval: 'MONTH', filter: { decisionDateFrom: '1000-01-01', decisionDateTo: '2020-01-01' } },
          store.dialect,
        ),
      ).rejects.toThrow(/at most 1200 buckets/);
    } finally {
      await store.close();
    }
  });
});
