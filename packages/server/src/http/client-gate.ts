/**
 * At most `perClient` operations of one client run at once; its further ones wait their turn in order, and
 * past `queuePerClient` waiting they are refused. One client's pile of heavy operations then takes turns with
 * everyone else's requests instead of filling the process.
 */
export class ClientGate {
  private readonly clients = new Map<string, { running: number; waiting: (() => void)[] }>();

  constructor(
    readonly perClient: number,
    readonly queuePerClient: number,
  ) {}

  /** Resolves with a release function once the client may run, or null at once when its queue is full. */
  async enter(client: string): Promise<(() => void) | null> {
    const state = this.clients.get(client) ?? { running: 0, waiting: [] };
    this.clients.set(client, state);
    if (state.running >= this.perClient) {
      if (state.waiting.length >= this.queuePerClient) return null;
      await new Promise<void>((resolve) => state.waiting.push(resolve));
    } else {
      state.running += 1;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = state.waiting.shift();
      // The slot passes straight to the next waiter; the client is forgotten once it has nothing left.
      if (next) next();
      else if (--state.running === 0) this.clients.delete(client);
    };
  }

  /** Operations running or waiting for the client. */
  load(client: string): number {
    const state = this.clients.get(client);
    return state ? state.running + state.waiting.length : 0;
  }
}
