import { cpus } from 'node:os';
import { SeededRandom } from '@imr/generator';
import autocannon from 'autocannon';
import type { BenchSection } from '../bench-types';
import { dashboardMix, uncachedDashboardRequest } from './query-workload';
import { withWarmServer } from './server-process';
import { probeDuringSlowStatement } from './slow-statement';

/** A seeded stream of numbers in [0, 1), the generator's, so runs repeat. */
function seededRandom(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.next();
}

function cachedRequests(): autocannon.Request[] {
  return dashboardMix().map((body) => ({
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }));
}

/** Every request a dashboard question not asked before (seeded, so runs ask the same sequence). */
function uncachedRequests(): autocannon.Request[] {
  const random = seededRandom(18);
  return [
    {
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => ({ ...request, body: JSON.stringify(uncachedDashboardRequest(random)) }),
    },
  ];
}

/** GraphQL errors come back as HTTP 200: a mix with an invalid question would look fast and clean. */
async function checkUncachedRequests(url: string): Promise<void> {
  const random = seededRandom(99);
  for (let i = 0; i < 30; i++) {
    const body = uncachedDashboardRequest(random);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { errors?: { message: string }[] };
    if (!response.ok || answer.errors) {
      throw new Error(
        `uncached mix request ${JSON.stringify(body)} failed: ${JSON.stringify(answer.errors)}`,
      );
    }
  }
}

export type LoadMix = 'cached' | 'uncached';

/** CPU times of every core summed: busy and all, in ms. */
function cpuTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

/**
 * 50 concurrent clients on loopback, bounded in time: `cached` cycles through the dashboard's first-load
 * questions (answered from the response cache after the first), `uncached` asks a different one every time.
 */
export async function runLoad(db: string, seconds: number, connections = 50, mix: LoadMix = 'cached') {
  return withWarmServer(db, [], async (server) => {
    if (mix === 'uncached') await checkUncachedRequests(server.url);
    const cpuBefore = cpuTimes();
    const result = await autocannon({
      url: server.url,
      connections,
      duration: seconds,
      requests: mix === 'cached' ? cachedRequests() : uncachedRequests(),
    });
    // Which kind of failure, and the HTTP statuses, so a non-zero error count says where to look.
    const statuses = Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, stat]) => `${code}×${stat.count}`);
    const breakdown = [
      `${result.errors} socket errors`,
      `${result.timeouts} timeouts`,
      `${result.non2xx} non-2xx${statuses.length > 0 ? ` (${statuses.join(', ')})` : ''}`,
    ].join(', ');
    const cpuAfter = cpuTimes();
    return {
      // The whole machine's: the server and the load generator (this process) share its cores.
      cpuBusyPercent: Math.round(
        (100 * (cpuAfter.busy - cpuBefore.busy)) / Math.max(1, cpuAfter.total - cpuBefore.total),
      ),
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      breakdown,
      total: result.requests.total,
    };
  });
}

export const loadSection: BenchSection = {
  name: 'load',
  async run(options, shared) {
    if (!shared.dbPath) throw new Error('the load section needs a store: run the ingest section first');
    const seconds = options.scale === 'full' ? 60 : 10;
    const load = await runLoad(shared.dbPath, seconds);
    const uncached = await runLoad(shared.dbPath, seconds, 50, 'uncached');
    const slow = await probeDuringSlowStatement(shared.dbPath);
    if (slow.statementSeconds < 19) {
      throw new Error(`the slow statement ended after ${slow.statementSeconds.toFixed(1)} s, not 20 s`);
    }
    const during = `${slow.probes} probes of each during a ${slow.statementSeconds.toFixed(1)} s statement (${slow.dialect})`;
    return [
      {
        section: 'load',
        name: `dashboard mix, 50 clients, ${seconds} s: throughput`,
        value: Math.round(load.requestsPerSecond),
        unit: 'req/s',
        target: '>= 2000',
      },
      { section: 'load', name: 'dashboard mix: p50 latency', value: load.p50, unit: 'ms' },
      { section: 'load', name: 'dashboard mix: p99 latency', value: load.p99, unit: 'ms', target: '< 100' },
      {
        section: 'load',
        name: 'dashboard mix: errors',
        value: load.errors,
        unit: 'requests',
        target: '<= 0',
        note: `of ${load.total}: ${load.breakdown}`,
      },
      {
        section: 'load',
        name: `uncached mix (every request a new filter), 50 clients, ${seconds} s: throughput`,
        value: Math.round(uncached.requestsPerSecond),
        unit: 'req/s',
        target: '>= 1000',
      },
      { section: 'load', name: 'uncached mix: p50 latency', value: uncached.p50, unit: 'ms' },
      {
        section: 'load',
        name: 'uncached mix: p99 latency',
        value: uncached.p99,
        unit: 'ms',
        target: '< 250',
      },
      {
        section: 'load',
        name: `uncached mix: CPU busy, all ${cpus().length} cores (server and load generator share them)`,
        value: uncached.cpuBusyPercent,
        unit: '%',
      },
      {
        section: 'load',
        name: 'uncached mix: errors',
        value: uncached.errors,
        unit: 'requests',
        target: '<= 0',
        note: `of ${uncached.total}: ${uncached.breakdown}`,
      },
      {
        section: 'load',
        name: 'while one client runs a 20 s statement: /healthz p99',
        value: slow.health.during,
        unit: 'ms',
        target: '< 50',
        note: `${during}; ${slow.health.idle} ms with nothing running`,
      },
      {
        section: 'load',
        name: 'while one client runs a 20 s statement: cached query p99',
        value: slow.cached.during,
        unit: 'ms',
        target: '< 50',
        note: `${slow.cached.idle} ms with nothing running`,
      },
      {
        section: 'load',
        name: 'while one client runs a 20 s statement: cube-answered query (new filter each) p99',
        value: slow.cube.during,
        unit: 'ms',
        target: '< 50',
        note: `${slow.cube.idle} ms with nothing running`,
      },
    ];
  },
};
