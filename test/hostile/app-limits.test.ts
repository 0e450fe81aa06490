import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../packages/server/src/yoga';
import { openStore, type Store } from '../../packages/store/src/client';
import { writeGeneratedStore } from './hostile-server';

// Limits of the app checked in-process (yoga.fetch): the time limit over a whole operation, the response
// cache's byte budget, and `nameContains` taking LIKE's wildcards literally.

let dir: string;
let store: Store;

async function post(app: ReturnType<typeof buildApp>, query: string, variables?: Record<string, unknown>) {
  const started = performance.now();
  const response = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return {
    ms: performance.now() - started,
    bytes: text.length,
    body: JSON.parse(text) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: { code?: string } }[];
      extensions?: { responseCache?: { hit?: boolean } };
    },
  };
}

const caseIds = (count: number) =>
  Array.from({ length: count }, (_, i) => Buffer.from(`Case:${i + 1}`).toString('base64'));
const LETTERS_OF_100 =
  'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Case { letterText items(first: 20) { edges { node { title rationale } } } } } }';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'imr-hostile-app-'));
  const path = join(dir, 'imr.db');
  await writeGeneratedStore(path, 300);
  const writer = await openStore(path);
  await writer.db
    .insertInto('guidelines')
    .values([
      { source: 'OTHER', name: 'Guide 100% proof', topic: '' },
      { source: 'OTHER', name: 'guide_x', topic: '' },
    ])
    .execute();
  await writer.close();
  store = await openStore(path, { readonly: true });
}, 120_000);

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the time limit holds the whole operation', () => {
  it('stops 100 letters with their items at 1 ms with TIME_LIMIT_EXCEEDED, answered at once', async () => {
    const app = buildApp({ db: store.db, dialect: store.dialect, timeLimitMs: 1 });
    const answer = await post(app, LETTERS_OF_100, { ids: caseIds(100) });
    const codes = new Set((answer.body.errors ?? []).map((e) => e.extensions?.code));
    expect(codes).toEqual(new Set(['TIME_LIMIT_EXCEEDED']));
    expect(answer.ms).toBeLessThan(5_000);

    const relaxed = buildApp({ db: store.db, dialect: store.dialect });
    const full = await post(relaxed, LETTERS_OF_100, { ids: caseIds(100) });
    expect(full.body.errors).toBeUndefined();
    expect(((full.body.data?.nodes ?? []) as unknown[]).filter(Boolean)).toHaveLength(100);
  });
});

describe('the response cache', () => {
  it('keeps small answers and not one larger than a quarter of its byte budget', async () => {
    const app = buildApp({
      db: store.db,
      dialect: store.dialect,
      responseCache: true,
      responseCacheBytes: 200_000,
    });
    const small = '{ cases(first: 1) { totalCount } }';
    await post(app, small);
    expect((await post(app, small)).body.extensions?.responseCache?.hit).toBe(true);

    const first = await post(app, LETTERS_OF_100, { ids: caseIds(100) });
    expect(first.bytes).toBeGreaterThan(200_000 / 4);
    const again = await post(app, LETTERS_OF_100, { ids: caseIds(100) });
    expect(again.body.extensions?.responseCache?.hit).toBe(false);
    expect((await post(app, small)).body.extensions?.responseCache?.hit).toBe(true);
  });
});

describe('guidelines(filter: { nameContains })', () => {
  it('matches % and _ literally', async () => {
    const app = buildApp({ db: store.db, dialect: store.dialect });
    const names = async (text: string) => {
      const answer = await post(
        app,
        'query($f: GuidelineFilter) { guidelines(first: 100, filter: $f) { edges { node { name } } } }',
        { f: { nameContains: text } },
      );
      const edges =
        (answer.body.data?.guidelines as { edges: { node: { name: string } }[] } | undefined)?.edges ?? [];
      return edges.map((edge) => edge.node.name);
    };
    expect(await names('0%')).toEqual(['Guide 100% proof']);
    expect(await names('e_x')).toEqual(['guide_x']);
    expect(await names('%')).toEqual(['Guide 100% proof']);
  });
});
