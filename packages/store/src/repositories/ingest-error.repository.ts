import type { IngestErrorRow } from '../database';
import {
  countSelected,
  filteredPage,
  type KeysetOrder,
  type Page,
  type PageRequest,
  type Reader,
} from './keyset';
import { rowsByIds } from './rows-by-key';

/** Newest rejections first. */
export const INGEST_ERRORS_ORDER: KeysetOrder = {
  name: 'INGEST_ERRORS',
  column: null,
  id: 'ingestErrors.id',
  direction: 'desc',
};

export async function listIngestErrors({ db }: Reader, request: PageRequest): Promise<Page<IngestErrorRow>> {
  return filteredPage(INGEST_ERRORS_ORDER, request, db.selectFrom('ingestErrors').selectAll());
}

export async function countIngestErrors({ db }: Reader): Promise<number> {
  return countSelected(db.selectFrom('ingestErrors').selectAll());
}

export function ingestErrorsByIds(reader: Reader, ids: readonly number[]): Promise<IngestErrorRow[]> {
  return rowsByIds(reader, 'ingestErrors', ids);
}
