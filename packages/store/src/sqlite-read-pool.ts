import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { FromReadWorker, ReadReply, ReadRequest, ReadWorkerSpec } from './read-worker-protocol';
import { StatementTimeoutError } from './statement-deadline';

// Runs a read-only store's statements in a pool of worker processes (sqlite-read-worker.ts), each with its own
// connection (WAL lets them read while a writer commits), so a long statement holds a worker, not the event
// loop that answers HTTP. Statements queue for the next free worker. A statement still running at its deadline
// is ended by killing its worker, which a fresh one replaces; one that waited in the queue past its deadline
// never starts.

export interface ReadResult {
  rows: Record<string, unknown>[];
  changes?: number;
  lastInsertRowid?: number;
}

export interface ReadPoolOptions {
  /** The SQLite file, opened read-only by every worker. */
  path: string;
  /** Workers. Default: one per core. */
  size?: number;
}

interface Task {
  request: ReadRequest;
  resolve: (result: ReadResult) => void;
  reject: (error: Error) => void;
  deadlineTimer: NodeJS.Timeout | null;
  slot: Slot | null;
}

interface Slot {
  process: ChildProcess;
  ready: boolean;
  task: Task | null;
}

/** Workers a pool starts by default: one per core (statements are CPU-bound on a warm store). */
export function defaultReadPoolSize(): number {
  return Math.max(1, availableParallelism());
}

function workerLaunch(path: string): { module: string; spec: ReadWorkerSpec } {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./sqlite-read-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return { module: fileURLToPath(entry), spec: { path } };
  // From TypeScript source the worker starts in a bootstrap that registers tsx, then imports `entry`.
  return {
    module: fileURLToPath(new URL('./sqlite-read-worker.boot.mjs', import.meta.url)),
    spec: { path, entry: entry.href },
  };
}

function asBuffers(reply: Extract<ReadReply, { rows: unknown }>): Record<string, unknown>[] {
  if (reply.blobColumns.length === 0) return reply.rows;
  for (const row of reply.rows) {
    for (const column of reply.blobColumns) {
      const value = row[column];
      if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
        row[column] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      }
    }
  }
  return reply.rows;
}

export class SqliteReadPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly launch: { module: string; spec: ReadWorkerSpec };
  private nextId = 1;
  private closed = false;
  /** Set when a worker could not open the store: every statement then fails with it. */
  private startFailure: Error | null = null;
  private readonly ready: Promise<void>;

  constructor(options: ReadPoolOptions) {
    this.launch = workerLaunch(options.path);
    const size = options.size ?? defaultReadPoolSize();
    if (!Number.isInteger(size) || size < 1) {
      throw new Error(`read pool size must be a positive integer, got ${size}`);
    }
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
    this.ready = new Promise((resolve) => {
      this.onAllReady = resolve;
    });
  }

  private onAllReady: () => void = () => {};

  /** Resolves once every worker has opened the store; rejects with the reason when one could not. */
  async started(): Promise<void> {
    await this.ready;
    if (this.startFailure) throw this.startFailure;
  }

  /** Workers in the pool (live or starting). */
  get size(): number {
    return this.slots.length;
  }

  /** The process ids of the pool's current workers. */
  workerPids(): number[] {
    return this.slots.flatMap((slot) => (slot.process.pid === undefined ? [] : [slot.process.pid]));
  }

  /**
   * Runs one statement on the next free worker. With a deadline (`performance.now()` based), the statement is
   * refused if the deadline passes before it starts, and ended by killing its worker if it passes while it runs.
   */
  run(sql: string, parameters: readonly unknown[], deadline?: number): Promise<ReadResult> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    if (this.startFailure) return Promise.reject(this.startFailure);
    return new Promise((resolve, reject) => {
      const task: Task = {
        request: { id: this.nextId++, sql, parameters },
        resolve,
        reject,
        deadlineTimer: null,
        slot: null,
      };
      if (deadline !== undefined) {
        const remaining = deadline - performance.now();
        if (remaining <= 0) {
          reject(new StatementTimeoutError('the time limit passed before this statement started'));
          return;
        }
        task.deadlineTimer = setTimeout(() => this.expire(task), Math.ceil(remaining));
      }
      this.queue.push(task);
      this.pump();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const task of this.queue.splice(0)) this.settle(task, new Error('the store is closed'));
    await Promise.all(
      this.slots.map((slot) => {
        if (slot.task) this.settle(slot.task, new Error('the store is closed'));
        return this.kill(slot);
      }),
    );
  }

  private spawn(): Slot {
    const { module, spec } = this.launch;
    const child = fork(module, [JSON.stringify(spec)], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const slot: Slot = { process: child, ready: false, task: null };
    child.on('message', (message: FromReadWorker) => this.receive(slot, message));
    child.on('error', (error) => this.lost(slot, `read worker failed: ${error.message}`));
    child.on('exit', (code, signal) => this.lost(slot, `read worker exited (${signal ?? `code ${code}`})`));
    return slot;
  }

  private receive(slot: Slot, message: FromReadWorker): void {
    if ('ready' in message) {
      slot.ready = true;
      if (this.slots.every((s) => s.ready)) this.onAllReady();
      this.pump();
      return;
    }
    if ('failed' in message) {
      this.fail(new Error(`cannot open the store for reading: ${message.failed}`));
      return;
    }
    const task = slot.task;
    if (!task || task.request.id !== message.id) return;
    slot.task = null;
    if ('error' in message) {
      const error = new Error(message.error.message) as Error & { code?: string };
      if (message.error.code) error.code = message.error.code;
      this.settle(task, error);
    } else if ('rows' in message) {
      this.settle(task, null, { rows: asBuffers(message) });
    } else {
      this.settle(task, null, {
        rows: [],
        changes: message.changes,
        lastInsertRowid: message.lastInsertRowid,
      });
    }
    this.pump();
  }

  private fail(error: Error): void {
    this.startFailure = error;
    for (const task of this.queue.splice(0)) this.settle(task, error);
    this.onAllReady();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.task) continue;
      const task = this.queue.shift() as Task;
      task.slot = slot;
      slot.task = task;
      slot.process.send(task.request);
    }
  }

  private expire(task: Task): void {
    task.deadlineTimer = null;
    const slot = task.slot;
    if (!slot) {
      const index = this.queue.indexOf(task);
      if (index >= 0) this.queue.splice(index, 1);
      this.settle(task, new StatementTimeoutError('the time limit passed before this statement started'));
      return;
    }
    // SQLite cannot be interrupted from outside the statement: the worker process goes, and the statement
    // with it. A fresh worker takes its place.
    slot.task = null;
    this.settle(task, new StatementTimeoutError('the statement ran past the time limit'));
    this.replace(slot);
  }

  /** A worker died on its own (out of memory, a crash): its statement fails, a fresh worker takes its place. */
  private lost(slot: Slot, reason: string): void {
    if (this.closed || !this.slots.includes(slot)) return;
    const task = slot.task;
    slot.task = null;
    if (task) this.settle(task, new Error(`${reason} while running this statement`));
    if (this.startFailure) return;
    // One that dies before it is ready (the module cannot load) would die again: the pool fails instead.
    if (!slot.ready) {
      this.fail(new Error(`cannot start a read worker: ${reason}`));
      return;
    }
    this.replace(slot);
  }

  private replace(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots[index] = this.spawn();
    void this.kill(slot);
  }

  private kill(slot: Slot): Promise<void> {
    const child = slot.process;
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  private settle(task: Task, error: Error | null, result?: ReadResult): void {
    if (task.deadlineTimer) clearTimeout(task.deadlineTimer);
    task.deadlineTimer = null;
    task.slot = null;
    if (error) task.reject(error);
    else task.resolve(result ?? { rows: [] });
  }
}
