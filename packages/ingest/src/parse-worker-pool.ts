import { Worker } from 'node:worker_threads';
import { handleParseTask } from './handle-parse-task';
import type { FromWorker, ParseOutcome, ParseTask, ParseWorkerData, ToWorker } from './parse-task';
import { RunningTaskMarker } from './running-task';

// A fixed set of parse workers fed in chunks. Each worker holds up to four chunks, so it has work queued while
// the main thread is busy in a long write, and little piles up inside workers. A worker that dies (a parser crash, out of memory)
// is replaced. Each worker marks the task it is on (running-task.ts): a task that runs past the time limit has its
// worker stopped and is rejected by name, and so is the task a worker died on; the other tasks it held go back to
// the queue. Where no task was marked, they are retried one per message, and a task that kills a worker on its
// own is reported as a parser crash. So one poisonous file costs one rejection, not a run, and holds its batch
// back for the time limit at most.
// Workers take a second or more to start from TypeScript source; until the first is ready, the main thread parses
// small chunks itself, so a run of a few letters does not wait for them; not PDFs, which only a worker can be
// stopped in.

export interface ParseWorkerPoolOptions {
  threads: number;
  parserVersion?: string;
  /** Called once for every submitted task. */
  onOutcome: (outcome: ParseOutcome) => void;
  /** Called when workers cannot run at all (e.g. the worker module fails to load). */
  onFatal: (error: Error) => void;
  /** Tasks per message. */
  chunkSize?: number;
  /** How long one file may take to read, extract and parse before its worker is stopped. Default 10 s. */
  fileTimeLimitMs?: number;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Chunks sent and not yet answered, by message id; `solo` marks a retried suspect. */
  outstanding: Map<number, { tasks: ParseTask[]; solo: boolean }>;
  marker: RunningTaskMarker;
  /** Why the pool stopped this worker, when it did: the task to reject for it. */
  stopped: { seq: number; reason: string } | null;
}

const CHUNKS_PER_WORKER = 4;
const INLINE_CHUNK = 4;
// A worker's heap is capped so a pathological file fails that worker, not the whole process.
const WORKER_HEAP_MB = 512;
export const DEFAULT_FILE_TIME_LIMIT_MS = 10_000;

function workerSpec(): { url: URL; entry: string } {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./parse-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  // From TypeScript source the worker starts in a bootstrap that registers tsx, then imports `entry`.
  return { url: fromSource ? new URL('./parse-worker.boot.mjs', import.meta.url) : entry, entry: entry.href };
}

export class ParseWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: ParseTask[] = [];
  private readonly suspects: ParseTask[] = [];
  private nextMessageId = 1;
  private closing = false;
  private parsingInline = false;
  private readonly chunkSize: number;
  private readonly spec = workerSpec();
  private readonly fileTimeLimitMs: number;
  private watchdog: NodeJS.Timeout | null = null;
  /** PDFs met while parsing inline: they wait for a worker. */
  private readonly forWorkers: ParseTask[] = [];

  constructor(private readonly options: ParseWorkerPoolOptions) {
    this.chunkSize = options.chunkSize ?? 64;
    this.fileTimeLimitMs = options.fileTimeLimitMs ?? DEFAULT_FILE_TIME_LIMIT_MS;
  }

  submit(task: ParseTask): void {
    // Workers start with the first task, so a run with nothing to parse (a reparse of an up-to-date store)
    // does not pay for them.
    if (this.slots.length === 0) {
      for (let i = 0; i < Math.max(1, this.options.threads); i++) this.slots.push(this.spawn());
      this.watchdog = setInterval(() => this.stopOverdue(), Math.min(1_000, this.fileTimeLimitMs / 4));
      this.watchdog.unref();
    }
    this.queue.push(task);
    this.pump();
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.watchdog) clearInterval(this.watchdog);
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const marker = new RunningTaskMarker();
    const workerData: ParseWorkerData = {
      parserVersion: this.options.parserVersion,
      entry: this.spec.entry,
      running: marker.buffer,
      epochMs: marker.epochMs,
    };
    const worker = new Worker(this.spec.url, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const slot: Slot = { worker, ready: false, outstanding: new Map(), marker, stopped: null };
    let lastError: Error | null = null;
    worker.on('message', (message: FromWorker) => {
      if ('ready' in message) {
        slot.ready = true;
        this.pump();
        return;
      }
      // A chunk this pool already gave back to the queue (its worker was stopped) must not be reported twice.
      if (!slot.outstanding.delete(message.id)) return;
      for (const outcome of message.outcomes) this.options.onOutcome(outcome);
      this.pump();
    });
    worker.on('error', (error) => {
      lastError = error;
    });
    worker.on('exit', (code) => {
      if (this.closing) return;
      if (!slot.ready) {
        const reason = lastError?.message ?? `exit code ${code}`;
        this.options.onFatal(new Error(`parse worker failed to start: ${reason}`));
        return;
      }
      this.replace(slot, lastError?.message ?? `worker exited with code ${code}`);
    });
    return slot;
  }

  /** Stops each worker whose current file has run past the time limit. */
  private stopOverdue(): void {
    const now = Date.now();
    for (const slot of this.slots) {
      const running = slot.marker.running(now);
      if (slot.stopped || !running || running.elapsedMs <= this.fileTimeLimitMs) continue;
      const seconds = this.fileTimeLimitMs / 1000;
      slot.stopped = {
        seq: running.seq,
        reason: `over the time limit: reading, extracting and parsing it took more than ${seconds} s (limit per file), stopped`,
      };
      void slot.worker.terminate();
    }
  }

  private replace(dead: Slot, crash: string): void {
    // The task the worker was on when it was stopped or died is the culprit; the others were only waiting.
    const running = dead.marker.running();
    const culprit =
      dead.stopped ?? (running ? { seq: running.seq, reason: `parser crashed: ${crash}` } : null);
    if (culprit) {
      const waiting: ParseTask[] = [];
      for (const { tasks } of dead.outstanding.values()) {
        for (const task of tasks) {
          if (task.seq !== culprit.seq) waiting.push(task);
          else
            this.options.onOutcome({
              seq: task.seq,
              path: task.path,
              ok: false,
              reason: culprit.reason,
              sha256: null,
            });
        }
      }
      this.queue.unshift(...waiting);
      dead.outstanding.clear();
    }
    for (const { tasks, solo } of dead.outstanding.values()) {
      if (solo) {
        for (const task of tasks) {
          this.options.onOutcome({
            seq: task.seq,
            path: task.path,
            ok: false,
            reason: `parser crashed: ${crash}`,
            sha256: null,
          });
        }
      } else {
        this.suspects.push(...tasks);
      }
    }
    dead.outstanding.clear();
    const index = this.slots.indexOf(dead);
    this.slots[index] = this.spawn();
  }

  private pump(): void {
    if (!this.slots.some((slot) => slot.ready)) {
      this.parseInline();
      return;
    }
    if (this.forWorkers.length > 0) this.queue.unshift(...this.forWorkers.splice(0));
    for (const slot of this.slots) {
      if (!slot.ready || [...slot.outstanding.values()].some((chunk) => chunk.solo)) continue;
      if (this.suspects.length > 0) {
        // A suspect runs alone in its worker, so a crash points at exactly one file.
        if (slot.outstanding.size === 0) this.send(slot, [this.suspects.shift()!], true);
        continue;
      }
      while (slot.outstanding.size < CHUNKS_PER_WORKER && this.queue.length > 0) {
        this.send(slot, this.queue.splice(0, this.chunkSize), false);
      }
    }
  }

  private parseInline(): void {
    if (this.parsingInline || this.closing || this.queue.length === 0) return;
    this.parsingInline = true;
    const tasks = this.queue.splice(0, INLINE_CHUNK);
    void (async () => {
      for (const task of tasks) {
        try {
          const outcome = await handleParseTask(task, this.options.parserVersion, undefined, 'leave');
          if (outcome) this.options.onOutcome(outcome);
          else this.forWorkers.push(task);
        } catch (error) {
          const reason = `parser crashed: ${error instanceof Error ? error.message : String(error)}`;
          this.options.onOutcome({ seq: task.seq, path: task.path, ok: false, reason, sha256: null });
        }
      }
      this.parsingInline = false;
      this.pump();
    })();
  }

  private send(slot: Slot, tasks: ParseTask[], solo: boolean): void {
    const id = this.nextMessageId++;
    slot.outstanding.set(id, { tasks, solo });
    slot.worker.postMessage({ id, tasks } satisfies ToWorker);
  }
}
