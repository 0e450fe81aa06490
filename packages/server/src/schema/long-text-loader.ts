import { boundedKeyReader } from '@imr/store/bounded-key-reads';
import type { LongTextTable } from '@imr/store/database';
import { longTextsByIds } from '@imr/store/repositories/rows-by-key';
import type { Context } from '../context';

/**
 * The loader of a `summary`, `rationale` or citation `text` field: rows come without their long text
 * (LONG_TEXT_COLUMNS), so it is read by id, one batched statement a level, only when a query asks.
 */
export function loadLongText(table: LongTextTable) {
  return (ids: number[], ctx: Context): Promise<(string | null)[]> =>
    longTextsByIds(boundedKeyReader(ctx, ids.length), table, ids);
}
