import pg from 'pg';
import { rootHandle } from './read-marks';

// A read-only server's view of commits to a PostgreSQL store, without asking the store. The store's triggers
// notify `imr:<schema>` on every commit that changes an answer (migration 2026-12-03T15-00-00); one
// connection of its own LISTENs and counts them. Before this, every request's cache key cost a round trip to
// the store (store-version.repository.ts), a third of an answer's time for a small page.
//
// The count is trusted only while delivery is seen to work: every PING_MS a probe notification is sent on the
// same channel through another connection (the caller's `probe`, from the pool), and a count is vouched for
// only within TRUST_MS of the last probe received. Notifications arrive in commit order, so a probe received
// means every commit before it was counted. A listener that dies without a word, or a pooler in transaction
// mode that takes LISTEN and never delivers (PgBouncer), leaves the count unvouched and the caller asks the store,
// as before; a lost connection is also made again (found by the same ping), and the count moves on by one, for
// the commits it may have missed meanwhile.

/** The channel the store in `schema` notifies (the triggers' name for it), or null when it sends none. */
export function storeChangedChannel(schema: string): string | null {
  const channel = `imr:${schema}`;
  return Buffer.byteLength(channel) <= 63 ? channel : null;
}

const PING_MS = 1_000;
/** The payload of a probe; the triggers send an empty one. */
const PROBE = 'probe';
/** How long start() waits for its first probe (so a store opened a moment ago answers from the feed). */
const FIRST_PROBE_MS = 1_000;
const TRUST_MS = 3_000;
const RECONNECT_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

export class PostgresStoreChanges {
  private client: pg.Client | null = null;
  private changes = 0;
  private aliveAt = Number.NEGATIVE_INFINITY;
  private failures = 0;
  private closed = false;
  private ping: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private probeArrived: () => void = () => {};

  /**
   * `probe` sends `select pg_notify(channel, 'probe')` through a connection other than the listener's (errors
   * are ignored: an unanswered probe only leaves the count unvouched).
   */
  constructor(
    private readonly config: pg.ClientConfig,
    private readonly channel: string,
    private readonly probe: (channel: string, payload: string) => Promise<unknown>,
  ) {}

  /** The number of commits seen, while delivery is seen to work; null when the store must be asked. */
  version(): number | null {
    return performance.now() - this.aliveAt < TRUST_MS ? this.changes : null;
  }

  /**
   * Starts listening. False, and nothing started, when the store has no notifying triggers (a store migrated
   * before them, opened read-only): its commits would go unseen.
   */
  async start(): Promise<boolean> {
    const client = await this.connect();
    try {
      const { rows } = await client.query<{ notifies: boolean }>(
        `select exists (select 1 from pg_trigger where tgname = 'cases_store_changed'
           and tgrelid = to_regclass('cases')) as notifies`,
      );
      if (!rows[0]?.notifies) {
        await client.end();
        return false;
      }
      const arrived = new Promise<void>((resolve) => {
        this.probeArrived = resolve;
        setTimeout(resolve, FIRST_PROBE_MS).unref();
      });
      await this.listen(client);
      await arrived;
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    this.ping = setInterval(() => this.checkAlive(), PING_MS);
    this.ping.unref();
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.ping) clearInterval(this.ping);
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.aliveAt = Number.NEGATIVE_INFINITY;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ ...this.config, keepAlive: true });
    // Until listen() takes it over: a failed start is reported by connect's own rejection.
    client.on('error', () => {});
    await client.connect();
    return client;
  }

  private async listen(client: pg.Client): Promise<void> {
    client.on('notification', (message) => {
      if (message.channel !== this.channel) return;
      if (message.payload === PROBE) {
        this.aliveAt = performance.now();
        this.probeArrived();
      } else {
        this.changes++;
      }
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.query(`listen ${pg.escapeIdentifier(this.channel)}`);
    this.client = client;
    this.failures = 0;
    this.sendProbe();
  }

  private sendProbe(): void {
    this.probe(this.channel, PROBE).catch(() => {});
  }

  private checkAlive(): void {
    const client = this.client;
    if (!client) return;
    // The listener answering finds a lost connection; the probe's arrival is what vouches for the count.
    client.query('select 1').catch(() => this.lost(client));
    this.sendProbe();
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.aliveAt = Number.NEGATIVE_INFINITY;
    client.end().catch(() => {});
    this.reconnectLater();
  }

  private reconnectLater(): void {
    if (this.closed || this.retry) return;
    const delay = RECONNECT_MS[Math.min(this.failures, RECONNECT_MS.length - 1)] ?? 30_000;
    this.retry = setTimeout(async () => {
      this.retry = null;
      try {
        const client = await this.connect();
        if (this.closed) {
          await client.end();
          return;
        }
        // Commits while no one listened went unseen: move on as if one had been seen.
        this.changes++;
        await this.listen(client);
      } catch {
        this.failures++;
        this.reconnectLater();
      }
    }, delay);
    this.retry.unref();
  }
}

const feeds = new WeakMap<object, PostgresStoreChanges>();

/** Registers the change feed of the read-only PostgreSQL store whose query builder is `db`. */
export function markPostgresStoreChanges(db: object, changes: PostgresStoreChanges): void {
  feeds.set(db, changes);
}

/** The commit count of `db`'s change feed, or undefined when it has none or cannot vouch for it now. */
export function postgresStoreChangeCount(db: object): number | undefined {
  return feeds.get(rootHandle(db))?.version() ?? undefined;
}
