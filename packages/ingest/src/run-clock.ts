// Wall-clock start of a run (for its record) and a monotonic clock for its duration.

export class RunClock {
  readonly startedAt = new Date().toISOString();
  private readonly start = process.hrtime.bigint();

  seconds(): number {
    return Number(process.hrtime.bigint() - this.start) / 1e9;
  }
}
