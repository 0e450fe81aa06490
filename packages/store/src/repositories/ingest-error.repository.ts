import type { IngestErrorRow } from '../database';
import {
  type KeysetOrder,
  keysetPage,
  type Page,
  type PageRequest,
  type Reader,
  segmentCondition,
  segmentOrderBy,
} from './keyset';

/** Newest rejections first. */
export const INGEST_ERRORS_ORDER: KeysetOrder = {
  name: 'INGEST_ERRORS',
  column: null,
  id: 'ingestErrors.id',
  direction: 'desc',
};

export async function listIngestErrors({ db }: Reader, request: PageRequest): Promise<Page<IngestErrorRow>> {
  return keysetPage(INGEST_ERRORS_ORDER, request, (segment, limit) =>
    db
      .selectFrom('ingestErrors')
      .selectAll()
      .where(segmentCondition(INGEST_ERRORS_ORDER, segment))
      .orderBy(segmentOrderBy(INGEST_ERRORS_ORDER, segment))
      .limit(limit)
      .execute(),
  );
}

export async function countIngestErrors({ db }: Reader): Promise<number> {
  const row = await db
    .selectFrom('ingestErrors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function ingestErrorsByIds({ db }: Reader, ids: readonly number[]): Promise<IngestErrorRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('ingestErrors').selectAll().where('id', 'in', ids).execute();
}
