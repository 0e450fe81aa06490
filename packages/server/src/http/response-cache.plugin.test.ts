import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestFiles } from '@imr/ingest/ingest-files';
import { openStore, type Store } from '@imr/store/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../yoga';

const LETTERS = join(import.meta.dirname, '../../../../test/fixtures/letters');
const COUNT = '{ itemStats { total { count } } }';

interface Answer {
  text: string;
  body: { data?: { itemStats: { total: { count: number } } }; extensions?: Record<string, unknown> };
}

let dir: string;
let dbPath: string;
let reader: Store;

async function ingest(files: string[]): Promise<void> {
  const batch = mkdtempSync(join(dir, 'batch-'));
  for (const file of files) copyFileSync(join(LETTERS, file), join(batch, file));
  const writer = await openStore(dbPath);
  try {
    await ingestFiles({ store: writer, paths: [batch], threads: 1 });
  } finally {
    await writer.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'imr-response-cache-'));
  mkdirSync(dir, { recursive: true });
  dbPath = join(dir, 'imr.db');
  const files = readdirSync(LETTERS).sort();
  await ingest(files.slice(0, 2));
  reader = await openStore(dbPath, { readonly: true });
});

afterAll(async () => {
  await reader?.close();
  rmSync(dir, { recursive: true, force: true });
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
    const second = await ask();
    expect(second.body.extensions?.responseCache).toEqual({ hit: true });
    expect(second.text.replace('{"hit":true}', '{"hit":false,"didCache":true}')).toBe(first.text);

    const before = first.body.data?.itemStats.total.count ?? 0;
    await ingest(readdirSync(LETTERS).sort().slice(2));
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
