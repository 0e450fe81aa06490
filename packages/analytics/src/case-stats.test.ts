import { openStore, writeTransaction } from '@imr/store/client';
import { CASE_DIMENSIONS } from '@imr/store/dimensions';
import { saveLetters } from '@imr/store/repositories/letter.repository';
import { letterBatchArb, toLetterToSave } from '@imr/store/test-support/letter.arbitrary';
import { describeEachBackend } from '@imr/store/test-support/test-store';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseStats } from './case-stats';
import { referenceCaseStats, referenceDaySummary } from './case-stats.reference';
import { buildItemCube, freshItemCube } from './item-cube-snapshot';
import type { ReferenceFilter } from './item-stats.reference';

const filterArb: fc.Arbitrary<ReferenceFilter | null> = fc.oneof(
  fc.constant(null),
  fc.record({ categories: fc.subarray(['PHARMACEUTICAL', 'SURGERY'], { minLength: 1 }) }),
  fc.record({ decisions: fc.constant<string[]>(['OVERTURNED']) }),
  fc.record({ bodyRegions: fc.subarray(['KNEE', 'LUMBAR_SPINE'], { minLength: 1 }) }),
);

const queryArb = fc.record({
  filter: filterArb,
  groupBy: fc.shuffledSubarray([...CASE_DIMENSIONS], { maxLength: 3 }),
});

describeEachBackend('caseStats', (backend) => {
  it('agrees with case counts and day percentiles computed in plain JS', async () => {
    await fc.assert(
      fc.asyncProperty(
        letterBatchArb(50),
        fc.array(queryArb, { minLength: 10, maxLength: 10 }),
        async (letters, queries) => {
          const store = await backend.open();
          try {
            await writeTransaction(store, (tx) => saveLetters(tx, letters.map(toLetterToSave)));
            await buildItemCube(store.db, store.dialect);
            const cube = await freshItemCube(store.db, store.dialect);
            expect(cube?.cases?.size).toBe(letters.length);
            for (const { filter, groupBy } of queries) {
              const expected = referenceCaseStats(letters, filter, groupBy);
              // The same question from SQL and from the cube's cases: both must match the reference.
              const fromSql = await caseStats(store.db, { filter, groupBy }, store.dialect, 'sql');
              const actual = await caseStats(store.db, { filter, groupBy }, store.dialect, 'auto');
              expect(actual).toEqual(fromSql);
              const expectedTotal = referenceCaseStats(letters, filter, []).get('[]');
              expect(actual.total.cases).toBe(expectedTotal?.cases ?? 0);
              expect(actual.total.items).toBe(expectedTotal?.items ?? 0);
              const byKey = Object.fromEntries(
                actual.groups.map((g) => [
                  JSON.stringify(g.keyValues),
                  { cases: g.cases, items: g.items, days: g.daysToDecision },
                ]),
              );
              const wanted = Object.fromEntries(
                [...expected].map(([k, g]) => [
                  k,
                  { cases: g.cases, items: g.items, days: referenceDaySummary(g.days) },
                ]),
              );
              expect(byKey).toEqual(wanted);
            }
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: backend.dialect === 'sqlite' ? 10 : 3 },
    );
  });

  it('rejects too many dimensions and a negative minCount', async () => {
    const store = await backend.open();
    try {
      await expect(
        caseStats(store.db, { groupBy: ['PRIORITY', 'PATIENT_SEX', 'DECISION_YEAR', 'REVIEWER_STATE'] }),
      ).rejects.toThrow(/at most 3 dimensions/);
      await expect(caseStats(store.db, { minCount: -2 })).rejects.toThrow(/minCount/);
    } finally {
      await store.close();
    }
  });
});

describe('caseStats on SQLite', () => {
  it('reads the covering index cases_stats, never the case rows, for every grouping without a filter', async () => {
    const statements: string[] = [];
    const store = await openStore(':memory:', { onQuery: (text) => statements.push(text) });
    try {
      for (const dimension of ['DECISION_YEAR', 'PRIORITY', 'PATIENT_AGE_BAND'] as const) {
        statements.length = 0;
        await caseStats(store.db, { groupBy: [dimension] }, 'sqlite', 'sql');
        expect(statements.length).toBeGreaterThan(0);
        for (const text of statements) {
          const plan = store.sqlite!.prepare(`explain query plan ${text}`).all() as { detail: string }[];
          const scans = plan.map((p) => p.detail).filter((d) => /^SCAN cases\b/.test(d));
          expect(scans).toEqual(['SCAN cases USING COVERING INDEX cases_stats']);
        }
      }
    } finally {
      await store.close();
    }
  });
});
