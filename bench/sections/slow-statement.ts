import { warmItemCube } from '../../packages/analytics/src/item-cube-snapshot';
import { appOptionsOf } from '../../packages/server/src/cli/commands/serve-options';
import { serve } from '../../packages/server/src/main';
import { runSlowStatement } from '../../packages/store/test-support/slow-statement';
import { percentile } from '../bench-types';

// Issue 18's slow-statement figure: while one statement runs for SLOW_MS on the server's store, another client
// asks /healthz, a cached query and a cube-answered one (a new filter each time, so the response cache cannot
// answer it), one after another. The server runs in this process, as `imr serve` builds it, because no API
// request runs a statement that long: the statement is started on the server's own store, as the suite's test
// does (packages/server/src/http/slow-statement.test.ts). The probes share the server's event loop, so a stalled
// loop shows in them.

const SLOW_MS = 20_000;
const PAUSE_MS = 20;
const CACHED = '{ itemStats(groupBy: [CATEGORY]) { total { count } groups { key { category } count } } }';
const CUBE = `query C($filter: ItemFilter) { itemStats(filter: $filter, groupBy: [DECISION_YEAR]) {
  total { count } groups { key { decisionYear } count overturnRate } } }`;

/** The k-th cube question: decision dates from a day that moves by one each time, so no two are alike. */
function cubeQuestion(k: number): string {
  const from = new Date(Date.UTC(2014, 0, 1) + k * 86_400_000).toISOString().slice(0, 10);
  return JSON.stringify({ query: CUBE, variables: { filter: { decisionDateFrom: from } } });
}

async function timed(request: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const response = await request();
  const body = await response.text();
  if (!response.ok || body.includes('"errors"')) throw new Error(`probe failed: ${body.slice(0, 300)}`);
  return performance.now() - started;
}

export interface SlowStatementProbe {
  dialect: string;
  probes: number;
  /** p99 in ms during the slow statement, and with nothing running. */
  health: { during: number; idle: number };
  cached: { during: number; idle: number };
  cube: { during: number; idle: number };
  statementSeconds: number;
}

export async function probeDuringSlowStatement(target: string): Promise<SlowStatementProbe> {
  const running = await serve({
    target,
    port: 0,
    host: '127.0.0.1',
    app: appOptionsOf({ requestLog: false }),
  });
  const base = running.url.replace(/\/graphql$/, '');
  const post = (body: string) => () =>
    fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  let question = 0;
  const probe = async (samples: { health: number[]; cached: number[]; cube: number[] }) => {
    samples.health.push(await timed(() => fetch(`${base}/healthz`)));
    samples.cached.push(await timed(post(JSON.stringify({ query: CACHED }))));
    samples.cube.push(await timed(post(cubeQuestion(question++))));
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  };
  try {
    if ((await warmItemCube(running.store.db, running.store.dialect)) === null) {
      throw new Error('the slow-statement probe needs a store large enough for the item cube (50,000 items)');
    }
    await timed(post(JSON.stringify({ query: CACHED }))); // fills the cache
    const idle = { health: [] as number[], cached: [] as number[], cube: [] as number[] };
    for (let i = 0; i < 100; i++) await probe(idle);
    const during = { health: [] as number[], cached: [] as number[], cube: [] as number[] };
    let slowRunning = true;
    const started = performance.now();
    const slow = runSlowStatement(running.store, SLOW_MS).finally(() => {
      slowRunning = false;
    });
    while (slowRunning) await probe(during);
    await slow;
    const p99 = (values: number[]) => Math.round(percentile(values, 99) * 10) / 10;
    return {
      dialect: running.store.dialect,
      probes: during.health.length,
      health: { during: p99(during.health), idle: p99(idle.health) },
      cached: { during: p99(during.cached), idle: p99(idle.cached) },
      cube: { during: p99(during.cube), idle: p99(idle.cube) },
      statementSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await running.close();
  }
}
