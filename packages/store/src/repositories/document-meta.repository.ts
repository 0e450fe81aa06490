import { sql } from 'kysely';
import type { DocumentRow } from '../database';
import { decompressLetterText } from '../letter-text-codec';
import type { Reader } from './keyset';
import { keyIn, keyList } from './rows-by-key';
import { runShaped } from './shaped-statement';

// The API's reads of stored letters: provenance for the Case page, and the letter text itself on demand.

/** A stored letter's provenance, without its (compressed) text. */
export type DocumentMeta = Omit<DocumentRow, 'rawText'>;

export async function documentsByIds(
  { db, dialect }: Reader,
  ids: readonly number[],
): Promise<DocumentMeta[]> {
  if (ids.length === 0) return [];
  return runShaped<DocumentMeta>(
    db,
    'documentsByIds',
    (value) =>
      db
        .selectFrom('documents')
        .select(['id', 'sha256', 'sourcePath', 'sizeBytes', 'ingestedAt', 'parserVersion'])
        .where(keyIn(dialect, sql.ref('id'), value(0))),
    [keyList(dialect, ids)],
  );
}

/** The letters' raw text, decompressed (letter-text-codec.ts says how documents store it). */
export async function letterTextsByDocumentIds(
  { db }: Reader,
  ids: readonly number[],
): Promise<(string | null)[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('documents').select(['id', 'rawText']).where('id', 'in', ids).execute();
  const texts = new Map(rows.map((r) => [r.id, decompressLetterText(r.rawText)]));
  return ids.map((id) => texts.get(id) ?? null);
}
