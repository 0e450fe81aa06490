import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { generateLetter } from '@imr/generator';
import { prepareLetter } from '../../packages/ingest/src/prepare-letter';
import { openStore, writeTransaction } from '../../packages/store/src/client';
import { saveLetters } from '../../packages/store/src/repositories/letter.repository';

// Support for the hostile suite: a store of generated letters, a production server over it in its own process
// (loopback, a free port), clients that say who they are through X-Forwarded-For (the server trusts the proxy),
// and an observer measuring what a second client sees while an attack runs.

const ROOT = join(import.meta.dirname, '../..');

/** Writes `count` generated letters into a new SQLite store at `path`. */
export async function writeGeneratedStore(path: string, count: number): Promise<void> {
  const store = await openStore(path);
  const letters = Array.from({ length: count }, (_, i) => {
    const { text } = generateLetter(17, i);
    const prepared = prepareLetter(text, { path: `generated/${i}.txt`, sizeBytes: text.length });
    if (!prepared.ok) throw new Error(`generated letter ${i} did not parse: ${prepared.reason}`);
    return prepared.save;
  });
  await writeTransaction(store, (tx) => saveLetters(tx, letters));
  await store.close();
}

export interface ServerProcess {
  /** http://127.0.0.1:PORT/graphql */
  url: string;
  origin: string;
  stop: () => Promise<void>;
}

/** Starts the production server over `dbPath` in a child process; resolves once it listens. */
export async function startProductionServer(dbPath: string): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'serve-production.child.ts'), dbPath],
    { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s: ${stderr}`)), 60_000);
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('http://'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${stderr}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> & { code?: string } }[];
    extensions?: Record<string, unknown>;
  };
  text: string;
  ms: number;
}

/** A client known to the server by the address the (trusted) proxy appends to X-Forwarded-For. */
export function clientAt(server: ServerProcess, address: string, spoofed = '') {
  const headers = {
    'content-type': 'application/json',
    'x-forwarded-for': spoofed ? `${spoofed}, ${address}` : address,
  };
  const post = async (body: string, extraHeaders: Record<string, string> = {}): Promise<Answer> => {
    const started = performance.now();
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { ...headers, ...extraHeaders },
      body,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let parsed: Answer['body'] = {};
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = {};
    }
    return {
      status: response.status,
      headers: response.headers,
      body: parsed,
      text,
      ms: performance.now() - started,
    };
  };
  return {
    post,
    query: (query: string, variables?: Record<string, unknown>) => post(JSON.stringify({ query, variables })),
    get: async (path: string, extraHeaders: Record<string, string> = {}) => {
      const started = performance.now();
      const response = await fetch(new URL(path, server.origin), {
        headers: { ...headers, ...extraHeaders },
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      return { status: response.status, headers: response.headers, ms: performance.now() - started };
    },
    request: (path: string, init: RequestInit) =>
      fetch(new URL(path, server.origin), { ...init, signal: AbortSignal.timeout(30_000) }),
  };
}

export interface ObservedLatency {
  healthz: number[];
  cheapQuery: number[];
}

/** The q-quantile (0..1) of `values`, by the nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** The second client: a process of its own (observer.child.ts) that measures while told to. */
export interface Observer {
  /** Runs `attack` while the observer, as `address`, measures; at least `minMs` long. */
  during<T>(
    attack: () => Promise<T>,
    address: string,
    minMs?: number,
  ): Promise<{ result: T; observed: ObservedLatency }>;
  stop: () => Promise<void>;
}

export async function startObserver(server: ServerProcess): Promise<Observer> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'observer.child.ts')], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffered = '';
  child.stdout?.on('data', (d) => {
    buffered += d;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      const next = waiting.shift();
      if (next) next(line);
      else lines.push(line);
      newline = buffered.indexOf('\n');
    }
  });
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      const queued = lines.shift();
      if (queued !== undefined) return resolve(queued);
      const timer = setTimeout(() => reject(new Error('the observer did not answer in 60 s')), 60_000);
      waiting.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  return {
    async during(attack, address, minMs = 1_000) {
      child.stdin?.write(`start ${server.origin} ${address}\n`);
      await nextLine();
      const started = performance.now();
      let result: Awaited<ReturnType<typeof attack>>;
      try {
        result = await attack();
        const left = minMs - (performance.now() - started);
        if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
      } finally {
        child.stdin?.write('stop\n');
      }
      const observed = JSON.parse(await nextLine()) as ObservedLatency & { failures: string[] };
      if (observed.failures.length > 0) {
        throw new Error(`the second client was refused during the attack: ${observed.failures.join('; ')}`);
      }
      return { result, observed };
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin?.end();
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
