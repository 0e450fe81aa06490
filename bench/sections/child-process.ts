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
  /**
   * Bytes the process read from and wrote to storage (Linux's I/O accounting: a read served by the page cache
   * counts nothing; a write counts when its page is dirtied), from /usr/bin/time -v's file system inputs and
   * outputs, which Linux gives in 512-byte units.
   */
  storageReadBytes: number;
  storageWrittenBytes: number;
  stdout: string;
  stderr: string;
  code: number;
}

/** What `/usr/bin/time -v` reported at the end of `stderr`; NaN for what it did not say. */
export function timeReport(
  stderr: string,
): Pick<TimedRun, 'peakRssMb' | 'cpuSeconds' | 'storageReadBytes' | 'storageWrittenBytes'> {
  const number = (pattern: RegExp) => {
    const match = pattern.exec(stderr);
    return match ? Number(match[1]) : Number.NaN;
  };
  return {
    peakRssMb: number(/Maximum resident set size \(kbytes\): (\d+)/) / 1024,
    cpuSeconds: number(/User time \(seconds\): ([\d.]+)/) + number(/System time \(seconds\): ([\d.]+)/),
    storageReadBytes: number(/File system inputs: (\d+)/) * 512,
    storageWrittenBytes: number(/File system outputs: (\d+)/) * 512,
  };
}

/** Runs `imr <args>` under /usr/bin/time -v (node directly, no npx layers): wall time, peak RSS, CPU and storage I/O. */
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
      resolve({
        seconds: (performance.now() - started) / 1000,
        ...timeReport(stderr),
        stdout,
        stderr,
        code: code ?? -1,
      });
    });
  });
}
