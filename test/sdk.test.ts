import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  collect,
  createImrClient,
  type FetchLike,
  type ImrClient,
  ImrGraphQLError,
  operationDocuments,
} from '@imr/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../packages/ingest/src/ingest-files';
import { buildApp } from '../packages/server/src/yoga';
import { openStore, type Store } from '../packages/store/src/client';

// The SDK against the real API, over the seed letters ingested by the real ingest: once in-process (yoga.fetch)
// and once over HTTP against `imr serve` on a loopback port. Every operation the SDK ships runs on both
// transports (the last test of each proves it), and the examples run against the listening server.

const ROOT = join(import.meta.dirname, '..');
const LETTERS = join(import.meta.dirname, 'fixtures/letters');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const run = promisify(execFile);

let dir: string;
let dbPath: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'imr-sdk-'));
  // A file the ingest rejects, so ingestErrors has one to list.
  writeFileSync(join(dir, 'not-a-letter.txt'), 'Dear diary, today nothing happened.\n');
  dbPath = join(dir, 'imr.db');
  const writer = await openStore(dbPath);
  await ingestFiles({ store: writer, paths: [LETTERS, join(dir, 'not-a-letter.txt')], threads: 1 });
  await writer.close();
  store = await openStore(dbPath, { readonly: true });
});

afterAll(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Spawns `imr serve` over the store and resolves with its GraphQL URL once it says it is listening. */
async function startServe(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    TSX,
    ['packages/server/src/cli/main.ts', 'serve', '--db', dbPath, '--port', String(port), '--no-request-log'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`imr serve did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphiQL: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`imr serve exited with ${code}:\n${output}`));
    });
  });
  return { url, child };
}

async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // The group: tsx runs the CLI in a child process of its own.
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}

/** Wraps a fetch so the test can tell which operations went over it. */
function recording(fetch: FetchLike): { fetch: FetchLike; operations: Set<string> } {
  const operations = new Set<string>();
  return {
    operations,
    fetch: (input, init) => {
      const body = JSON.parse(String(init.body)) as { operationName?: string | null };
      if (body.operationName) operations.add(body.operationName);
      return fetch(input, init);
    },
  };
}

interface Transport {
  name: string;
  connect(): Promise<{ url: string; fetch: FetchLike; close(): Promise<void> }>;
}

const TRANSPORTS: Transport[] = [
  {
    name: 'in-process (yoga.fetch)',
    async connect() {
      const yoga = buildApp({ db: store.db, dialect: store.dialect });
      return {
        url: 'http://imr.test/graphql',
        fetch: (url, init) => Promise.resolve(yoga.fetch(url, init)),
        close: async () => {},
      };
    },
  },
  {
    name: 'HTTP against imr serve on a loopback port',
    async connect() {
      const { url, child } = await startServe();
      return { url, fetch: (input, init) => fetch(input, init), close: () => stopServe(child) };
    },
  },
];

for (const transport of TRANSPORTS) {
  describe(`the SDK ${transport.name}`, () => {
    let client: ImrClient;
    let used: Set<string>;
    let close: () => Promise<void> = async () => {};
    let url: string;

    beforeAll(async () => {
      const connection = await transport.connect();
      const recorder = recording(connection.fetch);
      url = connection.url;
      used = recorder.operations;
      close = connection.close;
      client = createImrClient({ url: connection.url, fetch: recorder.fetch });
    });

    afterAll(async () => {
      await close();
    });

    it('itemStats: overturn rate by category with Wilson intervals', async () => {
      const { itemStats } = await client.itemStats({ groupBy: ['CATEGORY'], orderBy: 'KEY_ASC' });
      expect(itemStats.total).toMatchObject({ count: 9, upheld: 8, overturned: 1 });
      expect(itemStats.groups.map((g) => [g.key.category, g.count, g.overturned])).toEqual([
        ['PHARMACEUTICAL', 1, 0],
        ['PHYSICAL_MEDICINE', 8, 1],
      ]);
      const physical = itemStats.groups[1]!;
      expect(physical.overturnRate).toBe(0.125);
      expect(physical.overturnRateInterval!.low).toBeLessThan(0.125);
      expect(physical.overturnRateInterval!.high).toBeGreaterThan(0.125);
      expect(client.toRows(itemStats)[1]).toMatchObject({
        category: 'PHYSICAL_MEDICINE',
        count: 8,
        overturnRate: 0.125,
      });
      expect(Object.keys(client.toRows(itemStats)[0]!)).not.toContain('drugClass');
    });

    it('itemStats: drug classes and reviewer specialties', async () => {
      const drugs = await client.itemStats({
        groupBy: ['DRUG_CLASS'],
        filter: { category: ['PHARMACEUTICAL'] },
      });
      expect(drugs.itemStats.groups.map((g) => [g.key.drugClass, g.count])).toEqual([['OPIOID', 1]]);
      const specialties = await client.itemStats({ groupBy: ['REVIEWER_SPECIALTY'] });
      expect(specialties.itemStats.groups.map((g) => g.key.reviewerSpecialty)).toContain('Family Medicine');
    });

    it('timeSeries: items per month in time order, undated apart, adding up to every item', async () => {
      const { timeSeries } = await client.timeSeries({ interval: 'MONTH' });
      expect(timeSeries.interval).toBe('MONTH');
      const periods = timeSeries.buckets.map((b) => b.period);
      expect([...periods].sort()).toEqual(periods);
      const dated = timeSeries.buckets.reduce((n, b) => n + b.count, 0);
      expect(dated).toBeGreaterThan(0);
      expect(dated + timeSeries.undated.count).toBe(9);
    });

    it('caseStats: days from UR denial to decision', async () => {
      const { caseStats } = await client.caseStats();
      expect(caseStats.total.cases).toBe(5);
      expect(caseStats.total.items).toBe(9);
      const days = caseStats.total.daysToDecision;
      // CM14-0166055: UR denial 2014-10-03, decision 2014-11-25.
      expect(days.count).toBeGreaterThanOrEqual(1);
      expect(days.max).toBeGreaterThanOrEqual(53);
      expect(days.median).not.toBeNull();
      const byYear = await client.caseStats({ groupBy: ['DECISION_YEAR'] });
      expect(byYear.caseStats.groups.reduce((n, g) => n + g.cases, 0)).toBe(5);
    });

    it('guidelineStats and citedPages: most cited guidelines and pages per category, overturn rate when cited', async () => {
      const { guidelineStats } = await client.guidelineStats({ perCategory: true, level: 'GUIDELINE' });
      expect(guidelineStats.items.count).toBe(9);
      const chronicPain = guidelineStats.groups.find(
        (g) =>
          g.category === 'PHYSICAL_MEDICINE' && g.guideline === 'Chronic Pain Medical Treatment Guidelines',
      );
      expect(chronicPain).toBeDefined();
      expect(chronicPain!.citations).toBeGreaterThanOrEqual(chronicPain!.count);
      expect(chronicPain!.share).toBeGreaterThan(0);
      expect(chronicPain!.share).toBeLessThanOrEqual(1);
      const { citedPages } = await client.citedPages({ perCategory: true });
      expect(citedPages.items.count).toBe(9);
      for (const page of citedPages.groups) {
        expect(page.page).toBeGreaterThan(0);
        expect(page.count).toBeGreaterThan(0);
      }
    });

    it('citationCoverage: how often each party cited nothing', async () => {
      const { citationCoverage } = await client.citationCoverage();
      expect(citationCoverage.map((c) => c.citedBy).sort()).toEqual(['CLAIMS_ADMINISTRATOR', 'IMR_REVIEWER']);
      for (const party of citationCoverage) {
        expect(party.citedNothing.count + party.citedSomething.count).toBe(party.items);
      }
    });

    it('items: a filtered page, and every page through walk.items', async () => {
      const page = await client.items({ filter: { category: ['PHYSICAL_MEDICINE'] }, first: 3 });
      expect(page.items.totalCount).toBe(8);
      expect(page.items.edges).toHaveLength(3);
      expect(page.items.pageInfo.hasNextPage).toBe(true);
      const walked = await collect(
        client.walk.items({ filter: { category: ['PHYSICAL_MEDICINE'] }, first: 3 }),
      );
      expect(new Set(walked.map((i) => i.id)).size).toBe(8);
      expect(walked.filter((i) => i.decision === 'OVERTURNED')).toHaveLength(1);
    });

    it('items: a filter the API refuses raises ImrGraphQLError with its code', async () => {
      const error = await client
        .items({ filter: { decisionDateFrom: '11/25/2014' } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImrGraphQLError);
      expect((error as ImrGraphQLError).code).toBe('BAD_USER_INPUT');
      expect((error as ImrGraphQLError).message).toMatch(/date/i);
    });

    it('cases: a page, and every page through walk.cases', async () => {
      const page = await client.cases({ first: 2, orderBy: 'CASE_NUMBER_ASC' });
      expect(page.cases.totalCount).toBe(5);
      expect(page.cases.edges).toHaveLength(2);
      const walked = await collect(client.walk.cases({ first: 2 }));
      expect(new Set(walked.map((c) => c.letterKey)).size).toBe(5);
      expect(walked.map((c) => c.caseNumber)).toContain('CM14-0166055');
    });

    it('case: by number with items, citations, reviewer and letter text', async () => {
      const { case: found } = await client.case({ caseNumber: 'CM14-0166055' });
      expect(found).toMatchObject({
        caseNumber: 'CM14-0166055',
        daysToDecision: 53,
        dates: { urDenial: '2014-10-03', decision: '2014-11-25' },
        reviewer: { licensedIn: ['CA'], stats: { count: 1, upheld: 1 } },
      });
      expect(found!.items.edges).toHaveLength(1);
      const item = found!.items.edges[0]!.node;
      expect(item).toMatchObject({ treatment: 'massage therapy', decision: 'UPHELD' });
      expect(item.citations.totalCount).toBe(2);
      expect(found!.letterText).toContain('CM14-0166055');
      const withoutText = await client.case({ caseNumber: 'CM14-0166055', withLetterText: false });
      expect(withoutText.case).not.toHaveProperty('letterText');
      expect((await client.case({ caseNumber: 'CM99-0000000' })).case).toBeNull();
    });

    it('search: snippets with marked matches, every hit through walk.search', async () => {
      const { search } = await client.search({ query: 'massage', first: 3 });
      expect(search.totalCount).toBeGreaterThan(3);
      expect(search.edges.some((e) => /<mark>massage<\/mark>/i.test(e.node.snippet))).toBe(true);
      const hits = await collect(client.walk.search({ query: 'massage', first: 3 }));
      expect(hits).toHaveLength(search.totalCount);
    });

    it('guidelines: each with how often it was cited', async () => {
      const guidelines = await collect(client.walk.guidelines({ first: 5 }));
      const { guidelines: page } = await client.guidelines({ first: 1 });
      expect(guidelines).toHaveLength(page.totalCount);
      for (const g of guidelines) expect(g.stats.citations).toBeGreaterThanOrEqual(g.stats.count);
      expect(guidelines.some((g) => g.source === 'MTUS')).toBe(true);
    });

    it('reviewers: credential profiles whose items add up to every item', async () => {
      const { reviewers } = await client.reviewers({ first: 100 });
      expect(reviewers.totalCount).toBe(5);
      expect(reviewers.edges.reduce((n, e) => n + e.node.stats.count, 0)).toBe(9);
      const illinois = await client.reviewers({ filter: { state: ['IL'] } });
      expect(illinois.reviewers.totalCount).toBe(1);
    });

    it('ingestErrors: the rejected file and why', async () => {
      const { ingestErrors } = await client.ingestErrors();
      expect(ingestErrors.totalCount).toBe(1);
      expect(ingestErrors.edges[0]!.node.file).toMatch(/not-a-letter\.txt$/);
      expect(ingestErrors.edges[0]!.node.reason).not.toBe('');
    });

    it('request: a custom query string', async () => {
      const data = await client.request<{ items: { totalCount: number } }>(
        'query CustomCount($category: [Category!]) { items(filter: { category: $category }) { totalCount } }',
        { category: ['PHARMACEUTICAL'] },
      );
      expect(data.items.totalCount).toBe(1);
    });

    it('ran every operation the SDK ships', () => {
      const shipped = [...operationDocuments().keys()].map((m) => m.charAt(0).toUpperCase() + m.slice(1));
      expect(shipped.filter((name) => !used.has(name))).toEqual([]);
      expect(url).toMatch(/^http:\/\//);
    });
  });
}

describe('the examples against imr serve', () => {
  let url: string;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    ({ url, child } = await startServe());
  });

  afterAll(async () => {
    if (child) await stopServe(child);
  });

  it('notebook.ts prints overturn rate by category and year: 9 items, PHYSICAL_MEDICINE 8 (1 overturned), PHARMACEUTICAL 1', async () => {
    const { stdout } = await run(
      TSX,
      ['--conditions=@imr/source', 'packages/sdk/examples/notebook.ts', '--url', url],
      { cwd: ROOT },
    );
    const lines = stdout.split('\n');
    const header = lines.find((l) => l.startsWith('category'))!;
    expect(header.split(/\s{2,}/)).toEqual([
      'category',
      'year',
      'items',
      'upheld',
      'overturned',
      'overturn rate',
      '95% interval',
    ]);
    const row = (category: string) =>
      lines
        .find((l) => l.startsWith(`${category} `) && l.includes('all years'))
        ?.trim()
        .split(/\s{2,}/);
    expect(row('PHYSICAL_MEDICINE')).toEqual([
      'PHYSICAL_MEDICINE',
      'all years',
      '8',
      '7',
      '1',
      '12.5%',
      '2.2% – 47.1%',
    ]);
    expect(row('PHARMACEUTICAL')?.slice(0, 5)).toEqual(['PHARMACEUTICAL', 'all years', '1', '1', '0']);
    expect(row('ALL CATEGORIES')?.slice(0, 5)).toEqual(['ALL CATEGORIES', 'all years', '9', '8', '1']);
    // The per-year rows of a category add up to its subtotal.
    const yearRows = lines.filter((l) => l.startsWith('PHYSICAL_MEDICINE ') && !l.includes('all years'));
    expect(yearRows.reduce((n, l) => n + Number(l.trim().split(/\s{2,}/)[2]), 0)).toBe(8);
  });

  it('app.ts pages through a filtered list', async () => {
    const { stdout } = await run(
      TSX,
      [
        '--conditions=@imr/source',
        'packages/sdk/examples/app.ts',
        '--url',
        url,
        '--category',
        'PHYSICAL_MEDICINE',
        '--page-size',
        '3',
      ],
      { cwd: ROOT },
    );
    expect(stdout).toContain('page 1 of 3 (8 items)');
    expect(stdout).toContain('page 3 of 3 (8 items)');
    expect(stdout.match(/PHYSICAL_MEDICINE/g)).toHaveLength(8);
    const { stdout: pharma } = await run(
      TSX,
      [
        '--conditions=@imr/source',
        'packages/sdk/examples/app.ts',
        '--url',
        url,
        '--category',
        'PHARMACEUTICAL',
      ],
      { cwd: ROOT },
    );
    expect(pharma).toContain('page 1 of 1 (1 items)');
    expect(pharma).toContain('Dilaudid 4mg #90');
  });
});
