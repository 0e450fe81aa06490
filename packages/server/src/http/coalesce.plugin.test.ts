import { writeTransaction } from '@imr/store/client';
import { saveLetters } from '@imr/store/repositories/letter.repository';
import { goldLetters } from '@imr/store/test-support/gold-letters.fixture';
import { describeEachBackend } from '@imr/store/test-support/test-store';
import { expect, it } from 'vitest';
import { buildApp } from '../yoga';

const QUERY = `{ itemStats(groupBy: [CATEGORY, DECISION_YEAR]) { total { count } groups { count overturnRate } } }`;

describeEachBackend('identical operations in flight at once', (backend) => {
  it('run once and every caller gets the whole answer; different variables run apart', async () => {
    let statements = 0;
    const store = await backend.open({ onQuery: () => statements++ });
    try {
      await writeTransaction(store, (tx) => saveLetters(tx, goldLetters()));
      const app = buildApp({ db: store.db, dialect: store.dialect });
      const ask = async (query: string) => {
        const response = await app.fetch('http://test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        return (await response.json()) as { data?: unknown; errors?: unknown };
      };
      statements = 0;
      const alone = await ask(QUERY);
      const perRun = statements;
      expect(perRun).toBeGreaterThan(0);

      statements = 0;
      const together = await Promise.all(Array.from({ length: 10 }, () => ask(QUERY)));
      for (const answer of together) expect(answer).toEqual(alone);
      // Ten separate runs would cost ten times one run's statements; overlapping ones share a run (how many
      // overlap depends on timing, so the bound is half).
      expect(statements).toBeLessThanOrEqual(5 * perRun);

      statements = 0;
      const other = QUERY.replace('DECISION_YEAR', 'PRIORITY');
      const mixed = await Promise.all([ask(QUERY), ask(other)]);
      expect(mixed[0]).toEqual(alone);
      expect(mixed[1]).not.toEqual(alone);
    } finally {
      await store.close();
    }
  });
});
