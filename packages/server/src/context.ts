import type { Db } from '@imr/store/client';
import type { SqlDialect } from '@imr/store/repositories/item-filter';
import { initContextCache } from '@pothos/core';

/** Per-request context: the store handle. Dataloaders are created per request by the Pothos dataloader plugin. */
export interface Context {
  db: Db;
  dialect: SqlDialect;
}

export function createContext(db: Db, dialect: SqlDialect = 'sqlite'): Context {
  // The context cache keeps per-request loaders attached even when the server copies the context object.
  return { ...initContextCache(), db, dialect };
}
