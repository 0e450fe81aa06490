import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { SampleSource } from './interleaved-samples';

// The query section's HTTP client (http-timer.mjs) as a sample source: a process of its own, warmed and settled
// once, then asked for blocks of timed requests between which the bench times the SQL underneath.

const HTTP_TIMER = join(import.meta.dirname, 'http-timer.mjs');

export interface HttpTimerSpec {
  url: string;
  body: unknown;
  clientWarmup?: { url: string; count: number };
  warmup: { count: number; budgetMs: number };
  settle?: { count: number; budgetMs: number };
}

export interface HttpTimerSession extends SampleSource {
  /** The warm-up requests' timings (the first, which opens the connection, left out). */
  warmup: number[];
  close(): void;
}

type TimerMessage = { warmup: number[] } | { ms: number[] } | { error: string };

/** Starts the client, waits for its warm-up and settling requests, and returns it ready for blocks. */
export function startHttpTimer(spec: HttpTimerSpec, name: string): Promise<HttpTimerSession> {
  const child = fork(HTTP_TIMER, [JSON.stringify(spec)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // One request to the client at a time: each message answers the oldest waiting one.
  const waiting: { resolve: (m: TimerMessage) => void; reject: (e: Error) => void }[] = [];
  const failAll = (error: Error) => {
    for (const w of waiting.splice(0)) w.reject(error);
  };
  child.on('message', (message: TimerMessage) => waiting.shift()?.resolve(message));
  child.on('exit', (code) =>
    failAll(new Error(`${name}: the HTTP client exited (${code}): ${stderr.trim()}`)),
  );
  child.on('error', failAll);
  const next = () =>
    new Promise<TimerMessage>((resolve, reject) => {
      waiting.push({ resolve, reject });
    });
  const answer = async <K extends 'warmup' | 'ms'>(key: K): Promise<number[]> => {
    const message = await next();
    if ('error' in message) throw new Error(`${name}: ${message.error}`);
    const values = (message as Record<string, unknown>)[key];
    if (!Array.isArray(values))
      throw new Error(`${name}: the HTTP client answered ${JSON.stringify(message)}`);
    return values as number[];
  };
  const close = () => {
    if (child.connected) child.send({ done: true });
    child.kill();
  };
  return answer('warmup').then(
    (warmup) => ({
      warmup,
      close,
      block: (count: number) => {
        const reply = answer('ms');
        child.send({ count });
        return reply;
      },
    }),
    (error: unknown) => {
      close();
      throw error;
    },
  );
}
