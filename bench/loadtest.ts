import { Command } from 'commander';
import { runLoad } from './sections/load.bench';

// `pnpm loadtest --db FILE [--seconds 60] [--connections 50] [--uncached]`: the dashboard mix against `imr serve`
// on loopback.
const program = new Command()
  .name('loadtest')
  .requiredOption(
    '--db <target>',
    'an existing store (SQLite file or postgres:// URL), e.g. a 100k-letter bench db',
  )
  .option('--seconds <n>', 'duration', '60')
  .option('--connections <n>', 'concurrent clients', '50')
  .option('--uncached', 'every request a dashboard question not asked before (no cache, no coalescing)');
program.parse(process.argv);
const opts = program.opts<{ db: string; seconds: string; connections: string; uncached?: boolean }>();
const mix = opts.uncached ? 'uncached' : 'cached';
const result = await runLoad(opts.db, Number(opts.seconds), Number(opts.connections), mix);
console.log(
  `${mix} mix, ${opts.connections} clients for ${opts.seconds} s: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
    `${result.errors} errors of ${result.total} requests (${result.breakdown}), machine CPU ${result.cpuBusyPercent} % busy`,
);
process.exitCode = result.errors > 0 ? 1 : 0;
