import { inflateRawSync } from 'node:zlib';
import type { DocumentRow } from '../database';
import type { Reader } from './keyset';

// The API's reads of stored letters: provenance for the Case page, and the letter text itself on demand.

/** A stored letter's provenance, without its (compressed) text. */
export type DocumentMeta = Omit<DocumentRow, 'rawText'>;

export async function documentsByIds({ db }: Reader, ids: readonly number[]): Promise<DocumentMeta[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('documents')
    .select(['id', 'sha256', 'sourcePath', 'sizeBytes', 'ingestedAt', 'parserVersion'])
    .where('id', 'in', ids)
    .execute();
}

/** The letters' raw text, decompressed (documents store it deflated with zlib deflateRaw). */
export async function letterTextsByDocumentIds(
  { db }: Reader,
  ids: readonly number[],
): Promise<(string | null)[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('documents').select(['id', 'rawText']).where('id', 'in', ids).execute();
  const texts = new Map(rows.map((r) => [r.id, inflateRawSync(r.rawText).toString('utf8')]));
  return ids.map((id) => texts.get(id) ?? null);
}
