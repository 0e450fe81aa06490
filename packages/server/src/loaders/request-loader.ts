import DataLoader from 'dataloader';
import type { Context } from '../context';
import { requestScoped } from '../request-scoped';

/**
 * A DataLoader created once per request (cached on the request's context): keys asked for in the same tick are
 * loaded by one call of `load`, which returns one value per key, in key order.
 */
export function requestLoader<K, V>(
  load: (ctx: Context, keys: readonly K[]) => Promise<V[]>,
): (ctx: Context) => DataLoader<K, V> {
  return requestScoped((ctx: Context) => new DataLoader<K, V>((keys) => load(ctx, keys)));
}
