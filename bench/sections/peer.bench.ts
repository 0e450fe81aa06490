import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { type BenchFigure, type BenchSection, median } from '../bench-types';
import { REPO_ROOT } from './child-process';
import { freePort, withWarmServer } from './server-process';

// The API against the off-the-shelf stack issue 22 names as its peer (PostGraphile 5 with pg-aggregates,
// peer-server.ts), both over HTTP on the same PostgreSQL store, with the same client, one request of each in
// turn so a slow spell of the machine falls on both. Each pair asks for the same rows in the same order; the
// first answers are compared before timing, so a figure never compares a page with an empty one.

interface PeerPair {
  name: string;
  ours: string;
  peer: string;
  /** The answer reduced to what both must agree on. */
  oursKey: (data: unknown) => unknown;
  peerKey: (data: unknown) => unknown;
  /**
   * Ours answered by the in-memory cube: the figures compare the two products as they answer, not the same work,
   * so the ratio is reported, not scored.
   */
  fromCube?: boolean;
}

type Json = Record<string, unknown>;
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Json)[key] : undefined), value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const ITEMS_PAGE_OURS = `{ items(first: 20, orderBy: INGESTED_ASC) { edges { node {
  title decision category
  case { caseNumber dates { decision } priority }
  citations(first: 10) { edges { node { citedBy pages guideline { source name topic } } } }
} } } }`;
const ITEMS_PAGE_PEER = `{ allItems(first: 20, orderBy: PRIMARY_KEY_ASC) { edges { node {
  title decision category
  caseByCaseId { caseNumber dateDecision priority }
  citationsByItemId(first: 10, orderBy: ORDINAL_ASC) { edges { node { citedBy pages guidelineByGuidelineId { source name topic } } } }
} } } }`;

const CASES_PAGE_OURS = `{ cases(first: 100, orderBy: INGESTED_ASC) { edges { node {
  caseNumber dates { decision }
  reviewer { specialties licensedIn }
  items(first: 10) { edges { node {
    title decision category
    citations(first: 10) { edges { node { citedBy pages guideline { source name topic } } } }
  } } }
} } } }`;
const CASES_PAGE_PEER = `{ allCases(first: 100, orderBy: PRIMARY_KEY_ASC) { edges { node {
  caseNumber dateDecision
  reviewerByReviewerId { specialties licensedIn }
  itemsByCaseId(first: 10, orderBy: ORDINAL_ASC) { edges { node {
    title decision category
    citationsByItemId(first: 10, orderBy: ORDINAL_ASC) { edges { node { citedBy pages guidelineByGuidelineId { source name topic } } } }
  } } }
} } } }`;

const titlesOf = (edges: unknown) => list(edges).map((e) => at(e, 'node', 'title'));

/** Group counts as "key|key → count", sorted: both stacks' groups of every decision summed per key. */
function groupCounts(rows: { keys: string[]; count: number }[]): string[] {
  const sums = new Map<string, number>();
  for (const { keys, count } of rows) sums.set(keys.join('|'), (sums.get(keys.join('|')) ?? 0) + count);
  return [...sums].map(([k, n]) => `${k} → ${n}`).sort();
}

function statsPair(groupBy: string[]): PeerPair {
  return {
    name: `items grouped by ${groupBy.join(', ').toLowerCase()} with overturned counts (ours from its in-memory cube, the peer's by GROUP BY)`,
    ours: `{ itemStats(groupBy: [${groupBy.join(', ')}]) { groups { key { category decisionYear } count overturned } } }`,
    // pg-aggregates has no plain count per group: the distinct count of the primary key is that count.
    fromCube: true,
    peer: `{ allItems { groupedAggregates(groupBy: [${[...groupBy, 'DECISION'].join(', ')}]) { keys distinctCount { rowId } } } }`,
    oursKey: (data) =>
      groupCounts(
        list(at(data, 'itemStats', 'groups')).map((g) => ({
          keys: groupBy.map((d) =>
            String(at(g, 'key', d === 'CATEGORY' ? 'category' : 'decisionYear') ?? 'null'),
          ),
          count: Number(at(g, 'count')),
        })),
      ),
    peerKey: (data) =>
      groupCounts(
        list(at(data, 'allItems', 'groupedAggregates')).map((g) => ({
          keys: list(at(g, 'keys'))
            .slice(0, groupBy.length)
            .map((k) => String(k ?? 'null')),
          count: Number(at(g, 'distinctCount', 'rowId')),
        })),
      ),
  };
}

const PAIRS: PeerPair[] = [
  {
    name: 'page of 20 items → case, citations → guideline',
    ours: ITEMS_PAGE_OURS,
    peer: ITEMS_PAGE_PEER,
    oursKey: (data) => titlesOf(at(data, 'items', 'edges')),
    peerKey: (data) => titlesOf(at(data, 'allItems', 'edges')),
  },
  {
    name: 'page of 100 cases → reviewer, items → citations → guideline',
    ours: CASES_PAGE_OURS,
    peer: CASES_PAGE_PEER,
    oursKey: (data) =>
      list(at(data, 'cases', 'edges')).map((e) => titlesOf(at(e, 'node', 'items', 'edges')).join(' / ')),
    peerKey: (data) =>
      list(at(data, 'allCases', 'edges')).map((e) =>
        titlesOf(at(e, 'node', 'itemsByCaseId', 'edges')).join(' / '),
      ),
  },
  statsPair(['CATEGORY']),
  statsPair(['CATEGORY', 'DECISION_YEAR']),
];

async function ask(url: string, query: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors) throw new Error(`${url}: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data;
}

async function timed(url: string, query: string): Promise<number> {
  const started = performance.now();
  await ask(url, query);
  return performance.now() - started;
}

async function startPeer(db: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'bench/sections/peer-server.ts'), db, String(port)],
    { cwd: join(REPO_ROOT, 'bench'), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the peer did not start in 120 s: ${output}`)), 120_000);
    const read = (d: Buffer) => {
      output += d.toString();
      if (/^listening$/m.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the peer exited (${code}): ${output.slice(-2000)}`));
    });
  });
  try {
    await ready;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { url: `http://127.0.0.1:${port}/graphql`, child };
}

/** Untimed requests to each side before the timed ones, alternating, or fewer when they are slow. */
const WARMUP_REQUESTS = 20;
const WARMUP_BUDGET_MS = 6_000;

export const peerSection: BenchSection = {
  name: 'peer',
  async run(options, shared) {
    const db = shared.dbPath ?? options.db;
    const peerDb = options.peerDb ?? (db?.startsWith('postgres') ? db : null);
    if (!db || !peerDb) {
      options.log(
        'peer: skipped: the peer serves PostgreSQL only (--db postgres://..., or --peer-db beside a SQLite store of the same letters)',
      );
      return [];
    }
    const backend = db.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
    const samples = options.scale === 'full' ? 50 : 30;
    const figures: BenchFigure[] = [];
    const peer = await startPeer(peerDb);
    try {
      await withWarmServer(db, ['--no-cache'], async (server) => {
        for (const pair of PAIRS) {
          const [ours, theirs] = [await ask(server.url, pair.ours), await ask(peer.url, pair.peer)];
          const [oursKey, peerKey] = [
            JSON.stringify(pair.oursKey(ours)),
            JSON.stringify(pair.peerKey(theirs)),
          ];
          if (oursKey !== peerKey || oursKey === '[]') {
            throw new Error(
              `${pair.name}: the two answers differ, nothing to compare: ours ${oursKey.slice(0, 300)}, peer ${peerKey.slice(0, 300)}`,
            );
          }
          // Both sides warm up the same way before the timed requests (graphql-jit here, the peer's own plans
          // and caches there): the first dozen requests of an operation are several times its steady state.
          const warmUntil = performance.now() + WARMUP_BUDGET_MS;
          for (let i = 0; i < WARMUP_REQUESTS && performance.now() < warmUntil; i++) {
            await timed(server.url, pair.ours);
            await timed(peer.url, pair.peer);
          }
          const oursMs: number[] = [];
          const peerMs: number[] = [];
          for (let i = 0; i < samples; i++) {
            // Alternating who goes first, so neither always follows the other's garbage collection.
            if (i % 2 === 0) {
              oursMs.push(await timed(server.url, pair.ours));
              peerMs.push(await timed(peer.url, pair.peer));
            } else {
              peerMs.push(await timed(peer.url, pair.peer));
              oursMs.push(await timed(server.url, pair.ours));
            }
          }
          const [oursP50, peerP50] = [median(oursMs), median(peerMs)];
          figures.push(
            {
              section: 'peer',
              name: `${pair.name}: ours on ${backend}, HTTP p50`,
              value: Number(oursP50.toFixed(2)),
              unit: 'ms',
            },
            {
              section: 'peer',
              name: `${pair.name}: PostGraphile 5 + pg-aggregates on PostgreSQL, HTTP p50`,
              value: Number(peerP50.toFixed(2)),
              unit: 'ms',
            },
            {
              section: 'peer',
              name: `${pair.name}: ours on ${backend} / peer (p50)`,
              value: Number((oursP50 / peerP50).toFixed(2)),
              unit: '×',
              ...(pair.fromCube ? {} : { target: '<= 1' }),
            },
          );
          options.log(`peer: ${pair.name}: ours ${oursP50.toFixed(1)} ms, peer ${peerP50.toFixed(1)} ms`);
        }
      });
    } finally {
      peer.child.kill('SIGTERM');
    }
    return figures;
  },
};
