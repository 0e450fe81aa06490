import type { Db } from '@imr/store/client';
import type { SqlDialect } from '@imr/store/repositories/item-filter';
import { initContextCache } from '@pothos/core';

/** Per-request context: the store handle, and the request's own loaders (request-scoped.ts). */
export interface Context {
  /** The store; once the operation runs, a handle of its own whose statements carry its deadline (time-limit.plugin.ts). */
  db: Db;
  dialect: SqlDialect;
  /** Values made once per request by `requestScoped`, released when its operation is done. */
  requestValues: Map<symbol, unknown>;
  /** `performance.now()`-based time the operation must end by, set when it starts running; none before. */
  deadline: number | undefined;
}

export function createContext(db: Db, dialect: SqlDialect = 'sqlite'): Context {
  // The context cache keeps per-request loaders attached even when the server copies the context object.
  // Object.assign, not a spread: V8 (Node 20) copies a symbol-keyed property by spread on a slow path whose
  // objects outlive the scavenges after them, and every context did, with all it reached (a loop of bare
  // contexts: 30 ms scavenges with 20 MB surviving each; with Object.assign, under 1 ms).
  return Object.assign(initContextCache(), {
    db,
    dialect,
    requestValues: new Map<symbol, unknown>(),
    deadline: undefined,
  });
}
