import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism, getPriority, setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  decodeBlobCells,
  encodeParameters,
  type FromReadWorker,
  type ReadBatch,
  type ReadReply,
  type ReadRequest,
  type ReadWorkerSpec,
} from './read-worker-protocol';
import { rowObjects } from './row-objects';
import { StatementTimeoutError } from './statement-deadline';

// Runs a read-only store's statements in a pool of worker processes (sqlite-read-worker.ts), each with its own
// connection (WAL lets them read while a writer commits), so a long statement holds a worker, not the event
// loop that answers HTTP. Statements queue for the next free worker. A statement still running at its deadline
// is ended by killing its worker, which a fresh one replaces; one that waited in the queue past its deadline
// never starts.
//
// A message each way wakes both processes, which costs more than a small page's statement: the statements of one
// operation issued in the same turn (a loader tick: a case's items, diagnoses, document and reviewer at once) go
// to a worker together, spread over the free workers, and come back in one message. Only statements of one
// operation (one deadline) share a message: a worker killed at a deadline takes with it only that operation's
// work, and one client's slow statement never holds another's.

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
  /**
   * The key a column's values get in the rows returned (default: the column name). The dialect maps snake_case
   * to camelCase here, once a statement rather than once a row.
   */
  columnKey?: (column: string) => string;
}

interface Task {
  request: ReadRequest;
  resolve: (result: ReadResult) => void;
  reject: (error: Error) => void;
  /** The operation's deadline (`performance.now()` based); statements with the same one may share a message. */
  deadline: number | undefined;
  deadlineTimer: NodeJS.Timeout | null;
  slot: Slot | null;
}

interface Slot {
  process: ChildProcess;
  ready: boolean;
  /** The statements the worker is running (one message), none when it is free. */
  tasks: Task[];
}

/** How much nicer than the server a read worker runs (Unix niceness; the OS may round it). */
const READ_WORKER_NICENESS = 10;

// A long statement keeps its worker's core busy; on a machine with few cores the event loop then shares a core
// with it. Running the workers below the server's priority lets the event loop (health checks, cached and cube
// answers, other clients' small pages) take the core whenever it has work, and the statement the rest.
function lowerPriority(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    setPriority(child.pid, Math.min(19, getPriority(process.pid) + READ_WORKER_NICENESS));
  } catch {
    // Not permitted or not supported here: the worker runs at the server's priority, as it would anyway.
  }
}

/** Statements one message carries at most. */
const MAX_BATCH = 16;

/** Statements run and messages sent to workers since the pool started. */
export interface ReadPoolTraffic {
  statements: number;
  messages: number;
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

function rowsOf(
  reply: Extract<ReadReply, { rows: unknown }>,
  columnKey: ((column: string) => string) | undefined,
): Record<string, unknown>[] {
  decodeBlobCells(reply.rows, reply.blobColumns);
  return rowObjects(columnKey ? reply.columns.map(columnKey) : reply.columns, reply.rows);
}

export class SqliteReadPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly launch: { module: string; spec: ReadWorkerSpec };
  private nextId = 1;
  private closed = false;
  private pumpScheduled = false;
  private readonly sent: ReadPoolTraffic = { statements: 0, messages: 0 };
  /** Set when a worker could not open the store: every statement then fails with it. */
  private startFailure: Error | null = null;
  private readonly ready: Promise<void>;
  private readonly columnKey: ((column: string) => string) | undefined;

  constructor(options: ReadPoolOptions) {
    this.launch = workerLaunch(options.path);
    this.columnKey = options.columnKey;
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

  /** Statements sent to workers and the messages that carried them. */
  traffic(): ReadPoolTraffic {
    return { ...this.sent };
  }

  /**
   * Runs one statement on the next free worker. With a deadline (`performance.now()` based), the statement is
   * refused if the deadline passes before it starts, and ended by killing its worker if it passes while it runs.
   */
  run(sql: string, parameters: readonly unknown[], deadline?: number): Promise<ReadResult> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    if (this.startFailure) return Promise.reject(this.startFailure);
    // A parameter the channel cannot carry throws here, inside the executor: the promise rejects with it.
    return new Promise((resolve, reject) => {
      const task: Task = {
        request: { id: this.nextId++, sql, ...encodeParameters(parameters) },
        resolve,
        reject,
        deadline,
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
      this.schedulePump();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const task of this.queue.splice(0)) this.settle(task, new Error('the store is closed'));
    await Promise.all(
      this.slots.map((slot) => {
        for (const task of slot.tasks.splice(0)) this.settle(task, new Error('the store is closed'));
        return this.kill(slot);
      }),
    );
  }

  private spawn(): Slot {
    const { module, spec } = this.launch;
    const child = fork(module, [JSON.stringify(spec)], {
      // JSON, not 'advanced': read-worker-protocol.ts says why.
      serialization: 'json',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    lowerPriority(child);
    const slot: Slot = { process: child, ready: false, tasks: [] };
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
    const tasks = slot.tasks;
    // A reply for statements the pool gave up on (their worker is being killed) finds none.
    if (tasks.length === 0) return;
    slot.tasks = [];
    const replies = new Map(message.replies.map((reply) => [reply.id, reply]));
    for (const task of tasks) {
      const reply = replies.get(task.request.id);
      if (reply === undefined) this.settle(task, new Error('the read worker did not answer this statement'));
      else this.answer(task, reply);
    }
    this.pump();
  }

  private answer(task: Task, reply: ReadReply): void {
    if ('error' in reply) {
      const error = new Error(reply.error.message) as Error & { code?: string };
      if (reply.error.code) error.code = reply.error.code;
      this.settle(task, error);
    } else if ('rows' in reply) {
      this.settle(task, null, { rows: rowsOf(reply, this.columnKey) });
    } else {
      this.settle(task, null, {
        rows: [],
        changes: reply.changes,
        lastInsertRowid: reply.lastInsertRowid,
      });
    }
  }

  private fail(error: Error): void {
    this.startFailure = error;
    for (const task of this.queue.splice(0)) this.settle(task, error);
    this.onAllReady();
  }

  /**
   * Sends the queue at the end of this turn, so the statements an operation issues together (its loaders fire
   * in one tick, each through a few awaits of Kysely) are in the queue when it is sent.
   */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    process.nextTick(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    let free = this.slots.filter((slot) => slot.ready && slot.tasks.length === 0);
    while (free.length > 0 && this.queue.length > 0) {
      const batch = this.nextBatch(free.length);
      const slot = free[0] as Slot;
      free = free.slice(1);
      for (const task of batch) task.slot = slot;
      slot.tasks = batch;
      this.sent.statements += batch.length;
      this.sent.messages += 1;
      const message: ReadBatch = { batch: batch.map((task) => task.request) };
      slot.process.send(message);
    }
  }

  /**
   * Takes the next message's statements off the queue: the oldest statement and, when it has a deadline, more of
   * its operation's (the same deadline), its share of the free workers, so the operation's statements still run
   * side by side. A statement without a deadline goes alone: nothing says whose it is.
   */
  private nextBatch(freeWorkers: number): Task[] {
    const head = this.queue[0] as Task;
    if (head.deadline === undefined) return [this.queue.shift() as Task];
    const group = this.queue.filter((task) => task.deadline === head.deadline);
    const batch = group.slice(0, Math.min(MAX_BATCH, Math.ceil(group.length / freeWorkers)));
    const taken = new Set(batch);
    this.queue.splice(0, this.queue.length, ...this.queue.filter((task) => !taken.has(task)));
    return batch;
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
    // with it, and the rest of its message (the same operation's, past the same deadline). A fresh worker
    // takes its place.
    for (const sent of slot.tasks.splice(0)) {
      this.settle(sent, new StatementTimeoutError('the statement ran past the time limit'));
    }
    this.replace(slot);
  }

  /** A worker died on its own (out of memory, a crash): its statement fails, a fresh worker takes its place. */
  private lost(slot: Slot, reason: string): void {
    if (this.closed || !this.slots.includes(slot)) return;
    for (const task of slot.tasks.splice(0)) {
      this.settle(task, new Error(`${reason} while running this statement`));
    }
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
