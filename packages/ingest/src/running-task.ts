// Which task a parse worker is on, and since when, in memory both threads see. The worker marks each task as it
// starts it; the pool reads the marks on a timer, so a file that runs past its time limit is known by name and
// its worker can be stopped from outside, even while the worker is stuck inside PDFium. Costs two atomic
// stores a task, no message.

const SLOT_SEQ = 0;
const SLOT_STARTED = 1;

export interface RunningTask {
  seq: number;
  /** Milliseconds since the task started. */
  elapsedMs: number;
}

export class RunningTaskMarker {
  private readonly slots: Int32Array;

  /** `epochMs`: a Date.now() both threads share, so start times fit in 32 bits. */
  constructor(
    readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(8),
    readonly epochMs: number = Date.now(),
  ) {
    this.slots = new Int32Array(buffer);
  }

  start(seq: number): void {
    Atomics.store(this.slots, SLOT_STARTED, Date.now() - this.epochMs);
    // seq + 1, so 0 can mean idle.
    Atomics.store(this.slots, SLOT_SEQ, seq + 1);
  }

  idle(): void {
    Atomics.store(this.slots, SLOT_SEQ, 0);
  }

  running(now: number = Date.now()): RunningTask | null {
    const seq = Atomics.load(this.slots, SLOT_SEQ) - 1;
    if (seq < 0) return null;
    return { seq, elapsedMs: now - this.epochMs - Atomics.load(this.slots, SLOT_STARTED) };
  }
}
