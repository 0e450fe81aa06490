import { writeTransaction } from '@imr/store/client';
import { saveLetters } from '@imr/store/repositories/letter.repository';
import { decisionCountsByReviewerIds } from '@imr/store/repositories/reviewer.repository';
import { letterBatchArb, toLetterToSave } from '@imr/store/test-support/letter.arbitrary';
import { describeEachBackend } from '@imr/store/test-support/test-store';
import fc from 'fast-check';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { buildItemCube, builtItemCube } from './item-cube-snapshot';
import { reviewerDecisionCounts } from './reviewer-decisions';

describeEachBackend('reviewer decisions from the cube', (backend) => {
  it('tallies each reviewer as the SQL does, unknown reviewers included', async () => {
    await fc.assert(
      fc.asyncProperty(letterBatchArb(30), async (letters) => {
        const store = await backend.open();
        try {
          await writeTransaction(store, (tx) => saveLetters(tx, letters.map(toLetterToSave)));
          const { rows } = await sql<{ id: number }>`select id from reviewers order by id`.execute(store.db);
          // Every reviewer, and ids no reviewer has.
          const ids = [...rows.map((r) => Number(r.id)), 0, 999_999];
          const fromSql = await decisionCountsByReviewerIds(store, ids);
          expect(await builtItemCube(store.db, store.dialect)).toBeNull();
          expect(await reviewerDecisionCounts(store, ids)).toEqual(fromSql);
          await buildItemCube(store.db, store.dialect);
          expect(await builtItemCube(store.db, store.dialect)).not.toBeNull();
          expect(await reviewerDecisionCounts(store, ids)).toEqual(fromSql);
          // Not a pair of empty answers: every item with a reviewer is counted once.
          const { rows: items } = await sql<{
            n: number;
          }>`select count(*) as n from items where reviewer_id is not null`.execute(store.db);
          expect(fromSql.reduce((n, t) => n + t.count, 0)).toBe(Number(items[0]?.n));
        } finally {
          await store.close();
        }
      }),
      { numRuns: backend.dialect === 'sqlite' ? 15 : 3 },
    );
  });
});
