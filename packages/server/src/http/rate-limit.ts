/**
 * A token bucket per client: `perMinute` requests a minute on average with bursts up to `burst`. Buckets idle
 * for longer than it takes to refill are dropped, so memory stays bounded by the active clients.
 */
export class ClientRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly ratePerMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly burst: number = Math.max(1, Math.ceil(perMinute / 6)),
    private readonly now: () => number = Date.now,
  ) {
    this.ratePerMs = perMinute / 60_000;
  }

  /** Takes one token for the client; returns the milliseconds to wait when none is left, else 0. */
  take(client: string): number {
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.ratePerMs);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (this.buckets.size > 10_000) this.sweep(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.ratePerMs);
  }

  private sweep(now: number): void {
    const full = this.burst / this.ratePerMs;
    for (const [client, bucket] of this.buckets) if (now - bucket.at > full) this.buckets.delete(client);
  }

  get limitPerMinute(): number {
    return this.perMinute;
  }
}
