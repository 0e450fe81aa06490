import autocannon from 'autocannon';
import type { BenchSection } from '../bench-types';
import { dashboardMix } from './query-workload';
import { withWarmServer } from './server-process';

/** 50 concurrent clients on loopback cycling through the dashboard mix, bounded in time. */
export async function runLoad(db: string, seconds: number, connections = 50) {
  return withWarmServer(db, [], async (server) => {
    const result = await autocannon({
      url: server.url,
      connections,
      duration: seconds,
      requests: dashboardMix().map((body) => ({
        method: 'POST' as const,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })),
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
    return {
      requestsPerSecond: result.requests.average,
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
    return [
      {
        section: 'load',
        name: `dashboard mix, 50 clients, ${seconds} s: throughput`,
        value: Math.round(load.requestsPerSecond),
        unit: 'req/s',
        target: '>= 2000',
      },
      { section: 'load', name: 'dashboard mix: p99 latency', value: load.p99, unit: 'ms', target: '< 100' },
      {
        section: 'load',
        name: 'dashboard mix: errors',
        value: load.errors,
        unit: 'requests',
        target: '<= 0',
        note: `of ${load.total}: ${load.breakdown}`,
      },
    ];
  },
};
