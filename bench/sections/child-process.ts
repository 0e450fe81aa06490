import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '../..');
// The compiled command users run (`pnpm imr`, `pnpm start`: dist/imr.cjs, which `pnpm bench` builds first when a
// source changed), so its start-up and its workers are timed without tsx compiling TypeScript in each of them.
export const CLI = join(REPO_ROOT, 'packages/server/dist/imr.cjs');

export interface TimedRun {
  seconds: number;
  /** Peak resident set size of the process in MB, from /usr/bin/time -v. */
  peakRssMb: number;
  /** CPU time of the process, user and system, all threads, from /usr/bin/time -v. */
  cpuSeconds: number;
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs `imr <args>` under /usr/bin/time -v (node directly, no npx layers) and returns wall time and peak RSS. */
export function runCliTimed(args: string[]): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-v', process.execPath, CLI, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.length > 1_000_000) stderr = stderr.slice(-200_000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      resolve({
        seconds: (performance.now() - started) / 1000,
        peakRssMb: rss ? Number(rss[1]) / 1024 : Number.NaN,
        cpuSeconds: user && system ? Number(user[1]) + Number(system[1]) : Number.NaN,
        stdout,
        stderr,
        code: code ?? -1,
      });
    });
  });
}
