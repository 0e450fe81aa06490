/**
 * A token bucket per client: `perMinute` tokens a minute on average with bursts up to `burst`. A token is a
 * request for the request limit, a unit of cost for the cost budget (an operation takes as many as it costs). Buckets idle
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

  /**
   * Takes `amount` tokens for the client; returns the milliseconds to wait when too few are left, else 0. An
   * amount above the burst waits for a full bucket and then takes it all.
   */
  take(client: string, amount = 1): number {
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.ratePerMs);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (this.buckets.size > 10_000) this.sweep(now);
    const needed = Math.min(Math.max(amount, 0), this.burst);
    if (bucket.tokens >= needed) {
      bucket.tokens -= needed;
      return 0;
    }
    return Math.ceil((needed - bucket.tokens) / this.ratePerMs);
  }

  private sweep(now: number): void {
    const full = this.burst / this.ratePerMs;
    for (const [client, bucket] of this.buckets) if (now - bucket.at > full) this.buckets.delete(client);
  }

  get limitPerMinute(): number {
    return this.perMinute;
  }
}
