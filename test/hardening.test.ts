import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../packages/ingest/src/ingest-files';
import type { RequestLogLine } from '../packages/server/src/http/request-log.plugin';
import { buildApp } from '../packages/server/src/yoga';
import { openStore, type Store } from '../packages/store/src/client';

// Hostile operations against the real schema over the seed letters: each gets the right error quickly, and the
// server keeps answering normal queries afterwards.

const LETTERS = join(import.meta.dirname, 'fixtures/letters');
const NORMAL = '{ itemStats { total { count overturned } } }';

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
    extensions?: { cost?: { requested: number; limit: number }; responseCache?: { hit: boolean } };
  };
  ms: number;
}

let dir: string;
let store: Store;
let app: ReturnType<typeof buildApp>;
const log: RequestLogLine[] = [];

async function post(body: string, target: ReturnType<typeof buildApp> = app): Promise<Answer> {
  const started = performance.now();
  const response = await target.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {}, ms: performance.now() - started };
}

const query = (q: string, variables?: Record<string, unknown>) =>
  post(JSON.stringify({ query: q, variables }));

async function expectStillServing(): Promise<void> {
  const answer = await query(NORMAL);
  expect(answer.body.errors).toBeUndefined();
  expect(answer.body.data).toEqual({ itemStats: { total: { count: 9, overturned: 1 } } });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'imr-hardening-'));
  const dbPath = join(dir, 'imr.db');
  const writer = await openStore(dbPath);
  await ingestFiles({ store: writer, paths: [LETTERS], threads: 1 });
  await writer.close();
  store = await openStore(dbPath, { readonly: true });
  app = buildApp({ db: store.db, dialect: store.dialect, log: (line) => log.push(line) });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hostile operations', () => {
  const nested = (depth: number) => {
    let selection = 'id';
    for (let i = 0; i < depth; i++)
      selection = `case { items(first: 1) { edges { node { ${selection} } } } }`;
    return `{ items(first: 1) { edges { node { ${selection} } } } }`;
  };

  const cases: { name: string; body: () => string; expectError: RegExp }[] = [
    { name: 'deep nesting', body: () => JSON.stringify({ query: nested(8) }), expectError: /depth/i },
    {
      name: 'alias bomb',
      body: () =>
        JSON.stringify({
          query: `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: itemStats { total { count } }`).join(' ')} }`,
        }),
      expectError: /alias/i,
    },
    {
      name: 'huge first',
      body: () => JSON.stringify({ query: '{ items(first: 100000) { edges { node { id } } } }' }),
      expectError: /first|100/i,
    },
    {
      name: 'circular fragments',
      body: () =>
        JSON.stringify({
          query:
            'query Q { items(first: 1) { ...A } } fragment A on ItemConnection { ...B } fragment B on ItemConnection { ...A }',
        }),
      expectError: /within itself|cycle|circular/i,
    },
    {
      name: '10,000-field query',
      body: () =>
        JSON.stringify({ query: `{ items(first: 1) { edges { node { ${'title '.repeat(10_000)} } } } }` }),
      expectError: /token/i,
    },
    {
      name: 'nested pages over the cost limit',
      body: () =>
        JSON.stringify({
          query:
            '{ cases(first: 100) { edges { node { items(first: 100) { edges { node { citations(first: 100) { edges { node { pages } } } } } } } } } }',
        }),
      expectError: /cost/i,
    },
    {
      name: 'malformed JSON body',
      body: () => '{"query": "{ itemStats { total { count } }"',
      expectError: /json|parse|body/i,
    },
    {
      name: 'not a GraphQL document',
      body: () => JSON.stringify({ query: '}}}{{{' }),
      expectError: /syntax/i,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: refused with a clear error, quickly, and the server keeps answering`, async () => {
      const answer = await post(c.body());
      expect(answer.body.data ?? null).toBeNull();
      const messages = (answer.body.errors ?? []).map((e) => e.message).join(' | ');
      expect(messages).toMatch(c.expectError);
      expect(messages).not.toMatch(/at .+\.ts:\d+/); // no stack trace
      expect(answer.ms).toBeLessThan(5_000);
      await expectStillServing();
    });
  }

  it('SQL-looking strings in every filter are data, not SQL', async () => {
    const evil = "x' OR 1=1; DROP TABLE items; --";
    const filter = {
      treatment: [evil],
      drug: [evil],
      reviewerSpecialty: [evil],
      reviewerState: [evil],
      guidelineTopic: [evil],
      text: evil,
    };
    for (const [field, value] of Object.entries(filter)) {
      const answer = await query('query($f: ItemFilter) { itemStats(filter: $f) { total { count } } }', {
        f: { [field]: value },
      });
      expect(answer.body.errors, field).toBeUndefined();
      expect(answer.body.data, field).toEqual({ itemStats: { total: { count: 0 } } });
    }
    const badDate = await query('query($f: ItemFilter) { itemStats(filter: $f) { total { count } } }', {
      f: { decisionDateFrom: evil },
    });
    expect(badDate.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await expectStillServing();
  });
});

describe('operational behaviour', () => {
  it('reports the cost of every answer in extensions and logs one line per request', async () => {
    log.length = 0;
    const answer = await query(
      'query Page { cases(first: 5) { edges { node { items(first: 3) { edges { node { title } } } } } } }',
    );
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.extensions?.cost).toEqual({ requested: 5 + 5 * 3, limit: 50_000 });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ operation: 'Page', cost: 20, errors: 0 });
  });

  it('answers health and readiness', async () => {
    const health = await app.fetch('http://test/healthz');
    expect(health.status).toBe(200);
    const ready = await app.fetch('http://test/readyz');
    expect(await ready.json()).toEqual({ status: 'ready', store: 'sqlite' });
  });

  it('caches answers until the store changes', async () => {
    const cached = buildApp({ db: store.db, dialect: store.dialect, responseCache: true });
    const first = await post(JSON.stringify({ query: NORMAL }), cached);
    const second = await post(JSON.stringify({ query: NORMAL }), cached);
    expect(first.body.extensions?.responseCache?.hit).toBe(false);
    expect(second.body.extensions?.responseCache?.hit).toBe(true);
    expect(second.body.data).toEqual(first.body.data);
  });

  it('logs an answer the response cache gave, marked cached', async () => {
    const lines: RequestLogLine[] = [];
    const cached = buildApp({
      db: store.db,
      dialect: store.dialect,
      responseCache: true,
      log: (line) => lines.push(line),
    });
    const body = JSON.stringify({ query: 'query Count { itemStats { total { count } } }' });
    await post(body, cached);
    await post(body, cached);
    expect(lines.map((line) => [line.operation, line.cached])).toEqual([
      ['Count', false],
      ['Count', true],
    ]);
  });

  it('limits each client to its rate, with 429 and Retry-After', async () => {
    const limited = buildApp({ db: store.db, dialect: store.dialect, rateLimitPerMinute: 60 });
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++)
      statuses.push((await post(JSON.stringify({ query: NORMAL }), limited)).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('in production hides field suggestions and allows only persisted operations when given', async () => {
    const production = buildApp({ db: store.db, dialect: store.dialect, production: true });
    const typo = await post(JSON.stringify({ query: '{ itemStat { total { count } } }' }), production);
    expect(JSON.stringify(typo.body.errors)).not.toMatch(/Did you mean/);
    const allowed = new Map([['abc123', NORMAL]]);
    const persisted = buildApp({
      db: store.db,
      dialect: store.dialect,
      production: true,
      persistedOperations: allowed,
    });
    const arbitrary = await post(JSON.stringify({ query: NORMAL }), persisted);
    expect(arbitrary.body.errors?.[0]?.message).toMatch(/persisted/i);
    const byHash = await post(
      JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'abc123' } } }),
      persisted,
    );
    expect(byHash.body.data).toEqual({ itemStats: { total: { count: 9, overturned: 1 } } });
  });
});
