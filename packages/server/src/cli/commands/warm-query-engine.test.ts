import { openStore, writeTransaction } from '@imr/store/client';
import { saveLetters } from '@imr/store/repositories/letter.repository';
import { goldLetters } from '@imr/store/test-support/gold-letters.fixture';
import { describeEachBackend } from '@imr/store/test-support/test-store';
import { expect, it } from 'vitest';
import { warmQueryEngine } from './warm-query-engine';

describeEachBackend('the query engine warm-up', (backend) => {
  it('runs every warm-up operation without errors, within its rounds', async () => {
    const target = await backend.freshTarget();
    const writer = await openStore(target);
    await writeTransaction(writer, (tx) => saveLetters(tx, goldLetters()));
    const reader = await openStore(target, { readonly: true });
    try {
      // warmQueryEngine throws on an operation answered with errors: a schema change that breaks one fails here.
      const { requests } = await warmQueryEngine(reader, { rounds: 2, budgetMs: 60_000 });
      expect(requests).toBe(8);
      // A server stopping aborts it: the request in flight ends it, and nothing runs on the closing store.
      const stopping = new AbortController();
      const warming = warmQueryEngine(reader, { rounds: 1000, budgetMs: 60_000, signal: stopping.signal });
      setTimeout(() => stopping.abort(), 50);
      const stopped = await warming;
      expect(stopped.requests).toBeLessThan(4000);
      expect(stopped.seconds).toBeLessThan(30);
    } finally {
      await reader.close();
      await writer.close();
    }
  });
});
