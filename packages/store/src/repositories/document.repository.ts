import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database';

// Reads of stored letter documents, for `imr reparse`: the raw text of every letter another parser version
// produced, in id order, one page at a time.

type Executor = Kysely<Database> | Transaction<Database>;

export interface StoredDocument {
  id: number;
  sourcePath: string;
  sizeBytes: number;
  /** The compressed letter text (letter-text-codec.ts). */
  rawText: Uint8Array;
}

export async function countDocumentsNotParsedBy(db: Executor, parserVersion: string): Promise<number> {
  const row = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parserVersion', '!=', parserVersion)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The next `limit` documents after `afterId` (keyset pagination) whose rows another parser version derived. */
export async function listDocumentsNotParsedBy(
  db: Executor,
  args: { parserVersion: string; afterId: number; limit: number },
): Promise<StoredDocument[]> {
  return db
    .selectFrom('documents')
    .select(['id', 'sourcePath', 'sizeBytes', 'rawText'])
    .where('parserVersion', '!=', args.parserVersion)
    .where('id', '>', args.afterId)
    .orderBy('id')
    .limit(args.limit)
    .execute();
}
