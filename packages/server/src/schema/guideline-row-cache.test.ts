import { openStore, writeTransaction } from '@imr/store/client';
import { saveLetters } from '@imr/store/repositories/letter.repository';
import { storeVersionWithoutQuery } from '@imr/store/repositories/store-version.repository';
import { goldLetters } from '@imr/store/test-support/gold-letters.fixture';
import { describeEachBackend } from '@imr/store/test-support/test-store';
import { expect, it, vi } from 'vitest';
import { buildApp } from '../yoga';

const CITED_GUIDELINES = `{ items(first: 20) { edges { node {
  citations(first: 10) { edges { node { source guideline { source name topic } } } }
} } } }`;

describeEachBackend('guidelines kept across requests', (backend) => {
  it('are read once while the store stands, and again after another process commits', async () => {
    const target = await backend.freshTarget();
    const letters = goldLetters();
    const writer = await openStore(target);
    await writeTransaction(writer, (tx) => saveLetters(tx, letters.slice(0, -1)));
    const statements: string[] = [];
    const reader = await openStore(target, { readonly: true, onQuery: (sql) => statements.push(sql) });
    try {
      const app = buildApp({ db: reader.db, dialect: reader.dialect });
      const ask = async () => {
        statements.length = 0;
        const response = await app.fetch('http://test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: CITED_GUIDELINES }),
        });
        const body = (await response.json()) as { data?: unknown; errors?: unknown };
        expect(body.errors).toBeUndefined();
        return {
          data: JSON.stringify(body.data),
          guidelineReads: statements.filter((s) => /from "guidelines"/.test(s)).length,
        };
      };
      const first = await ask();
      expect(first.data).toMatch(/"source":"MTUS"/);
      expect(first.guidelineReads).toBe(1);
      const second = await ask();
      expect(second).toEqual({ data: first.data, guidelineReads: 0 });

      const before = storeVersionWithoutQuery(reader.db, reader.dialect);
      expect(before).toBeDefined();
      await writeTransaction(writer, (tx) => saveLetters(tx, letters.slice(-1)));
      await vi.waitFor(() => expect(storeVersionWithoutQuery(reader.db, reader.dialect)).not.toBe(before), {
        timeout: 5_000,
        interval: 10,
      });
      // The new letter's items may join the page; its guidelines are read from the store again.
      const third = await ask();
      expect(third.data).toMatch(/"source":"MTUS"/);
      expect(third.guidelineReads).toBe(1);
      expect((await ask()).guidelineReads).toBe(0);
    } finally {
      await reader.close();
      await writer.close();
    }
  });
});
