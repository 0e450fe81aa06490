// Backpressure between the file walker and the database: at most `max` letters may be between "found" and
// "committed" at once, so memory stays flat however many files a run covers.

export class InFlightLimit {
  private inFlight = 0;
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private failure: Error | null = null;

  constructor(private readonly max: number) {
    if (!(max >= 1)) throw new Error(`in-flight limit must be at least 1, got ${max}`);
  }

  get current(): number {
    return this.inFlight;
  }

  /** Resolves once one more letter may start; rejects when the run has failed. */
  async acquire(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.inFlight < this.max) {
      this.inFlight++;
      return;
    }
    // release() takes the slot on the waiter's behalf before waking it.
    await new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  release(count: number): void {
    this.inFlight -= count;
    while (this.inFlight < this.max && this.waiters.length > 0) {
      this.inFlight++;
      this.waiters.shift()!.resolve();
    }
  }

  /** Fails every waiting and future acquire with `error`. */
  abort(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure);
  }
}
