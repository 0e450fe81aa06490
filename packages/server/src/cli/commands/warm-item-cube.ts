import { warmItemCube } from '@imr/analytics/item-cube-snapshot';
import type { Store } from '@imr/store/client';

/**
 * Starts building the itemStats cube of a large store as soon as the server listens (SQL answers meanwhile),
 * and says on stderr when it is ready: its first build over millions of items takes seconds.
 */
export function warmItemCubeInBackground(store: Store, signal: AbortSignal): void {
  warmItemCube(store.db, store.dialect)
    .then((seconds) => {
      if (signal.aborted) return;
      console.error(
        seconds === null
          ? 'itemStats answers from SQL (a small store, or IMR_STATS_CUBE=off)'
          : `itemStats cube ready in ${seconds.toFixed(1)} s`,
      );
    })
    // A server stopping while the cube builds closes the store under it: not worth a line.
    .catch((error: unknown) => {
      if (!signal.aborted) console.error(`itemStats cube not built (SQL answers): ${String(error)}`);
    });
}
