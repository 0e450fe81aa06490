import { openStore, type Store } from '@imr/store/client';
import { goldLetters } from '@imr/store/test-support/gold-letters.fixture';
import { type GoldStoreFile, goldStoreFile } from '@imr/store/test-support/gold-store-file';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../yoga';

const COUNT = '{ itemStats { total { count } } }';

interface Answer {
  text: string;
  body: { data?: { itemStats: { total: { count: number } } }; extensions?: Record<string, unknown> };
}

let file: GoldStoreFile;
let reader: Store;

beforeAll(async () => {
  file = await goldStoreFile(goldLetters().slice(0, 2));
  reader = await openStore(file.path, { readonly: true });
});

afterAll(async () => {
  await reader?.close();
  file?.remove();
});

describe('the response cache', () => {
  it('answers a repeated question with the same bytes, and recomputes once a commit lands', async () => {
    const app = buildApp({ db: reader.db, dialect: reader.dialect, responseCache: true });
    const ask = async (): Promise<Answer> => {
      const response = await app.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: COUNT }),
      });
      expect(response.status).toBe(200);
      const text = await response.text();
      return { text, body: JSON.parse(text) };
    };
    const first = await ask();
    expect(first.body.extensions?.responseCache).toEqual({ hit: false, didCache: true });
    // Written by the operation's own JSON writer, byte for byte what JSON.stringify writes.
    expect(first.text).toBe(JSON.stringify(first.body));
    const second = await ask();
    expect(second.body.extensions?.responseCache).toEqual({ hit: true });
    expect(second.text.replace('{"hit":true}', '{"hit":false,"didCache":true}')).toBe(first.text);

    const before = first.body.data?.itemStats.total.count ?? 0;
    await file.add(goldLetters().slice(2));
    // The store version is read once per turn of the event loop (yoga.ts); this commit ran within one turn.
    await new Promise((resolve) => setImmediate(resolve));
    const after = await ask();
    expect(after.body.extensions?.responseCache).toEqual({ hit: false, didCache: true });
    expect(after.body.data?.itemStats.total.count).toBeGreaterThan(before);
  });

  it('does not keep an answer with errors', async () => {
    const app = buildApp({ db: reader.db, dialect: reader.dialect, responseCache: true });
    const body = JSON.stringify({ query: '{ case(caseNumber: 12) { id } }' });
    for (let i = 0; i < 2; i++) {
      const response = await app.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const answer = (await response.json()) as { errors?: unknown[]; extensions?: Record<string, unknown> };
      expect(answer.errors?.length).toBeGreaterThan(0);
      expect(answer.extensions?.responseCache).not.toEqual({ hit: true });
    }
  });
});
