import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../packages/ingest/src/ingest-files';
import { queryCommand, runQuery } from '../packages/server/src/cli/commands/query.command';
import { ensureSampleStore } from '../packages/server/src/cli/commands/start.command';
import { resultToCsv } from '../packages/server/src/cli/result-csv';
import { serve } from '../packages/server/src/main';
import { buildApp } from '../packages/server/src/yoga';
import { openStore, type Store } from '../packages/store/src/client';
import { describeEachBackend } from '../packages/store/test-support/test-store';

// The API end to end: the five seed letters go through the real ingest (parser included) into a SQLite file,
// (SQLite file or PostgreSQL schema), then real operations run over yoga.fetch, the `imr query` path, and a listening server.

const LETTERS = join(import.meta.dirname, 'fixtures/letters');

interface Result<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}
type Connection<T> = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
};

let dir: string;
/** The store: a SQLite file, or a PostgreSQL URL naming a fresh schema. */
let dbPath: string;
let store: Store;
let app: ReturnType<typeof buildApp>;

async function run<T>(query: string, variables?: Record<string, unknown>): Promise<Result<T>> {
  const response = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Result<T>;
}

async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await run<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

describeEachBackend('API end to end', (backend) => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'imr-api-'));
    // One file the ingest must reject, so ingestErrors has something to say.
    writeFileSync(join(dir, 'not-a-letter.txt'), 'Dear diary, today nothing happened.\n');
    dbPath = await backend.freshTarget();
    const writer = await openStore(dbPath);
    await ingestFiles({ store: writer, paths: [LETTERS, join(dir, 'not-a-letter.txt')], threads: 1 });
    await writer.close();
    store = await openStore(dbPath, { readonly: true });
    app = buildApp({ db: store.db, dialect: store.dialect });
  });

  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('GraphQL API over the ingested seed letters', () => {
    it('holds 5 cases and 9 items', async () => {
      const d = await data<{ cases: { totalCount: number }; items: { totalCount: number } }>(
        '{ cases { totalCount } items { totalCount } }',
      );
      expect(d).toEqual({ cases: { totalCount: 5 }, items: { totalCount: 9 } });
    });

    it('reads case CM14-0166055 with its dates, reviewer, item, citations and source letter', async () => {
      const { case: c } = await data<{ case: Record<string, unknown> & { letterText: string } }>(`{
      case(caseNumber: "CM14-0166055") {
        caseNumber priority daysToDecision diagnoses
        dates { assigned injury decision urDenial applicationReceived }
        reviewer { specialties subspecialties licensedIn stats { count upheld overturned overturnRate } }
        items(first: 10) { totalCount edges { node {
          decision category treatment bodyRegions
          quantity { count unit } frequency { min max per } duration { min max unit }
          citations(first: 10) { totalCount edges { node { citedBy pages guideline { source name topic } } } }
        } } }
        document { sha256 sourcePath sizeBytes ingestedAt parserVersion }
        letterText
      }
    }`);
      expect(c).toMatchObject({
        caseNumber: 'CM14-0166055',
        priority: 'STANDARD',
        daysToDecision: 53,
        diagnoses: ['cervicalgia'],
        dates: {
          assigned: '2014-10-13',
          injury: '1997-09-15',
          decision: '2014-11-25',
          urDenial: '2014-10-03',
          applicationReceived: '2014-10-08',
        },
        reviewer: {
          specialties: expect.arrayContaining(['Physical Medicine and Rehabilitation', 'Pain Medicine']),
          licensedIn: ['CA'],
          stats: { count: 1, upheld: 1, overturned: 0, overturnRate: 0 },
        },
        items: {
          totalCount: 1,
          edges: [
            {
              node: {
                decision: 'UPHELD',
                category: 'PHYSICAL_MEDICINE',
                treatment: 'massage therapy',
                bodyRegions: ['CERVICAL_SPINE'],
                quantity: { count: 24, unit: 'session' },
                frequency: { min: 2, max: 2, per: 'MONTH' },
                duration: { min: 12, max: 12, unit: 'MONTH' },
                citations: { totalCount: 2 },
              },
            },
          ],
        },
        document: {
          sourcePath: expect.stringMatching(/001_87da8c50259763f6\.txt$/),
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      });
      expect(c.letterText).toContain('CM14-0166055');
    });

    it('filters items and cases, alone and combined', async () => {
      const count = async (query: string) =>
        Object.values(await data<Record<string, { totalCount: number }>>(query))[0]!.totalCount;
      expect(await count('{ items(filter: { category: [PHYSICAL_MEDICINE] }) { totalCount } }')).toBe(8);
      expect(await count('{ items(filter: { category: [PHARMACEUTICAL] }) { totalCount } }')).toBe(1);
      expect(await count('{ items(filter: { decision: [OVERTURNED] }) { totalCount } }')).toBe(1);
      expect(
        await count(
          '{ items(filter: { category: [PHYSICAL_MEDICINE], decision: [OVERTURNED] }) { totalCount } }',
        ),
      ).toBe(1);
      expect(
        await count('{ items(filter: { drugClass: [OPIOID], decision: [OVERTURNED] }) { totalCount } }'),
      ).toBe(0);
      expect(await count('{ items(filter: { reviewerState: ["IL"] }) { totalCount } }')).toBe(1);
      expect(
        await count('{ items(filter: { treatment: ["massage therapy"] }) { totalCount } }'),
      ).toBeGreaterThan(1);
      expect(await count('{ cases(filter: { priority: [STANDARD] }) { totalCount } }')).toBe(1);
      expect(await count('{ cases(filter: { items: { decision: [OVERTURNED] } }) { totalCount } }')).toBe(1);
      expect(
        await count(
          '{ cases(filter: { decisionDateFrom: "2014-11-01", decisionDateTo: "2014-11-30" }) { totalCount } }',
        ),
      ).toBe(1);
    });

    it('walks all pages of cases and items', async () => {
      for (const [field, total] of [
        ['cases', 5],
        ['items', 9],
      ] as const) {
        const ids: string[] = [];
        let after: string | null = null;
        do {
          const page: Record<string, Connection<{ id: string }>> = await data(
            `query($after: String) { ${field}(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
            { after },
          );
          const connection = page[field]!;
          expect(connection.edges.length).toBeLessThanOrEqual(2);
          ids.push(...connection.edges.map((e) => e.node.id));
          after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
        } while (after);
        expect(new Set(ids).size).toBe(total);
        expect(ids).toHaveLength(total);
      }
    });

    it('round-trips a case through node(id)', async () => {
      const { case: c } = await data<{ case: { id: string } }>('{ case(caseNumber: "CM14-0166055") { id } }');
      const { node } = await data<{ node: { __typename: string; caseNumber: string } }>(
        'query($id: ID!) { node(id: $id) { __typename ... on Case { caseNumber } } }',
        { id: c.id },
      );
      expect(node).toEqual({ __typename: 'Case', caseNumber: 'CM14-0166055' });
    });

    it('finds rationales by full-text search, with <mark>ed snippets', async () => {
      const { search } = await data<{
        search: Connection<{
          kind: string;
          title: string | null;
          snippet: string;
          item: { treatment: string } | null;
        }>;
      }>(
        '{ search(query: "massage", first: 5) { totalCount edges { node { kind title snippet item { treatment } } } } }',
      );
      expect(search.totalCount).toBeGreaterThan(0);
      const first = search.edges[0]!.node;
      expect(`${first.title ?? ''} ${first.snippet}`).toMatch(/<mark>massage<\/mark>/i);
    });

    it('lists what the ingest rejected and why', async () => {
      const { ingestErrors } = await data<{
        ingestErrors: Connection<{ file: string; reason: string; createdAt: string }>;
      }>('{ ingestErrors { totalCount edges { node { file reason createdAt } } } }');
      expect(ingestErrors.totalCount).toBe(1);
      expect(ingestErrors.edges[0]!.node.file).toMatch(/not-a-letter\.txt$/);
      expect(ingestErrors.edges[0]!.node.reason.length).toBeGreaterThan(0);
    });

    it('rejects a bad date and an oversized page with BAD_USER_INPUT', async () => {
      for (const query of [
        '{ items(filter: { decisionDateFrom: "11/25/2014" }) { totalCount } }',
        '{ cases(first: 1000) { totalCount } }',
      ]) {
        const result = await run(query);
        expect(result.data).toBeNull();
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    });
  });

  describe('imr query, imr serve, imr start', () => {
    it('imr query prints the hand counts of itemStats, as JSON and as CSV', async () => {
      const result = await runQuery(
        dbPath,
        '{ itemStats(groupBy: [CATEGORY]) { total { count upheld overturned } groups { key { category } count overturned } } }',
      );
      expect(result.errors).toBeUndefined();
      const stats = (result.data as { itemStats: { total: unknown; groups: unknown[] } }).itemStats;
      expect(stats.total).toEqual({ count: 9, upheld: 8, overturned: 1 });
      expect(stats.groups).toEqual(
        expect.arrayContaining([
          { key: { category: 'PHYSICAL_MEDICINE' }, count: 8, overturned: 1 },
          { key: { category: 'PHARMACEUTICAL' }, count: 1, overturned: 0 },
        ]),
      );
      const csv = resultToCsv(result.data as Parameters<typeof resultToCsv>[0]);
      expect(csv.split('\n')[0]).toBe('category,count,overturned');
      expect(csv).toContain('PHYSICAL_MEDICINE,8,1\n');
    });

    it('imr serve answers GraphQL and serves GraphiQL with the example operations', async () => {
      const running = await serve({ target: dbPath, port: 0, host: '127.0.0.1' });
      try {
        const page = await fetch(running.url, { headers: { accept: 'text/html' } });
        expect(await page.text()).toContain('OverturnRateByCategory');
        const response = await fetch(running.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ cases { totalCount } }' }),
        });
        expect(await response.json()).toMatchObject({ data: { cases: { totalCount: 5 } } });
      } finally {
        await running.close();
      }
    });

    it('the imr query command prints CSV, and a bad operation goes to stderr with exit code 1', async () => {
      const cli = async (operation: string, format = 'json') => {
        const out: string[] = [];
        const err: string[] = [];
        const status = await queryCommand(
          operation,
          { db: dbPath, format },
          { out: (text) => out.push(text), err: (line) => err.push(line) },
        );
        return { status, stdout: out.join(''), stderr: err.join('\n') };
      };
      const csv = await cli(
        '{ itemStats(groupBy: [CATEGORY]) { groups { key { category } count overturned } } }',
        'csv',
      );
      expect(csv.status).toBe(0);
      expect(csv.stdout).toContain('PHYSICAL_MEDICINE,8,1\n');
      const bad = await cli('{ items(first: 1000) { totalCount } }');
      expect(bad.status).toBe(1);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toMatch(/imr query: first: 1000 is out of range.*BAD_USER_INPUT/);
    });

    // The bundled sample store is a SQLite file by design.
    it.runIf(backend.dialect === 'sqlite')(
      'imr start creates the store from the bundled letters once, then leaves it alone',
      async () => {
        const target = join(dir, 'fresh', 'imr.db');
        expect(await ensureSampleStore(target)).toBe(5);
        expect(await ensureSampleStore(target)).toBeNull();
        const result = await runQuery(target, '{ items { totalCount } }');
        expect(result.data).toEqual({ items: { totalCount: 9 } });
      },
    );
  });
});
